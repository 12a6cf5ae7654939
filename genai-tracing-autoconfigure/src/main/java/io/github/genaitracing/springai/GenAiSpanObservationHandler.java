package io.github.genaitracing.springai;

import java.net.URI;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelSpan;
import io.opentelemetry.context.Context;
import org.jspecify.annotations.Nullable;

import io.github.genaitracing.span.GenAiOperation;
import io.github.genaitracing.span.GenAiSpan;
import io.github.genaitracing.span.GenAiSpans;
import io.github.genaitracing.span.TokenUsage;

/**
 * Makes the span of one kind of Spring AI observation through {@link GenAiSpans} and
 * keeps Micrometer's tracing context pointing at it, so that scopes, nested spans and
 * trace-correlated logging work as with Micrometer's own span.
 *
 * @param <T> the observation context type
 */
abstract class GenAiSpanObservationHandler<T extends Observation.Context> implements TracingObservationHandler<T> {

	private static final Object START_NANOS = new Object();

	private final Tracer tracer;

	private final GenAiSpans spans;

	private volatile @Nullable GenAiClientMetrics metrics;

	GenAiSpanObservationHandler(Tracer tracer, GenAiSpans spans) {
		this.tracer = tracer;
		this.spans = spans;
	}

	/**
	 * Records the client metrics of each finished operation, when it is a client
	 * operation (chat, embeddings).
	 * @param metrics the metrics, or {@code null} for none
	 */
	public final void setMetrics(@Nullable GenAiClientMetrics metrics) {
		this.metrics = metrics;
	}

	final @Nullable GenAiClientMetrics metrics() {
		return this.metrics;
	}

	@Override
	public final Tracer getTracer() {
		return this.tracer;
	}

	@Override
	public final void onStart(T context) {
		Context parentContext = parentContext(context);
		long startNanos = System.nanoTime();
		GenAiSpan span = this.spans.start(operation(context), parentContext);
		context.put(START_NANOS, startNanos);
		context.put(GenAiSpan.class, span);
		started(span, context, startNanos);
		getTracingContext(context).setSpan(OtelSpan.fromOtel(span.span()));
	}

	/**
	 * The parent of the GenAI span: the current OpenTelemetry span when it belongs to the
	 * same trace as the parent observation's span, because it was then started inside
	 * that observation's scope (an {@code invoke_agent} span of an {@code @AgentInvoke}
	 * method or of an A2A request, which has no observation of its own); else the parent
	 * observation's span; else the current context.
	 */
	private Context parentContext(T context) {
		io.micrometer.tracing.Span parent = getParentSpan(context);
		Context current = Context.current();
		if (parent == null) {
			return current;
		}
		io.opentelemetry.api.trace.Span parentSpan = OtelSpan.toOtel(parent);
		io.opentelemetry.api.trace.SpanContext inner = io.opentelemetry.api.trace.Span.fromContext(current)
			.getSpanContext();
		if (inner.isValid() && inner.getTraceId().equals(parentSpan.getSpanContext().getTraceId())) {
			return current;
		}
		return current.with(parentSpan);
	}

	@Override
	public final void onError(T context) {
		GenAiSpan span = context.get(GenAiSpan.class);
		if (span != null && context.getError() != null) {
			span.recordError(context.getError());
		}
	}

	@Override
	public final void onStop(T context) {
		GenAiSpan span = context.get(GenAiSpan.class);
		if (span != null) {
			try {
				ClientOutcome outcome = stopped(span, context);
				GenAiClientMetrics metrics = this.metrics;
				Long startNanos = context.get(START_NANOS);
				if (metrics != null && outcome != null && startNanos != null) {
					Throwable error = context.getError();
					metrics.recordOperation(span.operation(), outcome.responseModel(),
							System.nanoTime() - startNanos, (error != null) ? error.getClass().getName() : null,
							outcome.usage());
				}
			}
			finally {
				span.end();
			}
		}
	}

	/**
	 * Describes the observed operation.
	 */
	abstract GenAiOperation operation(T context);

	/**
	 * Records what is known once the span started (request content).
	 */
	abstract void started(GenAiSpan span, T context, long startNanos);

	/**
	 * Records what is known when the observation stops (response, usage, output).
	 * @return what the client metrics record of the operation, or {@code null} when it
	 * is not a client operation
	 */
	abstract @Nullable ClientOutcome stopped(GenAiSpan span, T context);

	/**
	 * What a finished client operation contributes to the client metrics.
	 *
	 * @param responseModel the model that answered, or {@code null}
	 * @param usage the token usage, or {@code null}
	 */
	record ClientOutcome(@Nullable String responseModel, @Nullable TokenUsage usage) {

		static final ClientOutcome UNKNOWN = new ClientOutcome(null, null);

	}

	/**
	 * Sets {@code server.address} and {@code server.port} from a base URI.
	 */
	static void server(GenAiOperation.Builder operation, @Nullable URI uri) {
		if (uri != null && uri.getHost() != null) {
			int port = uri.getPort();
			if (port < 0) {
				port = "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
			}
			operation.server(uri.getHost(), (long) port);
		}
	}

	static @Nullable Long toLong(@Nullable Integer value) {
		return (value != null) ? value.longValue() : null;
	}

	static @Nullable String emptyToNull(@Nullable String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

}
