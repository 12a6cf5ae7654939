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

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.handler.TracingAwareMeterObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Spring Boot's HTTP server observation of one request to an A2A path, with the handlers
 * Spring Boot registers (Micrometer Tracing's over the OpenTelemetry bridge, the meter
 * handler made tracing-aware), run by Spring's own {@link ServerHttpObservationFilter}:
 * the server span made by Micrometer Tracing's receiver handler ({@code micrometer}) or
 * by the starter's {@link A2aServerObservationHandler} ({@code direct}). The chain reads
 * the current span, as the A2A filter does. Spans are recorded, not exported.
 *
 * @since 0.2.0
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class A2aServerObservationBenchmark {

	@Param({ "micrometer", "direct" })
	public String handler;

	private ServerHttpObservationFilter filter;

	private final FilterChain chain = (request, response) -> {
		if (!Span.current().getSpanContext().isValid()) {
			throw new IllegalStateException("no current server span");
		}
	};

	@Setup
	public void setUp() {
		SdkTracerProvider provider = SdkTracerProvider.builder().build();
		io.opentelemetry.api.trace.Tracer otelTracer = provider.get("org.springframework.boot");
		TextMapPropagator propagator = TextMapPropagator.composite(W3CTraceContextPropagator.getInstance(),
				W3CBaggagePropagator.getInstance());
		OtelCurrentTraceContext current = new OtelCurrentTraceContext();
		OtelTracer tracer = new OtelTracer(otelTracer, current, (event) -> {
		}, new OtelBaggageManager(current, List.of(), List.of()));
		OtelPropagator bridgePropagator = new OtelPropagator(ContextPropagators.create(propagator), otelTracer);
		ObservationRegistry registry = ObservationRegistry.create();
		List<ObservationHandler<?>> tracing = new ArrayList<>();
		if ("direct".equals(this.handler)) {
			tracing.add(new A2aServerObservationHandler(tracer, otelTracer, propagator, List.of("/a2a"), List.of()));
		}
		tracing.add(new PropagatingReceiverTracingObservationHandler<>(tracer, bridgePropagator));
		tracing.add(new PropagatingSenderTracingObservationHandler<>(tracer, bridgePropagator));
		tracing.add(new DefaultTracingObservationHandler(tracer));
		registry.observationConfig()
			.observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(tracing))
			.observationHandler(new TracingAwareMeterObservationHandler<>(
					new DefaultMeterObservationHandler(new SimpleMeterRegistry()), tracer));
		this.filter = new ServerHttpObservationFilter(registry);
		try {
			MockHttpServletResponse response = request();
			if (response.getStatus() != 200) {
				throw new IllegalStateException("status " + response.getStatus());
			}
		}
		catch (IOException | ServletException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Benchmark
	public MockHttpServletResponse request() throws IOException, ServletException {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/a2a");
		request.setContentType("application/json");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, this.chain);
		return response;
	}

}
