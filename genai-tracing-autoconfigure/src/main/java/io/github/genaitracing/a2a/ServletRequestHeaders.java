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

import java.util.Collections;

import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Reads a servlet request's headers for OpenTelemetry propagators, for the filters that
 * look at the caller's trace context.
 *
 * @since 0.1.0
 */
final class ServletRequestHeaders {

	/**
	 * The getter over a request's headers.
	 */
	static final TextMapGetter<HttpServletRequest> GETTER = new TextMapGetter<>() {

		@Override
		public Iterable<String> keys(HttpServletRequest carrier) {
			return Collections.list(carrier.getHeaderNames());
		}

		@Override
		public @Nullable String get(@Nullable HttpServletRequest carrier, String key) {
			return (carrier != null) ? carrier.getHeader(key) : null;
		}

	};

	private ServletRequestHeaders() {
	}

}
