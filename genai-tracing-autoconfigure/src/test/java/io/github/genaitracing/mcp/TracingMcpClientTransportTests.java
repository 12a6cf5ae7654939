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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.semconv.McpAttributes;
import io.github.genaitracing.vocabulary.GenAiVocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client side's own bookkeeping, driven directly through the transport: what reaches
 * the wrapped transport, and how spans of requests that never get a response end.
 */
class TracingMcpClientTransportTests {

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
		.setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(this.exporter)).build())
		.setPropagators(ContextPropagators.create(TextMapPropagator.composite(W3CTraceContextPropagator.getInstance(),
				W3CBaggagePropagator.getInstance())))
		.build();

	private final McpSpans spans = new McpSpans(this.sdk,
			new SpanLifecycle(this.sdk, List.of(new GenAiVocabulary()), "gen_ai.conversation.id"),
			ContentPolicy.disabled(), "gen_ai.conversation.id", null);

	private final RecordingTransport delegate = new RecordingTransport();

	@Test
	void putsTheSpanInMetaAndKeepsTheApplicationsEntries() {
		TracingMcpClientTransport transport = transport(10, Duration.ofMinutes(5));
		transport.sendMessage(new McpSchema.JSONRPCRequest("tools/call", "r1",
				new McpSchema.CallToolRequest("get_forecast", Map.of("city", "Oslo"), Map.of("app", "kept"))))
			.block();
		this.delegate.answer("r1", Map.of("content", List.of()));
		SpanData span = onlySpan();
		assertThat(span.getName()).isEqualTo("tools/call get_forecast");
		Map<?, ?> meta = (Map<?, ?>) ((Map<?, ?>) request(0).params()).get("_meta");
		assertThat(meta.get("app")).isEqualTo("kept");
		assertThat((String) meta.get("traceparent")).contains(span.getSpanId()).contains(span.getTraceId());
	}

	@Test
	void leavesAnApplicationMetaThatIsNotAnObjectAlone() {
		TracingMcpClientTransport transport = transport(10, Duration.ofMinutes(5));
		transport.sendMessage(new McpSchema.JSONRPCRequest("tools/call", "r2",
				Map.of("name", "get_forecast", "_meta", "opaque"))).block();
		assertThat(((Map<?, ?>) request(0).params()).get("_meta")).isEqualTo("opaque");
	}

	@Test
	void endsTheSpanOfACancelledRequestAsCancelled() {
		TracingMcpClientTransport transport = transport(10, Duration.ofMinutes(5));
		transport.sendMessage(new McpSchema.JSONRPCRequest("tools/call", "r3", Map.of("name", "slow"))).block();
		transport.sendMessage(new McpSchema.JSONRPCNotification("notifications/cancelled",
				Map.of("requestId", "r3", "reason", "user"))).block();
		SpanData cancelled = span("tools/call slow");
		assertThat(cancelled.getAttributes().get(GenAiAttributes.ERROR_TYPE)).isEqualTo("cancelled");
		assertThat(span("notifications/cancelled").getAttributes().get(McpAttributes.METHOD_NAME))
			.isEqualTo("notifications/cancelled");
		assertThat(transport.pendingCount()).isZero();
	}

	@Test
	void endsOverdueRequestsAsTimeoutToMakeRoomAndTracesNoMoreThanTheBound() {
		TracingMcpClientTransport transport = transport(1, Duration.ZERO);
		transport.sendMessage(new McpSchema.JSONRPCRequest("ping", "p1", null)).block();
		transport.sendMessage(new McpSchema.JSONRPCRequest("ping", "p2", null)).block();
		assertThat(this.exporter.getFinishedSpanItems()).singleElement()
			.satisfies((span) -> assertThat(span.getAttributes().get(GenAiAttributes.ERROR_TYPE)).isEqualTo("timeout"));
		assertThat(transport.pendingCount()).isOne();
		TracingMcpClientTransport bounded = transport(1, Duration.ofMinutes(5));
		bounded.sendMessage(new McpSchema.JSONRPCRequest("ping", "p3", null)).block();
		bounded.sendMessage(new McpSchema.JSONRPCRequest("ping", "p4", null)).block();
		assertThat(bounded.pendingCount()).isOne();
		assertThat(this.delegate.sent).hasSize(4);
		assertThat(((Map<?, ?>) request(3).params())).isNull();
	}

	@Test
	void endsPendingSpansWhenTheTransportCloses() {
		TracingMcpClientTransport transport = transport(10, Duration.ofMinutes(5));
		transport.sendMessage(new McpSchema.JSONRPCRequest("tools/list", "l1", null)).block();
		transport.closeGracefully().block();
		assertThat(onlySpan().getAttributes().get(GenAiAttributes.ERROR_TYPE)).isEqualTo("transport_closed");
	}

	@Test
	void endsTheSpanWithTheFailureWhenSendingFailsAndLetsTheFailureThrough() {
		this.delegate.failing = true;
		TracingMcpClientTransport transport = transport(10, Duration.ofMinutes(5));
		assertThatThrownBy(() -> transport
			.sendMessage(new McpSchema.JSONRPCRequest("tools/call", "f1", Map.of("name", "x")))
			.block()).hasMessageContaining("connection refused");
		assertThat(onlySpan().getAttributes().get(GenAiAttributes.ERROR_TYPE))
			.isEqualTo(IllegalStateException.class.getName());
		assertThat(transport.pendingCount()).isZero();
	}

	private TracingMcpClientTransport transport(int maxPending, Duration staleAfter) {
		TracingMcpClientTransport transport = new TracingMcpClientTransport(this.delegate, this.spans, maxPending,
				staleAfter);
		transport.connect((message) -> message).block();
		return transport;
	}

	private McpSchema.JSONRPCRequest request(int index) {
		return (McpSchema.JSONRPCRequest) this.delegate.sent.get(index);
	}

	private SpanData onlySpan() {
		assertThat(this.exporter.getFinishedSpanItems()).hasSize(1);
		return this.exporter.getFinishedSpanItems().get(0);
	}

	private SpanData span(String name) {
		return this.exporter.getFinishedSpanItems()
			.stream()
			.filter((span) -> span.getName().equals(name))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * Keeps what is sent; answers only when told to.
	 */
	static final class RecordingTransport implements McpClientTransport {

		final List<McpSchema.JSONRPCMessage> sent = new CopyOnWriteArrayList<>();

		volatile boolean failing;

		private Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler;

		@Override
		public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
			this.handler = handler;
			return Mono.empty();
		}

		@Override
		public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
			this.sent.add(message);
			return this.failing ? Mono.error(new IllegalStateException("connection refused")) : Mono.empty();
		}

		void answer(String id, Object result) {
			this.handler.apply(Mono.just(McpSchema.JSONRPCResponse.result(id, result))).block();
		}

		@Override
		public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
			return McpJsonDefaults.getMapper().convertValue(data, typeRef);
		}

		@Override
		public Mono<Void> closeGracefully() {
			return Mono.empty();
		}

	}

}
