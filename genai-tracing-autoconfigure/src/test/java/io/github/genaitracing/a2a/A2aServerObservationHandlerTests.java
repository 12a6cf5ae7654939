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

import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link A2aServerObservationHandler} does with a request's headers and name, driven
 * through the observation callbacks as Spring's observation filter calls them.
 */
class A2aServerObservationHandlerTests {

	private static final String CALLER = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private final SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
		.addSpanProcessor(SimpleSpanProcessor.create(this.exporter))
		.build();

	private final CountingPropagator propagator = new CountingPropagator(W3CTraceContextPropagator.getInstance());

	private final A2aServerObservationHandler handler = new A2aServerObservationHandler(Tracer.NOOP,
			this.tracerProvider.get("test"), this.propagator, List.of("/a2a"), List.of());

	@AfterEach
	void close() {
		this.tracerProvider.close();
	}

	@Test
	void aRequestWithoutThePropagatorsHeadersIsARootSpanAndIsNotReadForACaller() {
		SpanData span = serve(request(), null);
		assertThat(span.getParentSpanContext().isValid()).isFalse();
		assertThat(this.propagator.extractions).as("no header of the propagator's to read").hasValue(0);
	}

	@Test
	void aRequestWithThePropagatorsHeaderContinuesTheCallersTrace() {
		MockHttpServletRequest request = request();
		request.addHeader("traceparent", CALLER);
		SpanData span = serve(request, null);
		assertThat(this.propagator.extractions).hasValue(1);
		assertThat(span.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(span.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
	}

	@Test
	void aPropagatorThatNamesNoHeadersReadsEveryRequest() {
		CountingPropagator namesNone = new CountingPropagator(TextMapPropagator.noop());
		A2aServerObservationHandler handler = new A2aServerObservationHandler(Tracer.NOOP,
				this.tracerProvider.get("test"), namesNone, List.of("/a2a"), List.of());
		ServerRequestObservationContext context = new ServerRequestObservationContext(request(),
				new MockHttpServletResponse());
		assertThat(handler.supportsContext(context)).isTrue();
		handler.onStart(context);
		handler.onStop(context);
		assertThat(namesNone.extractions).hasValue(1);
	}

	@Test
	void aSpanNamedWhileTheRequestRunsKeepsItsNameOverTheObservationsAtTheEnd() {
		SpanData span = serve(request(), "invoke_agent weather-agent");
		assertThat(span.getName()).isEqualTo("invoke_agent weather-agent");
	}

	@Test
	void aSpanNotNamedWhileTheRequestRunsTakesTheObservationsName() {
		SpanData span = serve(request(), null);
		assertThat(span.getName()).isEqualTo("http post /a2a");
	}

	private static MockHttpServletRequest request() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/a2a");
		request.setContentType("application/json");
		return request;
	}

	/**
	 * Serves a request through the handler's callbacks, naming its span from within when a
	 * name is given, and returns the span.
	 */
	private SpanData serve(MockHttpServletRequest request, String name) {
		ServerRequestObservationContext context = new ServerRequestObservationContext(request,
				new MockHttpServletResponse());
		assertThat(this.handler.supportsContext(context)).isTrue();
		this.handler.onStart(context);
		this.handler.onScopeOpened(context);
		try {
			if (name != null) {
				assertThat(A2aServerObservationHandler.name(context, Span.current(), name)).isTrue();
			}
			assertThat(A2aServerObservationHandler.name(context, Span.getInvalid(), "not this span"))
				.as("another span is not named")
				.isFalse();
		}
		finally {
			this.handler.onScopeClosed(context);
		}
		context.setContextualName("http post /a2a");
		this.handler.onStop(context);
		assertThat(Context.current()).isSameAs(Context.root());
		assertThat(this.exporter.getFinishedSpanItems()).hasSize(1);
		return this.exporter.getFinishedSpanItems().get(0);
	}

	/** A propagator that counts its extractions. */
	private static final class CountingPropagator implements TextMapPropagator {

		private final TextMapPropagator delegate;

		private final AtomicInteger extractions = new AtomicInteger();

		CountingPropagator(TextMapPropagator delegate) {
			this.delegate = delegate;
		}

		@Override
		public Collection<String> fields() {
			return this.delegate.fields();
		}

		@Override
		public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
			this.delegate.inject(context, carrier, setter);
		}

		@Override
		public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
			this.extractions.incrementAndGet();
			return this.delegate.extract(context, carrier, getter);
		}

	}

}
