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

package io.github.genaitracing.observation;

import java.util.List;
import java.util.function.Predicate;

import io.micrometer.observation.Observation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Servlet requests that only watch the application: actuator endpoints (health, the
 * Prometheus scrape, the genaitracing endpoint), the trace view and agent card GETs
 * ({@code /.well-known/agent-card.json} and older names). They make no trace spans by
 * default; their HTTP metrics are recorded either way.
 *
 * @since 0.1.0
 */
public final class InfrastructureRequests implements Predicate<Observation.Context> {

	private static final String WELL_KNOWN_AGENT = "/.well-known/agent";

	private static final String DECISION = InfrastructureRequests.class.getName() + ".untraced";

	private final List<String> pathPrefixes;

	/** Each prefix followed by a slash, made once. */
	private final List<String> directories;

	/**
	 * Creates the predicate.
	 * @param pathPrefixes path prefixes (without the servlet context path) of the
	 * requests left out, such as the actuator base path
	 */
	public InfrastructureRequests(List<String> pathPrefixes) {
		this.pathPrefixes = pathPrefixes.stream().filter((prefix) -> !prefix.isBlank() && !"/".equals(prefix)).toList();
		this.directories = this.pathPrefixes.stream()
			.map((prefix) -> prefix.endsWith("/") ? prefix : prefix + "/")
			.toList();
	}

	@Override
	public boolean test(Observation.Context context) {
		if (!(context instanceof ServerRequestObservationContext server)) {
			return false;
		}
		// asked at every event of the request's observation: decided once per request
		Boolean decided = server.get(DECISION);
		if (decided != null) {
			return decided;
		}
		boolean untraced = untraced(server.getCarrier());
		server.put(DECISION, untraced);
		return untraced;
	}

	private boolean untraced(HttpServletRequest request) {
		String path = request.getRequestURI();
		String contextPath = request.getContextPath();
		if (path == null) {
			return false;
		}
		if (contextPath != null && !contextPath.isEmpty() && path.startsWith(contextPath)) {
			path = path.substring(contextPath.length());
		}
		if ("GET".equals(request.getMethod()) && path.startsWith(WELL_KNOWN_AGENT)) {
			return true;
		}
		for (int i = 0; i < this.pathPrefixes.size(); i++) {
			if (path.equals(this.pathPrefixes.get(i)) || path.startsWith(this.directories.get(i))) {
				return true;
			}
		}
		return false;
	}

}
