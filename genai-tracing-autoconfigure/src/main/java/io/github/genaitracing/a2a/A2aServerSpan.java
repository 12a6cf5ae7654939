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

import io.opentelemetry.api.trace.SpanContext;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import io.github.genaitracing.spi.AgentInvocation;
import io.github.genaitracing.spi.AgentRequest;

/**
 * Describes the SERVER span of an A2A request that is not an agent run (a poll, a
 * cancellation, configuration), and in the {@code server-span} layout of every request:
 * named after the A2A method ({@code GetTask}…), with the A2A attributes and what the
 * vocabularies write of an {@link AgentRequest} (no operation name, no OpenInference or
 * MLflow kind, no content). A message's {@code invoke_agent} span is its child in the
 * {@code server-span} layout.
 */
final class A2aServerSpan {

	/** The name of a server span whose A2A method is unknown (never the client's text). */
	static final String UNKNOWN_METHOD_SPAN_NAME = "POST";

	private A2aServerSpan() {
	}

	static AgentRequest operation(AgentInvocation agent, A2aRequest a2a, HttpServletRequest request,
			@Nullable SpanContext link) {
		String name = (a2a.method() != null) ? a2a.method().logicalName() : UNKNOWN_METHOD_SPAN_NAME;
		AgentRequest.Builder operation = a2a.describe(AgentRequest.of(name, agent))
			.client(request.getRemoteAddr(), (request.getRemotePort() > 0) ? (long) request.getRemotePort() : null)
			.server(request.getServerName(), (request.getServerPort() > 0) ? (long) request.getServerPort() : null);
		if (link != null) {
			operation.link(link);
		}
		return operation.build();
	}

}
