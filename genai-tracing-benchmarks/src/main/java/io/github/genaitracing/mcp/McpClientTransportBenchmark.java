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

package io.github.genaitracing.mcp;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Mono;

import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.vocabulary.GenAiVocabulary;
import io.github.genaitracing.vocabulary.MlflowVocabulary;
import io.github.genaitracing.vocabulary.OpenInferenceVocabulary;

/**
 * One {@code tools/call} through the MCP Java SDK's synchronous client over an in-process
 * transport that answers at once (no network, no serialization), with the transport
 * wrapped in {@link TracingMcpClientTransport} ({@code traced}: CLIENT span with the three
 * vocabularies, {@code traceparent} and baggage injected in {@code params._meta}) and
 * without ({@code untraced}). The SDK records spans through a batch processor into an
 * exporter that discards them.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class McpClientTransportBenchmark {

	private final McpSchema.CallToolRequest request = new McpSchema.CallToolRequest("get_forecast",
			Map.of("city", "Lisbon"));

	private SdkTracerProvider tracerProvider;

	private McpSyncClient traced;

	private McpSyncClient untraced;

	@Setup
	public void setUp() {
		this.tracerProvider = SdkTracerProvider.builder()
			.addSpanProcessor(BatchSpanProcessor.builder(SpanExporter.composite()).build())
			.build();
		OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
			.setTracerProvider(this.tracerProvider)
			.setPropagators(ContextPropagators.create(TextMapPropagator
				.composite(W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance())))
			.build();
		SpanLifecycle lifecycle = new SpanLifecycle(sdk,
				List.of(new GenAiVocabulary(), new OpenInferenceVocabulary(), new MlflowVocabulary()),
				"gen_ai.conversation.id");
		McpSpans spans = new McpSpans(sdk, lifecycle, ContentPolicy.disabled(), "gen_ai.conversation.id", null);
		this.traced = client(new TracingMcpClientTransport(new InProcessTransport(), spans, 1000,
				Duration.ofMinutes(5)));
		this.untraced = client(new InProcessTransport());
	}

	private static McpSyncClient client(McpClientTransport transport) {
		McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(10)).build();
		client.initialize();
		return client;
	}

	@TearDown
	public void tearDown() {
		this.traced.close();
		this.untraced.close();
		this.tracerProvider.close();
	}

	@Benchmark
	public McpSchema.CallToolResult traced() {
		return this.traced.callTool(this.request);
	}

	@Benchmark
	public McpSchema.CallToolResult untraced() {
		return this.untraced.callTool(this.request);
	}

	/**
	 * Answers every request at once on the calling thread: {@code initialize} and
	 * {@code tools/call}.
	 */
	static final class InProcessTransport implements McpClientTransport {

		private static final Map<String, Object> INITIALIZED = Map.of("protocolVersion", "2025-06-18",
				"capabilities", Map.of("tools", Map.of()), "serverInfo", Map.of("name", "weather", "version", "1"));

		private static final Map<String, Object> FORECAST = Map.of("content",
				List.of(Map.of("type", "text", "text", "Sunny in Lisbon")), "isError", false);

		private final McpJsonMapper mapper = McpJsonDefaults.getMapper();

		private Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler;

		@Override
		public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
			this.handler = handler;
			return Mono.empty();
		}

		@Override
		public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
			return Mono.fromRunnable(() -> {
				if (message instanceof McpSchema.JSONRPCRequest request) {
					Object result = "initialize".equals(request.method()) ? INITIALIZED : FORECAST;
					this.handler.apply(Mono.just(McpSchema.JSONRPCResponse.result(request.id(), result))).subscribe();
				}
			});
		}

		@Override
		public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
			return this.mapper.convertValue(data, typeRef);
		}

		@Override
		public Mono<Void> closeGracefully() {
			return Mono.empty();
		}

	}

}
