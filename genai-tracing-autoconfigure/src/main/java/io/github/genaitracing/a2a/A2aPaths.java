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

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.util.AntPathMatcher;

/**
 * Which inbound requests may be A2A JSON-RPC requests: POSTs with a JSON (or no) content
 * type on the configured paths, never the agent card or the actuator.
 */
final class A2aPaths {

	/**
	 * The key under which a request's decision is kept in its observation context, made
	 * once by whichever part asks first ({@link #decide}).
	 */
	static final String DECISION_KEY = A2aPaths.class.getName() + ".decision";

	private static final AntPathMatcher MATCHER = new AntPathMatcher();

	private final List<Pattern> paths;

	private final List<Pattern> excludes;

	private final Decision mayBe = new Decision(this, true);

	private final Decision not = new Decision(this, false);

	/** The last other paths found to have these patterns. */
	private volatile @Nullable A2aPaths samePatterns;

	A2aPaths(List<String> paths, List<String> excludes) {
		this.paths = paths.stream().map(Pattern::of).toList();
		this.excludes = excludes.stream().map(Pattern::of).toList();
	}

	/**
	 * Decides whether a request may be A2A, as {@link #mayBeA2a} does, in a form to keep
	 * for the other parts that ask about the same request.
	 * @param request the request
	 * @return the decision
	 */
	Decision decide(HttpServletRequest request) {
		return mayBeA2a(request) ? this.mayBe : this.not;
	}

	/**
	 * Whether a request may be A2A: the kept decision when these paths made it, else
	 * decided now.
	 * @param request the request
	 * @param kept the decision kept for the request, or {@code null}
	 * @return whether the request may be A2A
	 */
	boolean mayBeA2a(HttpServletRequest request, @Nullable Object kept) {
		if (kept instanceof Decision decision && decision.paths() != null && decision.paths().samePatterns(this)) {
			return decision.mayBeA2a();
		}
		return mayBeA2a(request);
	}

	private boolean samePatterns(A2aPaths other) {
		if (other == this || other == this.samePatterns) {
			return true;
		}
		if (this.paths.equals(other.paths) && this.excludes.equals(other.excludes)) {
			// the handler's paths, compared once
			this.samePatterns = other;
			return true;
		}
		return false;
	}

	boolean mayBeA2a(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod())) {
			return false;
		}
		String contentType = request.getContentType();
		if (contentType != null && !containsJson(contentType)) {
			return false;
		}
		String contextPath = request.getContextPath();
		String path = contextPath.isEmpty() ? request.getRequestURI()
				: request.getRequestURI().substring(contextPath.length());
		if (path.startsWith("/.well-known/") || path.startsWith("/actuator")) {
			return false;
		}
		for (int i = 0; i < this.excludes.size(); i++) {
			if (this.excludes.get(i).matches(path)) {
				return false;
			}
		}
		for (int i = 0; i < this.paths.size(); i++) {
			if (this.paths.get(i).matches(path)) {
				return true;
			}
		}
		return false;
	}

	/** Whether a content type contains {@code json} in any case, without a lowercase copy. */
	private static boolean containsJson(String contentType) {
		if (contentType.startsWith("application/json")) {
			// what nearly every client sends
			return true;
		}
		for (int i = 0; i + 4 <= contentType.length(); i++) {
			if ((contentType.charAt(i) | 0x20) == 'j' && contentType.regionMatches(true, i, "json", 0, 4)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a request may be A2A, as decided by the paths named (none when the decision
	 * failed and is not to be reused).
	 *
	 * @param paths the paths that decided, or {@code null}
	 * @param mayBeA2a whether the request may be A2A
	 */
	record Decision(@Nullable A2aPaths paths, boolean mayBeA2a) {

		/** A decision that failed: the request is not handled as A2A by the asker. */
		static final Decision FAILED = new Decision(null, false);

	}

	/**
	 * An Ant-style path pattern, decided once: a plain path is compared, a
	 * {@code prefix/**} pattern is a prefix test, anything else goes to the matcher.
	 */
	private record Pattern(String pattern, @Nullable String plain, @Nullable String prefix) {

		static Pattern of(String pattern) {
			if (!MATCHER.isPattern(pattern)) {
				return new Pattern(pattern, pattern, null);
			}
			if (pattern.endsWith("/**")) {
				String prefix = pattern.substring(0, pattern.length() - 3);
				if (!MATCHER.isPattern(prefix)) {
					return new Pattern(pattern, null, prefix);
				}
			}
			return new Pattern(pattern, null, null);
		}

		boolean matches(String path) {
			if (this.plain != null) {
				return this.plain.equals(path);
			}
			if (this.prefix != null) {
				// as the matcher: "/a2a/**" matches "/a2a" and everything below it
				return path.startsWith(this.prefix) && (path.length() == this.prefix.length()
						|| path.charAt(this.prefix.length()) == '/');
			}
			return MATCHER.match(this.pattern, path);
		}

	}

}
