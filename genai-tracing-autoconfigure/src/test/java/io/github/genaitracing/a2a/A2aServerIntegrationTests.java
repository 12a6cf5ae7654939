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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.genaitracing.fixture.A2aAgentApp;
import io.github.genaitracing.semconv.A2aAttributes;
import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.test.GenAiSpanAssert;
import io.github.genaitracing.test.GenAiTracingTest;
import io.github.genaitracing.test.OtlpTestReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end: real HTTP to a running Spring MVC A2A endpoint, spans exported through
 * Boot's real OTLP exporter.
 */
@GenAiTracingTest
class A2aServerIntegrationTests {

	private static OtlpTestReceiver receiver;

	private static ConfigurableApplicationContext context;

	private static String url;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start(OtlpTestReceiver shared) {
		receiver = shared;
		context = new SpringApplicationBuilder(A2aAgentApp.class)
			.properties(receiver.exportProperties())
			.properties("server.port=0", "spring.application.name=a2a-agent",
					"spring.ai.openai.api-key=unused", "genai.tracing.capture-content=span")
			.run();
		url = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + "/a2a";
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	private static Span awaitA2aSpan(String contextId) {
		return receiver.awaitSpans((received) -> received.stream().anyMatch((span) -> isA2aSpan(span, contextId)),
				Duration.ofSeconds(15))
			.stream()
			.filter((span) -> isA2aSpan(span, contextId))
			.findFirst()
			.orElseThrow();
	}

	private static boolean isA2aSpan(Span span, String contextId) {
		return span.getName().equals("invoke_agent a2a-agent")
				&& contextId.equals(OtlpTestReceiver.attribute(span, "gen_ai.conversation.id"));
	}

	private HttpResponse<String> post(String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void joinsTheCallersTraceAndParentsTheAgentWork() throws Exception {
		receiver.clear();
		HttpResponse<String> response = post("""
				{"jsonrpc":"2.0","id":1,"method":"message/send","params":{"message":{"kind":"message",
				"messageId":"m-1","role":"user","contextId":"ctx-42","parts":[{"kind":"text","text":"Hi"}]}}}""");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("ctx-42");
		Span a2a = awaitA2aSpan("ctx-42");
		List<Span> spans = receiver.awaitSpans((received) -> received.stream()
			.anyMatch((span) -> span.getName().equals("invoke_agent inner")), Duration.ofSeconds(10));
		Span inner = spans.stream().filter((span) -> span.getName().equals("invoke_agent inner")).findFirst().orElseThrow();
		assertThat(OtlpTestReceiver.hex(a2a.getTraceId())).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(OtlpTestReceiver.hex(a2a.getParentSpanId())).as("the caller's span").isEqualTo("00f067aa0ba902b7");
		assertThat(spans.stream()
			.filter((span) -> span.getTraceId().equals(a2a.getTraceId()))
			.filter((span) -> span.getKind() == Span.SpanKind.SPAN_KIND_SERVER)).as("one server span: the agent span")
			.containsExactly(a2a);
		GenAiSpanAssert.assertThat(a2a)
			.hasKind(SpanKind.SERVER)
			.hasAttribute(GenAiAttributes.CONVERSATION_ID, "ctx-42")
			.hasAttribute(A2aAttributes.METHOD_NAME, "SendMessage")
			.hasAttribute(A2aAttributes.TASK_STATE, "TASK_STATE_COMPLETED")
			.hasAttributeSatisfying(GenAiAttributes.OUTPUT_MESSAGES, (json) -> assertThat(json).contains("echo: Hi"));
		GenAiSpanAssert.assertThat(inner).isChildOf(a2a).hasAttribute(GenAiAttributes.CONVERSATION_ID, "ctx-42");
	}

	@Test
	void streamsEventsAndEndsTheSpanWhenTheStreamEnds() throws Exception {
		receiver.clear();
		HttpResponse<String> response = post("""
				{"jsonrpc":"2.0","id":2,"method":"SendStreamingMessage","params":{"message":{"messageId":"m-2",
				"role":"ROLE_USER","contextId":"ctx-7","parts":[{"text":"Go"}]}}}""");
		assertThat(response.body()).contains("TASK_STATE_COMPLETED");
		Span a2a = awaitA2aSpan("ctx-7");
		GenAiSpanAssert.assertThat(a2a)
			.hasAttribute(A2aAttributes.METHOD_NAME, "SendStreamingMessage")
			.hasAttribute(A2aAttributes.TASK_STATE, "TASK_STATE_COMPLETED")
			.hasAttribute(A2aAttributes.STREAM_EVENT_COUNT, 2L)
			.hasAttributeSatisfying(GenAiAttributes.OUTPUT_MESSAGES, (json) -> assertThat(json).contains("streamed"));
	}

	@Test
	void endsTheSpanWhenTheClientDisconnectsMidStream() throws Exception {
		receiver.clear();
		HttpResponse<java.io.InputStream> response = this.http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"message/stream\",\"params\":{\"message\":{\"kind\":\"message\",\"messageId\":\"m-3\",\"role\":\"user\",\"contextId\":\"ctx-slow\",\"parts\":[{\"kind\":\"text\",\"text\":\"slow\"}]}}}"))
			.build(), HttpResponse.BodyHandlers.ofInputStream());
		java.io.InputStream body = response.body();
		assertThat(body.read()).isNotNegative();
		body.close();
		GenAiSpanAssert.assertThat(awaitA2aSpan("ctx-slow"))
			.hasAttribute(A2aAttributes.METHOD_NAME, "SendStreamingMessage")
			.hasAttributeSatisfying(A2aAttributes.STREAM_EVENT_COUNT, (events) -> assertThat(events).isPositive());
	}

	@Test
	void aRequestWithoutACallerIsTheInvokeAgentRootOfItsTraceWithTheDefaultParentPolicy() throws Exception {
		// the A2A Java client sends no traceparent: with the default policy (continue) there
		// is no caller span to continue, and the request's one server span is the root
		io.a2a.client.transport.jsonrpc.JSONRPCTransport transport = new io.a2a.client.transport.jsonrpc.JSONRPCTransport(url);
		io.a2a.spec.EventKind result = transport.sendMessage(new io.a2a.spec.MessageSendParams(
				io.a2a.A2A.createUserTextMessage("Hi", "ctx-sdk", null), null, null), null);
		assertThat(result).isInstanceOf(io.a2a.spec.Task.class);
		assertThat(((io.a2a.spec.Task) result).getId()).isEqualTo("t-1");
		Span agent = awaitA2aSpan("ctx-sdk");
		assertThat(agent.getParentSpanId().isEmpty()).as("the root of its trace").isTrue();
		assertThat(receiver.spans()).filteredOn((span) -> span.getTraceId().equals(agent.getTraceId())
				&& span.getKind() == Span.SpanKind.SPAN_KIND_SERVER)
			.as("one server span: the agent span")
			.containsExactly(agent);
		GenAiSpanAssert.assertThat(agent)
			.hasKind(SpanKind.SERVER)
			.hasAttribute(GenAiAttributes.OPERATION_NAME, "invoke_agent")
			.hasAttribute(A2aAttributes.METHOD_NAME, "SendMessage")
			.hasAttribute(A2aAttributes.PROTOCOL_VERSION, "0.3")
			.hasAttribute(A2aAttributes.TASK_STATE, "TASK_STATE_COMPLETED")
			.hasAttributeSatisfying(A2aAttributes.MESSAGE_ID, (id) -> assertThat(id).isNotBlank());
	}

	@Test
	void passesGzipAndChunkedBodiesThroughByteForByte() throws Exception {
		String json = "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"message/send\",\"params\":{\"message\":{\"kind\":\"message\",\"messageId\":\"m-5\",\"role\":\"user\",\"contextId\":\"ctx-chunked\",\"parts\":[{\"kind\":\"text\",\"text\":\"hi\"}]}}}";
		java.io.ByteArrayOutputStream gzipped = new java.io.ByteArrayOutputStream();
		try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(gzipped)) {
			gzip.write(json.replace("ctx-chunked", "ctx-gzip").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		byte[] gzipBody = gzipped.toByteArray();
		HttpResponse<byte[]> gzipResponse = this.http.send(HttpRequest.newBuilder(URI.create(url + "/echo"))
			.header("Content-Type", "application/json")
			.header("Content-Encoding", "gzip")
			.POST(HttpRequest.BodyPublishers.ofByteArray(gzipBody))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(gzipResponse.body()).isEqualTo(gzipBody);
		byte[] chunkedBody = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		HttpResponse<byte[]> chunkedResponse = this.http.send(HttpRequest.newBuilder(URI.create(url + "/echo"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(chunkedBody)))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(chunkedResponse.body()).isEqualTo(chunkedBody);
		GenAiSpanAssert.assertThat(awaitA2aSpan("ctx-chunked")).hasAttribute(A2aAttributes.MESSAGE_ID, "m-5");
		List<Span> spans = receiver.awaitSpans((received) -> received.stream()
			.anyMatch((span) -> "encoded".equals(OtlpTestReceiver.attribute(span, "genai_tracing.a2a.body_not_parsed"))),
				Duration.ofSeconds(10));
		assertThat(spans).isNotEmpty();
	}

}
