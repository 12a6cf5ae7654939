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

/**
 * Makes the span of one kind of Spring AI observation through {@link GenAiSpans} and
 * keeps Micrometer's tracing context pointing at it, so that scopes, nested spans and
 * trace-correlated logging work as with Micrometer's own span.
 *
 * @param <T> the observation context type
 */
abstract class GenAiSpanObservationHandler<T extends Observation.Context> implements TracingObservationHandler<T> {

	private final Tracer tracer;

	private final GenAiSpans spans;

	GenAiSpanObservationHandler(Tracer tracer, GenAiSpans spans) {
		this.tracer = tracer;
		this.spans = spans;
	}

	@Override
	public final Tracer getTracer() {
		return this.tracer;
	}

	@Override
	public final void onStart(T context) {
		io.micrometer.tracing.Span parent = getParentSpan(context);
		Context parentContext = (parent != null) ? Context.current().with(OtelSpan.toOtel(parent)) : Context.current();
		GenAiSpan span = this.spans.start(operation(context), parentContext);
		started(span, context);
		context.put(GenAiSpan.class, span);
		getTracingContext(context).setSpan(OtelSpan.fromOtel(span.span()));
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
				stopped(span, context);
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
	abstract void started(GenAiSpan span, T context);

	/**
	 * Records what is known when the observation stops (response, usage, output).
	 */
	abstract void stopped(GenAiSpan span, T context);

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
