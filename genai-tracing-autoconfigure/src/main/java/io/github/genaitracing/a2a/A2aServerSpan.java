package io.github.genaitracing.a2a;

import jakarta.servlet.http.HttpServletRequest;

import io.github.genaitracing.spi.AgentInvocation;
import io.github.genaitracing.spi.AgentRequest;

/**
 * Describes the SERVER span of the A2A server conventions, named after the A2A method
 * ({@code SendMessage}…), made in the {@code server-span} layout with the
 * {@code invoke_agent} span as its child. It carries the A2A attributes and what the
 * vocabularies write of an {@link AgentRequest}; content stays on the agent span.
 */
final class A2aServerSpan {

	private A2aServerSpan() {
	}

	static AgentRequest operation(AgentInvocation agent, A2aRequest a2a, HttpServletRequest request) {
		String name = (a2a.method() != null) ? a2a.method().logicalName()
				: (a2a.wireMethod() != null) ? a2a.wireMethod() : "A2A";
		AgentRequest.Builder operation = AgentRequest.of(name, agent)
			.protocolAttributes(agent.protocolAttributes())
			.client(request.getRemoteAddr(), (request.getRemotePort() > 0) ? (long) request.getRemotePort() : null)
			.server(request.getServerName(), (request.getServerPort() > 0) ? (long) request.getServerPort() : null);
		agent.links().forEach(operation::link);
		return operation.build();
	}

}
