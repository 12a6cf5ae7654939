package io.github.genaitracing.a2a;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import io.github.genaitracing.semconv.A2aAttributes;
import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.span.GenAiOperation;

/**
 * The SERVER span of the A2A server conventions, named after the A2A method
 * ({@code SendMessage}…), made in the {@link A2aTracingFilter.Layout#SERVER_SPAN} layout
 * with the {@code invoke_agent} span as its child. It carries the A2A attributes only;
 * content and the GenAI vocabularies stay on the agent span.
 */
final class A2aServerSpan {

	private final Span span;

	private A2aServerSpan(Span span) {
		this.span = span;
	}

	static A2aServerSpan start(Tracer tracer, Context parent, GenAiOperation agent, A2aRequest a2a,
			HttpServletRequest request) {
		String name = (a2a.method() != null) ? a2a.method().logicalName()
				: (a2a.wireMethod() != null) ? a2a.wireMethod() : "A2A";
		SpanBuilder builder = tracer.spanBuilder(name).setSpanKind(SpanKind.SERVER).setParent(parent);
		agent.protocolAttributes().forEach((key, value) -> putAttribute(builder, key, value));
		agent.links().forEach(builder::addLink);
		putString(builder, GenAiAttributes.CONVERSATION_ID, agent.conversationId());
		putString(builder, GenAiAttributes.AGENT_NAME, agent.agentName());
		putString(builder, GenAiAttributes.AGENT_DESCRIPTION, agent.agentDescription());
		putString(builder, GenAiAttributes.AGENT_VERSION, agent.agentVersion());
		putString(builder, GenAiAttributes.CLIENT_ADDRESS, request.getRemoteAddr());
		if (request.getRemotePort() > 0) {
			builder.setAttribute(GenAiAttributes.CLIENT_PORT, (long) request.getRemotePort());
		}
		putString(builder, GenAiAttributes.SERVER_ADDRESS, request.getServerName());
		if (request.getServerPort() > 0) {
			builder.setAttribute(GenAiAttributes.SERVER_PORT, (long) request.getServerPort());
		}
		return new A2aServerSpan(builder.startSpan());
	}

	Context context(Context parent) {
		return parent.with(this.span);
	}

	void recordResult(@Nullable String taskState, @Nullable String taskId) {
		if (taskState != null) {
			this.span.setAttribute(A2aAttributes.TASK_STATE, taskState);
		}
		if (taskId != null) {
			this.span.setAttribute(A2aAttributes.TASK_ID, taskId);
		}
	}

	void recordError(String errorType, @Nullable String description) {
		this.span.setAttribute(GenAiAttributes.ERROR_TYPE, errorType);
		this.span.setStatus(StatusCode.ERROR, (description != null) ? description : "");
	}

	void end() {
		this.span.end();
	}

	@SuppressWarnings("unchecked")
	private static void putAttribute(SpanBuilder builder, AttributeKey<?> key, Object value) {
		builder.setAttribute((AttributeKey<Object>) key, value);
	}

	private static void putString(SpanBuilder builder, AttributeKey<String> key, @Nullable String value) {
		if (value != null && !value.isEmpty()) {
			builder.setAttribute(key, value);
		}
	}

}
