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

import java.util.List;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.CurrentTraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelSpan;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.observation.ServerRequestObservationContext;

import io.github.genaitracing.core.FailSafe;
import io.github.genaitracing.core.HttpServerSpan;

/**
 * Makes Spring Boot's HTTP server span of a request to an A2A endpoint directly on the
 * OpenTelemetry API, in place of Micrometer Tracing's receiver handler: the same span
 * (kind {@code SERVER}, the same parent from the request's headers, the observation's
 * key values as attributes, the observation's contextual name, its errors and events),
 * current in the observation's scope with the baggage the request carried, without the
 * bridge's per-request builders, wrappers, per-thread maps and baggage copies. A request
 * that carries none of the propagator's headers ({@link TextMapPropagator#fields()}) is
 * not read for a caller's context: it has none, and the propagator would only rebuild
 * the current baggage.
 * <p>
 * The A2A filter then enriches and renames this span (issue 14's one span per request),
 * and Spring Boot's HTTP metrics, which other handlers record, are untouched. Requests
 * that are not A2A requests ({@link A2aPaths#mayBeA2a}) are left to Micrometer's
 * handlers. Turned off with {@code genai.tracing.a2a.direct-server-span=false}.
 *
 * @since 0.2.0
 */
public final class A2aServerObservationHandler implements TracingObservationHandler<ServerRequestObservationContext> {

	private final Tracer tracer;

	private final io.opentelemetry.api.trace.Tracer otelTracer;

	private final TextMapPropagator propagator;

	/**
	 * The headers the propagator reads ({@link TextMapPropagator#fields()}), or
	 * {@code null} when it names none: then every request is read.
	 */
	private final String @Nullable [] propagationHeaders;

	private final A2aPaths paths;

	/**
	 * Creates the handler.
	 * @param tracer Micrometer's tracer, which the observation's other handlers use
	 * @param otelTracer the OpenTelemetry tracer that starts the spans
	 * @param propagator reads the caller's trace context and baggage from the headers
	 * @param paths path patterns of A2A JSON-RPC endpoints
	 * @param excludes path patterns never traced
	 */
	public A2aServerObservationHandler(Tracer tracer, io.opentelemetry.api.trace.Tracer otelTracer,
			TextMapPropagator propagator, List<String> paths, List<String> excludes) {
		this.tracer = tracer;
		this.otelTracer = otelTracer;
		this.propagator = propagator;
		this.propagationHeaders = propagationHeaders(propagator);
		this.paths = new A2aPaths(paths, excludes);
	}

	private static String @Nullable [] propagationHeaders(TextMapPropagator propagator) {
		try {
			String[] fields = propagator.fields().toArray(String[]::new);
			return (fields.length > 0) ? fields : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	@Override
	public Tracer getTracer() {
		return this.tracer;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		if (!(context instanceof ServerRequestObservationContext server)) {
			return false;
		}
		// asked at every event of the request's observation: decided once, and kept where
		// the A2A filter finds it
		A2aPaths.Decision decided = server.get(A2aPaths.DECISION_KEY);
		if (decided == null || (decided.paths() != null && decided.paths() != this.paths)) {
			decided = decide(server.getCarrier());
			server.put(A2aPaths.DECISION_KEY, decided);
		}
		return decided.mayBeA2a();
	}

	private A2aPaths.Decision decide(HttpServletRequest request) {
		try {
			return this.paths.decide(request);
		}
		catch (RuntimeException ex) {
			// Micrometer's handler then makes the span
			FailSafe.failed(this, ex);
			return A2aPaths.Decision.FAILED;
		}
	}

	@Override
	public void onStart(ServerRequestObservationContext context) {
		TracingContext tracing;
		try {
			Context parent = parentOf(context.getCarrier());
			tracing = new ServerTracingContext(HttpServerSpan.start(this.otelTracer, spanName(context), parent));
		}
		catch (RuntimeException ex) {
			// no span for this request; the metrics handler still finds a tracing context
			FailSafe.failed(this, ex);
			tracing = new TracingContext();
		}
		context.put(TracingContext.class, tracing);
	}

	/**
	 * The context the request's headers give: the caller's span and baggage on top of
	 * the current context. A request that carries none of the propagator's headers gives
	 * the current context as it is, without asking the propagator, whose extraction
	 * would rebuild the same baggage.
	 */
	private Context parentOf(HttpServletRequest request) {
		Context current = Context.current();
		return carriesPropagationHeaders(request)
				? this.propagator.extract(current, request, ServletRequestHeaders.GETTER) : current;
	}

	private boolean carriesPropagationHeaders(HttpServletRequest request) {
		String[] headers = this.propagationHeaders;
		if (headers == null) {
			return true;
		}
		for (String header : headers) {
			if (request.getHeader(header) != null) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void onScopeOpened(ServerRequestObservationContext context) {
		ServerTracingContext tracing = tracingContext(context);
		if (tracing != null) {
			tracing.open();
		}
	}

	@Override
	public void onScopeClosed(ServerRequestObservationContext context) {
		ServerTracingContext tracing = tracingContext(context);
		if (tracing != null) {
			tracing.closeLast();
		}
	}

	@Override
	public void onScopeReset(ServerRequestObservationContext context) {
		ServerTracingContext tracing = tracingContext(context);
		if (tracing != null) {
			tracing.closeAll();
		}
		// as Micrometer does: nothing is current on this thread afterwards
		Context.root().makeCurrent();
	}

	@Override
	public void onEvent(Observation.Event event, ServerRequestObservationContext context) {
		ServerTracingContext tracing = tracingContext(context);
		if (tracing != null) {
			tracing.span.event(event.getContextualName());
		}
	}

	@Override
	public void onError(ServerRequestObservationContext context) {
		ServerTracingContext tracing = tracingContext(context);
		Throwable error = context.getError();
		if (tracing != null && error != null) {
			tracing.span.fail(error);
		}
	}

	@Override
	public void onStop(ServerRequestObservationContext context) {
		ServerTracingContext tracing = tracingContext(context);
		if (tracing == null) {
			return;
		}
		HttpServerSpan span = tracing.span;
		try {
			// the two sets one after the other, as getAllKeyValues() merges them (a key in
			// both takes its high cardinality value) without sorting them together
			tag(span, context.getLowCardinalityKeyValues());
			tag(span, context.getHighCardinalityKeyValues());
		}
		catch (RuntimeException ex) {
			FailSafe.failed(this, ex);
		}
		finally {
			tracing.close();
			span.end(spanName(context));
		}
	}

	private static void tag(HttpServerSpan span, KeyValues keyValues) {
		for (KeyValue keyValue : keyValues) {
			if (keyValue.getKey().equalsIgnoreCase("error")) {
				span.fail(new RuntimeException(keyValue.getValue()));
			}
			else {
				span.attribute(keyValue.getKey(), keyValue.getValue());
			}
		}
	}

	/** The span's name as Micrometer's receiver handler gives it. */
	private static String spanName(ServerRequestObservationContext context) {
		return (context.getContextualName() != null) ? context.getContextualName() : context.getName();
	}

	/**
	 * Names the request's server span for good, when this handler made it (the span the
	 * caller holds): no round trip through the observation's contextual name, which
	 * {@link A2aServerSpanNaming} sets for a span Micrometer's handler made.
	 * @param observation the request's observation context
	 * @param span the request's server span
	 * @param name the span's name
	 * @return whether the span was this handler's and is named
	 */
	static boolean name(ServerRequestObservationContext observation, Span span, String name) {
		ServerTracingContext tracing = tracingContext(observation);
		if (tracing == null || tracing.span.span() != span) {
			return false;
		}
		tracing.span.name(name);
		return true;
	}

	private static @Nullable ServerTracingContext tracingContext(ServerRequestObservationContext context) {
		return (context.get(TracingContext.class) instanceof ServerTracingContext tracing) ? tracing : null;
	}

	/**
	 * The request's span as Micrometer's handlers find it (the metrics handler records
	 * exemplars in its scope), with the parent it started from and its open scopes.
	 */
	private static final class ServerTracingContext extends TracingContext {

		private final HttpServerSpan span;

		/** The scope opened on the thread that opened it first, kept without a map. */
		private @Nullable Scope scope;

		private @Nullable Thread owner;

		ServerTracingContext(HttpServerSpan span) {
			this.span = span;
			setSpan(OtelSpan.fromOtel(span.span()));
		}

		void open() {
			Scope opened = current().makeCurrent();
			if (this.scope == null) {
				this.scope = opened;
				this.owner = Thread.currentThread();
			}
			else {
				// a nested or second thread's scope: kept per thread, as Micrometer keeps them
				CurrentTraceContext.Scope previous = getScope();
				setScope(() -> {
					opened.close();
					setScope(previous);
				});
			}
		}

		/**
		 * The span in the context the request's headers gave, with the baggage of this
		 * thread's current context added.
		 */
		private Context current() {
			Context context = this.span.parent().with(this.span.span());
			Baggage current = Baggage.current();
			if (current.isEmpty()) {
				return context;
			}
			BaggageBuilder merged = current.toBuilder();
			Baggage.fromContext(this.span.parent())
				.forEach((key, entry) -> merged.put(key, entry.getValue(), entry.getMetadata()));
			return context.with(merged.build());
		}

		void closeLast() {
			CurrentTraceContext.Scope nested = getScope();
			if (nested != null) {
				nested.close();
			}
			else if (this.scope != null && this.owner == Thread.currentThread()) {
				this.scope.close();
				this.scope = null;
				this.owner = null;
			}
		}

		void closeAll() {
			CurrentTraceContext.Scope nested = getScope();
			while (nested != null) {
				nested.close();
				CurrentTraceContext.Scope next = getScope();
				if (next == nested) {
					break;
				}
				nested = next;
			}
			closeLast();
		}

	}

}
