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

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Names Spring Boot's HTTP server span after the A2A request it carries
 * ({@code invoke_agent {agent}}, or the A2A method) when Micrometer Tracing's handler made
 * it: the observation recomputes its contextual name when it stops, and that handler
 * names the span from it, so the name the {@link A2aTracingFilter} chose, kept in the
 * observation's context, is applied here, just before. A span the starter's own
 * {@link A2aServerObservationHandler} made is named on the span itself. Only the contextual (span) name changes: the observation's name and
 * key values, from which {@code http.server.requests} is recorded, stay as they are.
 *
 * @since 0.1.0
 */
public final class A2aServerSpanNaming implements ObservationFilter {

	/** The observation context's entry holding the span name the A2A filter chose. */
	private static final String SPAN_NAME_KEY = A2aServerSpanNaming.class.getName() + ".name";

	@Override
	public Observation.Context map(Observation.Context context) {
		if (context instanceof ServerRequestObservationContext && context.get(SPAN_NAME_KEY) instanceof String name) {
			context.setContextualName(name);
		}
		return context;
	}

	/**
	 * Keeps the span name the A2A filter chose in the request's observation context.
	 * @param observation the request's observation context
	 * @param name the span's name
	 */
	static void name(ServerRequestObservationContext observation, String name) {
		observation.put(SPAN_NAME_KEY, name);
	}

	/**
	 * The span name the A2A filter chose for a request, when it chose one.
	 * @param observation the request's observation context
	 * @return the name, or {@code null}
	 */
	static @Nullable String name(Observation.Context observation) {
		return (observation.get(SPAN_NAME_KEY) instanceof String name) ? name : null;
	}

}
