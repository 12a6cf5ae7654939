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

package io.github.genaitracing.springai;

import java.net.URI;
import java.util.Map;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelSpan;
import io.opentelemetry.context.Context;
import org.jspecify.annotations.Nullable;

import io.github.genaitracing.core.FailSafe;
import io.github.genaitracing.core.SpanHandle;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.spi.GenAiOperation;

/**
 * Makes the span of one kind of Spring AI observation through {@link SpanLifecycle} and
 * keeps Micrometer's tracing context pointing at it, so that scopes, nested spans and
 * trace-correlated logging work as with Micrometer's own span.
 *
 * @param <T> the observation context type
 */
abstract class GenAiSpanObservationHandler<T extends Observation.Context> implements TracingObservationHandler<T> {

	private final Tracer tracer;

	private final SpanLifecycle spans;

	private final Map<String, URI> configuredServers;

	private volatile @Nullable GenAiInferenceEvents events;

	GenAiSpanObservationHandler(Tracer tracer, SpanLifecycle spans) {
		this(tracer, spans, Map.of());
	}

	GenAiSpanObservationHandler(Tracer tracer, SpanLifecycle spans, Map<String, URI> configuredServers) {
		this.tracer = tracer;
		this.spans = spans;
		this.configuredServers = Map.copyOf(configuredServers);
	}

	@Override
	public final Tracer getTracer() {
		return this.tracer;
	}

	@Override
	public final void onStart(T context) {
		SpanHandle span;
		try {
			span = this.spans.start(operation(context), parentContext(context));
		}
		catch (Throwable ex) {
			// describing the operation failed: Micrometer's own handler is not there to fall back on
			FailSafe.failed(this, ex);
			return;
		}
		context.put(SpanHandle.class, span);
		try {
			started(span, context);
		}
		catch (Throwable ex) {
			FailSafe.failed(this, ex);
		}
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
		SpanHandle span = context.get(SpanHandle.class);
		Throwable error = context.getError();
		if (span != null && error != null) {
			span.fail(error);
		}
	}

	@Override
	public final void onStop(T context) {
		SpanHandle span = context.get(SpanHandle.class);
		if (span != null) {
			try {
				stopped(span, context);
			}
			catch (Throwable ex) {
				FailSafe.failed(this, ex);
			}
			GenAiInferenceEvents events = this.events;
			if (events != null) {
				try {
					events.emit(span, context.get(GenAiInferenceEvents.Content.class));
				}
				catch (Throwable ex) {
					FailSafe.failed(events, ex);
				}
			}
			span.end();
		}
	}

	/**
	 * Emits the {@code gen_ai.client.inference.operation.details} event of each call it
	 * observes (chat and embeddings handlers only).
	 * @param events the events, or {@code null} for none
	 */
	public final void setEvents(@Nullable GenAiInferenceEvents events) {
		this.events = events;
	}

	/**
	 * The content captured for the event of the observed call, created on first use;
	 * {@code null} when no event is emitted.
	 */
	final GenAiInferenceEvents.@Nullable Content eventContent(T context) {
		if (this.events == null) {
			return null;
		}
		return context.computeIfAbsent(GenAiInferenceEvents.Content.class, (key) -> new GenAiInferenceEvents.Content());
	}

	/**
	 * Describes the observed operation.
	 */
	abstract GenAiOperation operation(T context);

	/**
	 * Records what is known once the span started (request content); what it throws is
	 * caught.
	 */
	abstract void started(SpanHandle span, T context);

	/**
	 * Records what is known when the observation stops (response, usage, output); what
	 * it throws is caught, and the span ends.
	 */
	abstract void stopped(SpanHandle span, T context);

	/**
	 * Sets the server a model call starts with: the base URL of the call's own client
	 * options, else the one its provider's properties configure (never another
	 * provider's); the endpoint of the call's HTTP request, when seen, replaces it.
	 */
	final void server(GenAiOperation.Builder<?> operation, String provider, @Nullable Object options) {
		URI uri = ProviderOptions.baseUrl(options);
		server(operation, (uri != null) ? uri : this.configuredServers.get(provider));
	}

	/**
	 * Sets {@code server.address} and {@code server.port} from a base URI.
	 */
	static void server(GenAiOperation.Builder<?> operation, @Nullable URI uri) {
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
