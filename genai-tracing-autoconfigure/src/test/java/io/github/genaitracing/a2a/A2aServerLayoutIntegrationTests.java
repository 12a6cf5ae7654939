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
import io.github.genaitracing.semconv.OpenInferenceAttributes;
import io.github.genaitracing.test.GenAiSpanAssert;
import io.github.genaitracing.test.GenAiTracingTest;
import io.github.genaitracing.test.OtlpTestReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The A2A server-span layout, the user id from the authenticated principal and the task
 * id accessor, over real HTTP to a running application, spans exported through Boot's
 * real OTLP exporter.
 */
@GenAiTracingTest
class A2aServerLayoutIntegrationTests {

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
					"spring.ai.openai.api-key=unused", "genai.tracing.a2a.layout=server-span",
					"genai.tracing.a2a.user-id=principal")
			.run();
		url = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + "/a2a";
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	private HttpResponse<String> post(String body, String user) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (user != null) {
			request.header("X-Test-User", user);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static List<Span> awaitTree(String contextId) {
		return receiver.awaitSpans((received) -> received.stream()
			.anyMatch((span) -> span.getName().equals("invoke_agent a2a-agent")
					&& contextId.equals(OtlpTestReceiver.attribute(span, "gen_ai.conversation.id")))
				&& received.stream()
					.anyMatch((span) -> span.getKind() == Span.SpanKind.SPAN_KIND_SERVER
							&& contextId.equals(OtlpTestReceiver.attribute(span, "gen_ai.conversation.id"))),
				Duration.ofSeconds(15));
	}

	private static Span find(List<Span> spans, String name, String contextId) {
		return spans.stream()
			.filter((span) -> span.getName().equals(name)
					&& contextId.equals(OtlpTestReceiver.attribute(span, "gen_ai.conversation.id")))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void makesASendMessageServerSpanWithTheAgentSpanAsItsChild() throws Exception {
		receiver.clear();
		HttpResponse<String> response = post("""
				{"jsonrpc":"2.0","id":1,"method":"message/send","params":{"message":{"kind":"message",
				"messageId":"m-1","role":"user","contextId":"ctx-layout","taskId":"t-1",
				"parts":[{"kind":"text","text":"Hi"}]}}}""", null);
		assertThat(response.statusCode()).isEqualTo(200);
		List<Span> spans = awaitTree("ctx-layout");
		Span server = find(spans, "SendMessage", "ctx-layout");
		Span agent = find(spans, "invoke_agent a2a-agent", "ctx-layout");
		GenAiSpanAssert.assertThat(server)
			.hasKind(SpanKind.SERVER)
			.hasAttribute(A2aAttributes.METHOD_NAME, "SendMessage")
			.hasAttribute(A2aAttributes.MESSAGE_ID, "m-1")
			.hasAttribute(A2aAttributes.TASK_ID, "t-1")
			.hasAttribute(A2aAttributes.TASK_STATE, "TASK_STATE_COMPLETED")
			.hasAttribute(A2aAttributes.PROTOCOL_VERSION, "0.3")
			.hasAttribute(GenAiAttributes.AGENT_NAME, "a2a-agent")
			.hasAttribute(GenAiAttributes.CLIENT_ADDRESS, "127.0.0.1")
			.doesNotHaveAttributes("gen_ai.operation.name", "openinference.span.kind", "input.value");
		GenAiSpanAssert.assertThat(agent)
			.hasKind(SpanKind.INTERNAL)
			.isChildOf(server)
			.hasAttribute(GenAiAttributes.OPERATION_NAME, "invoke_agent")
			.hasAttribute(A2aAttributes.TASK_STATE, "TASK_STATE_COMPLETED");
		assertThat(server.getParentSpanId().isEmpty()).as("the server span is the root").isTrue();
		assertThat(OtlpTestReceiver.attribute(server, "uri")).as("Spring Boot's HTTP attributes kept").isEqualTo("/a2a");
		assertThat(spans.stream()
			.filter((span) -> span.getTraceId().equals(server.getTraceId()))
			.filter((span) -> span.getKind() == Span.SpanKind.SPAN_KIND_SERVER)).as("one server span per request")
			.containsExactly(server);
	}

	@Test
	void makesAGetTaskPollOneServerSpanWithNoAgentChild() throws Exception {
		receiver.clear();
		HttpResponse<String> response = post("""
				{"jsonrpc":"2.0","id":9,"method":"tasks/get","params":{"id":"t-layout-poll"}}""", null);
		assertThat(response.body()).contains("ctx-of-t-layout-poll");
		List<Span> spans = receiver.awaitSpans((received) -> received.stream().anyMatch(this::isLayoutPoll),
				Duration.ofSeconds(15));
		Span poll = spans.stream().filter(this::isLayoutPoll).findFirst().orElseThrow();
		GenAiSpanAssert.assertThat(poll)
			.hasKind(SpanKind.SERVER)
			.hasAttribute(A2aAttributes.METHOD_NAME, "GetTask")
			.hasAttribute(GenAiAttributes.CONVERSATION_ID, "ctx-of-t-layout-poll")
			.doesNotHaveAttributes("gen_ai.operation.name", "openinference.span.kind", "mlflow.spanType");
		// a child ends before its parent: had the poll one, it would have arrived with it
		assertThat(spans).filteredOn((span) -> span.getTraceId().equals(poll.getTraceId()))
			.as("the poll's span alone: no invoke_agent child")
			.containsExactly(poll);
	}

	private boolean isLayoutPoll(Span span) {
		return span.getName().equals("GetTask") && "t-layout-poll".equals(OtlpTestReceiver.attribute(span, "a2a.task.id"));
	}

	@Test
	void marksBothSpansWithTheJsonRpcErrorCode() throws Exception {
		receiver.clear();
		post("""
				{"jsonrpc":"2.0","id":2,"method":"message/send","params":{"message":{"kind":"message",
				"messageId":"m-2","role":"user","contextId":"ctx-error","parts":[{"kind":"text","text":"fail"}]}}}""",
				null);
		List<Span> spans = awaitTree("ctx-error");
		for (String name : List.of("SendMessage", "invoke_agent a2a-agent")) {
			Span span = find(spans, name, "ctx-error");
			assertThat(span.getStatus().getCode().name()).as(name).isEqualTo("STATUS_CODE_ERROR");
			assertThat(OtlpTestReceiver.attribute(span, "error.type")).as(name).isEqualTo("-32001");
		}
	}

	@Test
	void recordsTheAuthenticatedPrincipalAsTheUserId() throws Exception {
		receiver.clear();
		post("""
				{"jsonrpc":"2.0","id":3,"method":"message/send","params":{"message":{"kind":"message",
				"messageId":"m-3","role":"user","contextId":"ctx-user","parts":[{"kind":"text","text":"Hi"}]}}}""",
				"alice");
		post("""
				{"jsonrpc":"2.0","id":4,"method":"message/send","params":{"message":{"kind":"message",
				"messageId":"m-4","role":"user","contextId":"ctx-anonymous","parts":[{"kind":"text","text":"Hi"}]}}}""",
				null);
		GenAiSpanAssert.assertThat(find(awaitTree("ctx-user"), "invoke_agent a2a-agent", "ctx-user"))
			.hasAttribute(OpenInferenceAttributes.USER_ID, "alice");
		GenAiSpanAssert.assertThat(find(awaitTree("ctx-anonymous"), "invoke_agent a2a-agent", "ctx-anonymous"))
			.doesNotHaveAttributes("user.id");
	}

	@Test
	void letsTheApplicationReadTheConversationAndTaskIds() throws Exception {
		receiver.clear();
		HttpResponse<String> response = post("""
				{"jsonrpc":"2.0","id":5,"method":"message/send","params":{"message":{"kind":"message",
				"messageId":"m-5","role":"user","contextId":"ctx-ids","taskId":"t-55",
				"parts":[{"kind":"text","text":"Hi"}]}}}""", null);
		assertThat(response.body()).contains("conversation ctx-ids, task t-55");
	}

}
