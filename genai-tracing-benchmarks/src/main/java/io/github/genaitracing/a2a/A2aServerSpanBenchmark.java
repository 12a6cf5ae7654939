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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Clock;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.ServerHttpObservationFilter;

import io.github.genaitracing.autoconfigure.A2aParentPolicy;
import io.github.genaitracing.benchmarks.DiscardingSdk;
import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.context.ConversationIdMdc;
import io.github.genaitracing.core.AgentDefaults;
import io.github.genaitracing.core.CostAccounting;
import io.github.genaitracing.cost.ModelPrices;
import io.github.genaitracing.core.ScopeListener;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.metrics.GenAiAgentMetrics;
import io.github.genaitracing.observation.ObservationScopeDetacher;
import io.github.genaitracing.spi.OperationListener;
import io.github.genaitracing.spi.SpanVocabulary;
import io.github.genaitracing.vocabulary.GenAiVocabulary;
import io.github.genaitracing.vocabulary.MlflowVocabulary;
import io.github.genaitracing.vocabulary.OpenInferenceVocabulary;

/**
 * The A2A filter's own work on the request thread in the shape the starter runs it by
 * with every feature on: a request inside Spring Boot's HTTP server span (current, with its
 * observation context on the request), the span adopted, three vocabularies, the agent
 * metrics (opt-in; see {@link #off}), both
 * scope listeners (the observation detacher, the conversation id in the MDC) and cost
 * accounting with run totals — against the same request and server span without the
 * filter. The requests are those of the load target ({@code message/send} answered with
 * a completed task; {@code tasks/get} answered with a task of about 2 KiB). The difference
 * of the two arms is what the filter adds; the mock request and response cost both arms
 * the same.
 *
 * @since 0.1.0
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class A2aServerSpanBenchmark {

	@Param({ "message/send", "tasks/get" })
	public String method;

	/**
	 * KiB of other memory read before each request, as the other requests' work between
	 * two of one thread's under load: 0 measures a hot loop, in which the filter's code
	 * and data stay in the processor's caches.
	 */
	@Param({ "0", "1024" })
	public int otherWorkKib;

	/**
	 * Which of the four features that the A2A path does not need are turned off, joined
	 * with {@code +}: {@code vocabularies} (OpenInference and MLflow), {@code baggage} (the
	 * conversation id's baggage key), {@code agentMetrics}, {@code runTotals}; {@code none}
	 * runs all four, {@code all} turns the four off. The starter's defaults are
	 * {@code agentMetrics}: the agent metrics are recorded only with the newest draft's
	 * names or when asked for ({@code none} was the default until 4 December 2026).
	 */
	@Param({ "none" })
	public String off;

	/**
	 * Whether every ended span is also marshalled to OTLP protobuf, as the starter's export
	 * does on its export thread (batches of 512, the low-allocation marshaller of the OTLP
	 * exporter, the bytes discarded): the attributes' cost from the set to the wire.
	 */
	@Param({ "false" })
	public boolean export;

	private final byte[] otherMemory = new byte[16 * 1024 * 1024];

	private int otherOffset;

	/** What was read of the other memory, kept so that the read is not optimized away. */
	private int otherSum;

	private byte[] body;

	private byte[] answer;

	private A2aTracingFilter filter;

	private Tracer bootTracer;

	private ObservationRegistry observations;

	private final HttpServlet servlet = new HttpServlet() {
		@Override
		protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
			request.getInputStream().readAllBytes();
			response.setContentType("application/json");
			response.getOutputStream().write(A2aServerSpanBenchmark.this.answer);
		}
	};

	@Setup
	public void setUp() {
		boolean send = "message/send".equals(this.method);
		this.body = (send ? "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"message/send\",\"params\":{\"message\":{"
				+ "\"kind\":\"message\",\"messageId\":\"m-1\",\"role\":\"user\",\"contextId\":\"ctx-1\",\"parts\":[{"
				+ "\"kind\":\"text\",\"text\":\"What is the weather in Paris today? Answer briefly.\"}]}}}"
				: "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tasks/get\",\"params\":{\"id\":\"t-1\",\"historyLength\":10}}")
			.getBytes(StandardCharsets.UTF_8);
		StringBuilder history = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			history.append((i > 0) ? "," : "")
				.append("{\"role\":\"user\",\"parts\":[{\"kind\":\"text\",\"text\":\"Message ")
				.append(i)
				.append(" of the conversation about the weather in Paris, kept in the task's history.")
				.append(" ".repeat(60))
				.append("\"}],\"messageId\":\"h-")
				.append(i)
				.append("\",\"kind\":\"message\"}");
		}
		this.answer = (send ? "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"id\":\"t-1\",\"contextId\":\"ctx-1\","
				+ "\"status\":{\"state\":\"completed\"},\"artifacts\":[{\"artifactId\":\"a-1\",\"parts\":[{\"kind\":"
				+ "\"text\",\"text\":\"Sunny, 21 degrees.\"}]}],\"kind\":\"task\"}}"
				: "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"id\":\"t-1\",\"contextId\":\"ctx-poll\",\"status\":{"
						+ "\"state\":\"working\"},\"history\":[" + history + "],\"kind\":\"task\"}}")
			.getBytes(StandardCharsets.UTF_8);
		OpenTelemetrySdk sdk = this.export ? DiscardingSdk.marshalling()
				: OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder().build()).build();
		this.bootTracer = sdk.getTracer("boot");
		this.observations = ObservationRegistry.create();
		this.observations.observationConfig().observationHandler(new ObservationHandler<>() {
			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}
		});
		ObservationRegistry registry = this.observations;
		List<SpanVocabulary> vocabularies = turnedOff("vocabularies")
				? List.of(new GenAiVocabulary())
				: List.of(new GenAiVocabulary(), new OpenInferenceVocabulary(), new MlflowVocabulary());
		String baggageKey = turnedOff("baggage") ? null : "gen_ai.conversation.id";
		List<OperationListener> listeners = turnedOff("agentMetrics") ? List.of()
				: List.of(new GenAiAgentMetrics(otlpMeterRegistry()));
		boolean runTotals = !turnedOff("runTotals");
		// as the auto-configuration makes it: the baggage key is not a log correlation field
		SpanLifecycle spans = new SpanLifecycle(sdk, vocabularies, baggageKey,
				ScopeListener.of(List.of(new ObservationScopeDetacher(() -> registry), new ConversationIdMdc())),
				listeners, new CostAccounting(ModelPrices.defaults(), true, runTotals), baggageKey != null);
		this.filter = new A2aTracingFilter(spans, ContentPolicy.disabled(),
				new AgentDefaults("load-agent", null, null, "openai"), sdk, new A2aTracingFilter.Settings(
						List.of("/a2a"), List.of(), 1024 * 1024, 64 * 1024, A2aParentPolicy.CONTINUE));
		checkTheFilterAdoptsBootsSpan(send ? "invoke_agent load-agent" : "GetTask");
	}

	private boolean turnedOff(String setting) {
		return "all".equals(this.off) || List.of(this.off.split("\\+")).contains(setting);
	}

	/**
	 * The meter registry of the load target (Spring Boot's OTLP registry, cumulative), not
	 * publishing.
	 */
	private static OtlpMeterRegistry otlpMeterRegistry() {
		return new OtlpMeterRegistry((key) -> "otlp.enabled".equals(key) ? "false" : null, Clock.SYSTEM);
	}

	/**
	 * Fails the benchmark when the filter would not take the measured path (Boot's span
	 * adopted and renamed), rather than measuring another.
	 */
	private void checkTheFilterAdoptsBootsSpan(String expectedName) {
		try {
			MockHttpServletRequest[] seen = new MockHttpServletRequest[1];
			inBootServerSpan((request, response) -> {
				seen[0] = (MockHttpServletRequest) request;
				this.filter.doFilter(request, response, new MockFilterChain(this.servlet));
			});
			Object name = ServerHttpObservationFilter.findObservationContext(seen[0])
				.map(A2aServerSpanNaming::name)
				.orElse(null);
			if (!expectedName.equals(name)) {
				throw new IllegalStateException("the filter named the server span " + name + ", not " + expectedName);
			}
		}
		catch (IOException | ServletException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Benchmark
	public MockHttpServletResponse withFilter() throws Exception {
		return inBootServerSpan((request, response) -> this.filter.doFilter(request, response,
				new MockFilterChain(this.servlet)));
	}

	@Benchmark
	public MockHttpServletResponse withoutFilter() throws Exception {
		return inBootServerSpan((request, response) -> new MockFilterChain(this.servlet).doFilter(request, response));
	}

	private int readOtherMemory() {
		int sum = 0;
		int end = this.otherOffset + this.otherWorkKib * 1024;
		for (int i = this.otherOffset; i < end; i += 64) {
			sum += this.otherMemory[i];
		}
		this.otherOffset = (end + this.otherWorkKib * 1024 <= this.otherMemory.length) ? end : 0;
		return sum;
	}

	/**
	 * A mock request whose body reads in bulk, as a container's does (the mock's own
	 * stream reads a byte at a time, which would dwarf the filter's work).
	 */
	private static final class BulkRequest extends MockHttpServletRequest {

		private final byte[] body;

		BulkRequest(byte[] body) {
			super("POST", "/a2a");
			this.body = body;
			setContentType("application/json");
			setContent(body);
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}

			};
		}

	}

	/**
	 * A mock response whose body writes in bulk, as a container's does.
	 */
	private static final class BulkResponse extends MockHttpServletResponse {

		private final ByteArrayOutputStream body = new ByteArrayOutputStream(4096);

		private final ServletOutputStream stream = new ServletOutputStream() {

			@Override
			public void write(int b) {
				BulkResponse.this.body.write(b);
			}

			@Override
			public void write(byte[] buffer, int offset, int length) {
				BulkResponse.this.body.write(buffer, offset, length);
			}

			@Override
			public boolean isReady() {
				return true;
			}

			@Override
			public void setWriteListener(WriteListener listener) {
				throw new UnsupportedOperationException();
			}

		};

		@Override
		public ServletOutputStream getOutputStream() {
			return this.stream;
		}

	}

	/**
	 * What Spring Boot's observation filter does around the chain: an observation opened
	 * and in scope, its context on the request, its span current, ended afterwards.
	 */
	private MockHttpServletResponse inBootServerSpan(FilterChain chain) throws IOException, ServletException {
		if (this.otherWorkKib > 0) {
			this.otherSum += readOtherMemory();
		}
		MockHttpServletRequest request = new BulkRequest(this.body);
		MockHttpServletResponse response = new BulkResponse();
		ServerRequestObservationContext observationContext = new ServerRequestObservationContext(request, response);
		request.setAttribute(ServerHttpObservationFilter.CURRENT_OBSERVATION_CONTEXT_ATTRIBUTE, observationContext);
		Observation observation = Observation.start("http.server.requests", () -> observationContext,
				this.observations);
		Span server = this.bootTracer.spanBuilder("http post /a2a")
			.setSpanKind(SpanKind.SERVER)
			.setParent(Context.root())
			.startSpan();
		try (Observation.Scope observationScope = observation.openScope(); Scope scope = server.makeCurrent()) {
			chain.doFilter(request, response);
		}
		finally {
			server.end();
			observation.stop();
		}
		return response;
	}

}
