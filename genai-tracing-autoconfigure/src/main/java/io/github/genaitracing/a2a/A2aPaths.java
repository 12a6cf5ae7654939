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
