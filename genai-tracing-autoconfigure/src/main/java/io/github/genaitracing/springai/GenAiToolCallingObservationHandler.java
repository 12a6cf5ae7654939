package io.github.genaitracing.springai;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelSpan;
import io.opentelemetry.context.Context;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.observation.ToolCallingObservationContext;

import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.span.GenAiOperation;
import io.github.genaitracing.span.GenAiSpan;
import io.github.genaitracing.span.GenAiSpans;

/**
 * Makes the span of each Spring AI tool calling observation a GenAI
 * {@code execute_tool {tool}} span written through {@link GenAiSpans}, in place of the
 * span with {@code spring.ai.tool.*} keys Micrometer's default tracing handler would
 * make. A {@code @ToolCall} method run by it records on this span.
 *
 * @since 0.1.0
 */
public final class GenAiToolCallingObservationHandler
		implements TracingObservationHandler<ToolCallingObservationContext> {

	private final Tracer tracer;

	private final GenAiSpans spans;

	private final ContentPolicy contentPolicy;

	/**
	 * Creates the handler.
	 * @param tracer the Micrometer tracer
	 * @param spans the span writer
	 * @param contentPolicy the content policy
	 */
	public GenAiToolCallingObservationHandler(Tracer tracer, GenAiSpans spans, ContentPolicy contentPolicy) {
		this.tracer = tracer;
		this.spans = spans;
		this.contentPolicy = contentPolicy;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ToolCallingObservationContext;
	}

	@Override
	public Tracer getTracer() {
		return this.tracer;
	}

	@Override
	public void onStart(ToolCallingObservationContext context) {
		ToolDefinition definition = context.getToolDefinition();
		GenAiOperation operation = GenAiOperation.tool(definition.name())
			.toolDescription(definition.description())
			.toolCallId(context.getToolCallId())
			.toolType((context.getToolType() != null) ? context.getToolType() : "function")
			.build();
		io.micrometer.tracing.Span parent = getParentSpan(context);
		Context parentContext = (parent != null) ? Context.current().with(OtelSpan.toOtel(parent)) : Context.current();
		GenAiSpan span = this.spans.start(operation, parentContext);
		span.recordInput(this.contentPolicy.captureJsonOrText(context.getToolCallArguments()));
		context.put(GenAiSpan.class, span);
		getTracingContext(context).setSpan(OtelSpan.fromOtel(span.span()));
	}

	@Override
	public void onError(ToolCallingObservationContext context) {
		GenAiSpan span = context.get(GenAiSpan.class);
		if (span != null && context.getError() != null) {
			span.recordError(context.getError());
		}
	}

	@Override
	public void onStop(ToolCallingObservationContext context) {
		GenAiSpan span = context.get(GenAiSpan.class);
		if (span != null) {
			try {
				span.recordOutput(this.contentPolicy.captureJsonOrText(context.getToolCallResult()));
			}
			finally {
				span.end();
			}
		}
	}

}
