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

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelSpan;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;
import org.jspecify.annotations.Nullable;

/**
 * Leaves chosen observations out of the trace while their other handlers (timers,
 * counters, logging) keep running. Placed ahead of Micrometer's default tracing handler
 * in Boot's tracing group, it claims the observations it supports and makes no span for
 * them. In {@link Mode#TRANSPARENT} mode the observation's tracing context is its parent's
 * span, so that what runs inside (a Spring AI chat model call under a {@code ChatClient}
 * call) is a child of the enclosing span; in {@link Mode#UNSAMPLED} mode it is a span
 * that is not sampled, so that nothing that runs inside is recorded either (an actuator
 * health request).
 *
 * @since 0.1.0
 */
public final class UntracedObservationHandler implements TracingObservationHandler<Observation.Context> {

	/**
	 * What the observations left out give the observations and spans started inside them.
	 */
	public enum Mode {

		/** Their parent's span, so that they disappear from the tree. */
		TRANSPARENT,

		/** A span that is not sampled, so that nothing inside them is recorded. */
		UNSAMPLED

	}

	private final Tracer tracer;

	private final Predicate<Observation.Context> untraced;

	private final Mode mode;

	/**
	 * Creates a handler.
	 * @param tracer the tracer
	 * @param untraced which observations to leave out of the trace
	 * @param mode what they give what runs inside them
	 */
	public UntracedObservationHandler(Tracer tracer, Predicate<Observation.Context> untraced, Mode mode) {
		this.tracer = tracer;
		this.untraced = untraced;
		this.mode = mode;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		try {
			return this.untraced.test(context);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	@Override
	public Tracer getTracer() {
		return this.tracer;
	}

	@Override
	public void onStart(Observation.Context context) {
		Span span = (this.mode == Mode.TRANSPARENT) ? parent(context) : unsampled(context);
		if (span != null) {
			getTracingContext(context).setSpan(span);
		}
	}

	private @Nullable Span parent(Observation.Context context) {
		Span parent = getParentSpan(context);
		return (parent != null) ? parent : this.tracer.currentSpan();
	}

	private Span unsampled(Observation.Context context) {
		Span parent = parent(context);
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String traceId = (parent != null) ? parent.context().traceId()
				: TraceId.fromLongs(random.nextLong(), random.nextLong() | 1);
		SpanContext unsampled = SpanContext.create(traceId, SpanId.fromLong(random.nextLong() | 1),
				TraceFlags.getDefault(), TraceState.getDefault());
		// never sampled: what starts in its scope is not recorded either
		return OtelSpan.fromOtel(io.opentelemetry.api.trace.Span.wrap(unsampled));
	}

	@Override
	public void onScopeOpened(Observation.Context context) {
		// transparent: what is current stays current; unsampled: its span becomes current
		if (this.mode == Mode.UNSAMPLED && getTracingContext(context).getSpan() != null) {
			TracingObservationHandler.super.onScopeOpened(context);
		}
	}

	@Override
	public void onScopeClosed(Observation.Context context) {
		if (this.mode == Mode.UNSAMPLED) {
			TracingObservationHandler.super.onScopeClosed(context);
		}
	}

	@Override
	public void onStop(Observation.Context context) {
		// the span is the parent's, or was never recorded: nothing to end
	}

	@Override
	public void onError(Observation.Context context) {
		// the error stays on the observation for the other handlers
	}

}
