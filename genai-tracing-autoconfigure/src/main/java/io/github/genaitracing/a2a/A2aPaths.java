/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.genaitracing.a2a;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.util.AntPathMatcher;

/**
 * Which inbound requests may be A2A JSON-RPC requests: POSTs with a JSON (or no) content
 * type on the configured paths, never the agent card or the actuator.
 */
final class A2aPaths {

	private final AntPathMatcher matcher = new AntPathMatcher();

	private final List<String> paths;

	private final List<String> excludes;

	A2aPaths(List<String> paths, List<String> excludes) {
		this.paths = List.copyOf(paths);
		this.excludes = List.copyOf(excludes);
	}

	boolean mayBeA2a(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod())) {
			return false;
		}
		String contentType = request.getContentType();
		if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("json")) {
			return false;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/.well-known/") || path.startsWith("/actuator")) {
			return false;
		}
		for (String exclude : this.excludes) {
			if (this.matcher.match(exclude, path)) {
				return false;
			}
		}
		for (String pattern : this.paths) {
			if (this.matcher.match(pattern, path)) {
				return true;
			}
		}
		return false;
	}

}
