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

import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.spi.AgentInvocation;
import io.github.genaitracing.spi.AgentRequest;
import io.github.genaitracing.spi.AttributeSink;

/**
 * Describes the SERVER span of an A2A request that is not an agent run (a poll, a
 * cancellation, configuration), and in the {@code server-span} layout of every request:
 * named after the A2A method ({@code GetTask}…), with the A2A attributes and what the
 * vocabularies write of an {@link AgentRequest} (no operation name, no OpenInference or
 * MLflow kind, no content), plus the request's network attributes ({@code client.address},
 * {@code client.port}, {@code server.address}, {@code server.port}). A message's
 * {@code invoke_agent} span is its child in the {@code server-span} layout.
 */
final class A2aServerSpan {

	/** The name of a server span whose A2A method is unknown (never the client's text). */
	static final String UNKNOWN_METHOD_SPAN_NAME = "POST";

	private A2aServerSpan() {
	}

	/**
	 * The span of one request: the method's operation with the request's A2A and network
	 * attributes, and the caller's link.
	 */
	static AgentRequest operation(AgentInvocation agent, A2aRequest a2a, HttpServletRequest request,
			@Nullable SpanContext link) {
		String name = (a2a.method() != null) ? a2a.method().logicalName() : UNKNOWN_METHOD_SPAN_NAME;
		AgentRequest.Builder operation = a2a.describe(AgentRequest.of(name, agent));
		writeAddresses(request, A2aRequest.protocolAttributesOf(operation));
		if (link != null) {
			operation.link(link);
		}
		return operation.build();
	}

	/**
	 * The operation of every request of a method, without what a request adds ({@link
	 * A2aRequest#writeAttributes}, {@link #writeAddresses}, the caller's link): for its
	 * start attributes written once.
	 */
	static AgentRequest operation(AgentInvocation agent, A2aMethod method) {
		return AgentRequest.of(method.logicalName(), agent).build();
	}

	/**
	 * Writes where the request came from and where it arrived: the client's address and
	 * port, and the server's name and, with it, its port.
	 */
	static void writeAddresses(HttpServletRequest request, AttributeSink sink) {
		String client = request.getRemoteAddr();
		sink.put(GenAiAttributes.CLIENT_ADDRESS, (client != null && !client.isEmpty()) ? client : null);
		int clientPort = request.getRemotePort();
		sink.put(GenAiAttributes.CLIENT_PORT, (clientPort > 0) ? (long) clientPort : null);
		String server = request.getServerName();
		if (server != null && !server.isEmpty()) {
			sink.put(GenAiAttributes.SERVER_ADDRESS, server);
			int serverPort = request.getServerPort();
			sink.put(GenAiAttributes.SERVER_PORT, (serverPort > 0) ? (long) serverPort : null);
		}
	}

}
