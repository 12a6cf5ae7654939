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

package io.github.genaitracing.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.genaitracing.semconv.A2aAttributes;
import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.semconv.McpAttributes;
import io.github.genaitracing.test.GenAiSpanAssert;
import io.github.genaitracing.test.GenAiTracingTest;
import io.github.genaitracing.test.OtlpTestReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample end to end, as a user runs it: both agents and the scripted model started
 * by {@link SampleAgents}, a message sent by the real A2A Java client and over raw HTTP,
 * spans exported by both agents through the real OTLP exporter into one receiver
 * ({@link GenAiTracingTest}: cleared before each test).
 */
@GenAiTracingTest
class SampleAgentsEndToEndTests {

	private static OtlpTestReceiver receiver;

	private static SampleAgents agents;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start(OtlpTestReceiver sharedReceiver) throws Exception {
		receiver = sharedReceiver;
		List<String> args = new java.util.ArrayList<>(List.of("--sample.front.port=0", "--sample.weather.port=0"));
		for (String property : receiver.exportProperties()) {
			args.add("--" + property);
		}
		agents = SampleAgents.start(args.toArray(String[]::new));
	}

	@AfterAll
	static void stop() {
		agents.close();
	}

	@Test
	void answersTheA2aJavaClientWithOneTraceAcrossBothAgents() throws Exception {
		io.a2a.client.transport.jsonrpc.JSONRPCTransport transport = new io.a2a.client.transport.jsonrpc.JSONRPCTransport(
				"http://127.0.0.1:" + agents.frontPort() + "/a2a");
		io.a2a.spec.EventKind result = transport.sendMessage(new io.a2a.spec.MessageSendParams(
				io.a2a.A2A.createUserTextMessage("What is the weather in Lisbon?", "conv-sdk", null), null, null), null);
		assertThat(result).isInstanceOf(io.a2a.spec.Task.class);
		io.a2a.spec.Task task = (io.a2a.spec.Task) result;
		assertThat(task.getStatus().state()).isEqualTo(io.a2a.spec.TaskState.COMPLETED);
		String answer = ((io.a2a.spec.TextPart) task.getArtifacts().get(0).parts().get(0)).getText();
		assertThat(answer).contains("Forecast for Lisbon: sunny")
			.contains("14:05 in Lisbon")
			.contains("Hourly in Lisbon");

		List<Span> trace = awaitTrace("conv-sdk", (spans) -> named(spans, "invoke_agent weather-agent").size() >= 2
				&& named(spans, "chat gpt-4o-mini").size() >= 3);
		Span front = only(trace, "invoke_agent front-agent", SpanKind.SERVER);
		GenAiSpanAssert.assertThat(front)
			.hasAttribute(GenAiAttributes.CONVERSATION_ID, "conv-sdk")
			.hasAttribute(A2aAttributes.METHOD_NAME, "SendMessage")
			.hasAttribute(A2aAttributes.TASK_STATE, "TASK_STATE_COMPLETED");
		Span forecastTool = only(trace, "execute_tool get_forecast", SpanKind.INTERNAL);
		assertThat(ancestors(trace, forecastTool)).contains(front);
		Span call = only(trace, "invoke_agent weather-agent", SpanKind.CLIENT);
		GenAiSpanAssert.assertThat(call)
			.hasAttribute(A2aAttributes.METHOD_NAME, "SendMessage")
			.hasAttribute(A2aAttributes.TASK_STATE, "TASK_STATE_COMPLETED")
			.hasAttribute(GenAiAttributes.SERVER_PORT, (long) agents.weatherPort());
		assertThat(ancestors(trace, call)).contains(forecastTool, front);
		Span weather = only(trace, "invoke_agent weather-agent", SpanKind.SERVER);
		GenAiSpanAssert.assertThat(weather).hasAttribute(GenAiAttributes.CONVERSATION_ID, "conv-sdk");
		assertThat(ancestors(trace, weather)).as("the remote agent runs under the call to it")
			.contains(call, forecastTool, front);
		assertThat(named(trace, "chat gpt-4o-mini")).allSatisfy((chat) -> {
			GenAiSpanAssert.assertThat(chat).hasKind(SpanKind.CLIENT);
			assertThat(ancestors(trace, chat)).containsAnyOf(front, weather);
		});
		assertThat(named(trace, "execute_tool local_time")).hasSize(1);
	}

	@Test
	void theReadmeRequestIsOneTraceThroughTheMcpToolCallIntoTheWeatherAgentsMcpServer() throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + agents.frontPort() + "/a2a"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(readmeRequest("conv-mcp")))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.body()).contains("\"state\":\"completed\"").contains("Hourly in Lisbon");

		List<Span> all = receiver.awaitSpans((spans) -> mcpSpan(spans, "conv-mcp", SpanKind.CLIENT) != null
				&& mcpSpan(spans, "conv-mcp", SpanKind.SERVER) != null && serverTool(spans, "conv-mcp") != null
				&& traceOf(spans, "conv-mcp").isPresent(), Duration.ofSeconds(20));
		String traceId = traceOf(all, "conv-mcp").orElseThrow();
		List<Span> trace = inTrace(all, traceId);
		Span front = only(trace, "invoke_agent front-agent", SpanKind.SERVER);
		Span clientTool = trace.stream()
			.filter((span) -> span.getName().equals("execute_tool get_hourly_forecast")
					&& span.getParentSpanId().equals(front.getSpanId()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no Spring AI tool span under the agent in " + names(trace)));
		Span client = mcpSpan(all, "conv-mcp", SpanKind.CLIENT);
		Span server = mcpSpan(all, "conv-mcp", SpanKind.SERVER);
		Span serverTool = serverTool(all, "conv-mcp");
		assertThat(List.of(client, server, serverTool)).as("the MCP spans of both agents are in the request's trace")
			.allSatisfy((span) -> assertThat(OtlpTestReceiver.hex(span.getTraceId())).isEqualTo(traceId));
		GenAiSpanAssert.assertThat(clientTool)
			.hasAttribute(GenAiAttributes.OPERATION_NAME, "execute_tool")
			.hasAttribute(GenAiAttributes.CONVERSATION_ID, "conv-mcp");
		GenAiSpanAssert.assertThat(client)
			.isChildOf(clientTool)
			.hasAttribute(McpAttributes.METHOD_NAME, "tools/call")
			.hasAttribute(GenAiAttributes.TOOL_NAME, "get_hourly_forecast")
			.hasAttribute(GenAiAttributes.SERVER_PORT, (long) agents.weatherPort())
			.hasAttribute(McpAttributes.NETWORK_TRANSPORT, "tcp")
			.hasAttributeSatisfying(McpAttributes.SESSION_ID, (id) -> assertThat(id).isNotBlank())
			.doesNotHaveAttributes("gen_ai.operation.name", "error.type");
		GenAiSpanAssert.assertThat(server)
			.as("the weather agent's MCP server span, parented from params._meta")
			.isChildOf(client)
			.hasAttribute(McpAttributes.METHOD_NAME, "tools/call")
			.hasAttribute(GenAiAttributes.TOOL_NAME, "get_hourly_forecast")
			.hasAttribute(McpAttributes.SESSION_ID, (String) OtlpTestReceiver.attribute(client, "mcp.session.id"))
			.hasAttribute(GenAiAttributes.CONVERSATION_ID, "conv-mcp")
			.doesNotHaveAttributes("error.type");
		GenAiSpanAssert.assertThat(serverTool)
			.hasKind(SpanKind.INTERNAL)
			.isChildOf(server)
			.hasAttribute(GenAiAttributes.OPERATION_NAME, "execute_tool")
			.hasAttribute(GenAiAttributes.CONVERSATION_ID, "conv-mcp")
			.hasAttributeSatisfying(GenAiAttributes.TOOL_CALL_RESULT,
					(result) -> assertThat(result).contains("Hourly in Lisbon"));
		assertThat(named(trace, "execute_tool get_hourly_forecast")).as("one tool span on each side")
			.containsExactlyInAnyOrder(clientTool, serverTool);
	}

	@Test
	void streamsA10SendStreamingMessageAndEndsItsSpanWithTheFinalState() throws Exception {
		String body = "{\"jsonrpc\":\"2.0\",\"id\":\"s1\",\"method\":\"SendStreamingMessage\",\"params\":{\"message\":"
				+ "{\"messageId\":\"m-s1\",\"role\":\"ROLE_USER\",\"contextId\":\"conv-stream\",\"parts\":"
				+ "[{\"text\":\"Weather in Oslo?\"}]}}}";
		HttpResponse<String> response = this.http.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + agents.frontPort() + "/a2a"))
			.header("Content-Type", "application/json")
			.header("A2A-Version", "1.0")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/event-stream"));
		assertThat(response.body()).contains("TASK_STATE_WORKING").contains("Forecast for Oslo")
			.contains("TASK_STATE_COMPLETED");
		List<Span> trace = awaitTrace("conv-stream",
				(spans) -> !named(spans, "invoke_agent front-agent").isEmpty()
						&& !named(spans, "invoke_agent weather-agent").isEmpty());
		Span front = only(trace, "invoke_agent front-agent", SpanKind.SERVER);
		GenAiSpanAssert.assertThat(front)
			.hasAttribute(A2aAttributes.METHOD_NAME, "SendStreamingMessage")
			.hasAttribute(A2aAttributes.PROTOCOL_VERSION, "1.0")
			.hasAttribute(A2aAttributes.TASK_STATE, "TASK_STATE_COMPLETED")
			.hasAttributeSatisfying(GenAiAttributes.OUTPUT_MESSAGES,
					(json) -> assertThat(json).contains("Forecast for Oslo"));
		assertThat(ancestors(trace, only(trace, "chat gpt-4o-mini", SpanKind.CLIENT, front))).contains(front);
	}

	@Test
	void servesTheAgentCard() throws Exception {
		HttpResponse<String> card = this.http.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + agents.frontPort() + "/.well-known/agent-card.json"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(card.statusCode()).isEqualTo(200);
		assertThat(card.body()).contains("\"name\":\"front-agent\"").contains("/a2a");
	}

	private static String readmeRequest(String conversationId) {
		return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"message/send\",\"params\":{\"message\":{\"kind\":"
				+ "\"message\",\"messageId\":\"m1\",\"role\":\"user\",\"contextId\":\"" + conversationId
				+ "\",\"parts\":[{\"kind\":\"text\",\"text\":\"What is the weather in Lisbon?\"}]}}}";
	}

	private static Span mcpSpan(List<Span> spans, String conversationId, SpanKind kind) {
		return spans.stream()
			.filter((span) -> span.getName().equals("tools/call get_hourly_forecast")
					&& span.getKind().name().equals("SPAN_KIND_" + kind.name())
					&& conversationId.equals(OtlpTestReceiver.attribute(span, "gen_ai.conversation.id")))
			.findFirst()
			.orElse(null);
	}

	private static Span serverTool(List<Span> spans, String conversationId) {
		Span server = mcpSpan(spans, conversationId, SpanKind.SERVER);
		return (server != null) ? spans.stream()
			.filter((span) -> span.getName().equals("execute_tool get_hourly_forecast")
					&& span.getParentSpanId().equals(server.getSpanId()))
			.findFirst()
			.orElse(null) : null;
	}

	private static List<Span> awaitTrace(String conversationId, Predicate<List<Span>> complete) {
		List<Span> all = receiver.awaitSpans((spans) -> {
			Optional<String> traceId = traceOf(spans, conversationId);
			return traceId.isPresent() && complete.test(inTrace(spans, traceId.get()));
		}, Duration.ofSeconds(20));
		return inTrace(all, traceOf(all, conversationId).orElseThrow());
	}

	private static Optional<String> traceOf(List<Span> spans, String conversationId) {
		return spans.stream()
			.filter((span) -> span.getName().equals("invoke_agent front-agent")
					&& conversationId.equals(OtlpTestReceiver.attribute(span, "gen_ai.conversation.id")))
			.map((span) -> OtlpTestReceiver.hex(span.getTraceId()))
			.findFirst();
	}

	private static List<Span> inTrace(List<Span> spans, String traceId) {
		return spans.stream().filter((span) -> OtlpTestReceiver.hex(span.getTraceId()).equals(traceId)).toList();
	}

	private static List<Span> named(List<Span> spans, String name) {
		return spans.stream().filter((span) -> span.getName().equals(name)).toList();
	}

	private static Span only(List<Span> spans, String name, SpanKind kind) {
		List<Span> matching = named(spans, name).stream()
			.filter((span) -> span.getKind().name().equals("SPAN_KIND_" + kind.name()))
			.toList();
		assertThat(matching).as(name + " " + kind + " in " + names(spans)).hasSize(1);
		return matching.get(0);
	}

	private static Span only(List<Span> spans, String name, SpanKind kind, Span ancestor) {
		return named(spans, name).stream()
			.filter((span) -> span.getKind().name().equals("SPAN_KIND_" + kind.name()))
			.filter((span) -> ancestors(spans, span).contains(ancestor))
			.findFirst()
			.orElseThrow(() -> new AssertionError(name + " under " + ancestor.getName() + " in " + names(spans)));
	}

	private static List<Span> ancestors(List<Span> spans, Span span) {
		Map<String, Span> byId = spans.stream()
			.collect(Collectors.toMap((s) -> OtlpTestReceiver.hex(s.getSpanId()), (s) -> s, (a, b) -> a));
		List<Span> ancestors = new java.util.ArrayList<>();
		Span current = byId.get(OtlpTestReceiver.hex(span.getParentSpanId()));
		while (current != null && ancestors.size() < 100) {
			ancestors.add(current);
			current = byId.get(OtlpTestReceiver.hex(current.getParentSpanId()));
		}
		return ancestors;
	}

	private static String names(List<Span> spans) {
		return spans.stream().map(Span::getName).toList().toString();
	}

}
