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

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import io.github.genaitracing.annotation.AgentInvoke;
import io.github.genaitracing.annotation.ConversationId;
import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.semconv.McpAttributes;
import io.github.genaitracing.test.GenAiSpanAssert;
import io.github.genaitracing.test.GenAiTracingTest;
import io.github.genaitracing.test.OtlpTestReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server side over stdio, with a real child process: Spring AI's MCP client starter
 * (stdio connection) in this JVM starts {@link StdioWeatherServer} with
 * {@code java -cp <this test class path>}, both traced by genai-tracing and exporting
 * through the real OTLP exporter into the same receiver. There are no HTTP headers on a
 * pipe: the trace crosses in {@code params._meta} only.
 */
@GenAiTracingTest
class McpStdioServerTracingTests {

	private static OtlpTestReceiver receiver;

	private static ConfigurableApplicationContext client;

	@BeforeAll
	static void start(OtlpTestReceiver shared) {
		receiver = shared;
		String connection = "spring.ai.mcp.client.stdio.connections.weather.";
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.application.name", "stdio-client");
		properties.put("spring.ai.mcp.server.enabled", "false");
		properties.put("spring.ai.mcp.client.annotation-scanner.enabled", "false");
		properties.put("spring.ai.mcp.client.request-timeout", "120s");
		properties.put("spring.ai.openai.api-key", "unused");
		properties.put("management.otlp.metrics.export.enabled", "false");
		properties.put(connection + "command", Path.of(System.getProperty("java.home"), "bin", "java").toString());
		List<String> args = List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), StdioWeatherServer.class.getName(),
				"--management.opentelemetry.tracing.export.otlp.endpoint=" + receiver.tracesEndpoint(),
				"--management.opentelemetry.tracing.export.schedule-delay=50ms",
				"--management.tracing.sampling.probability=1.0");
		for (int i = 0; i < args.size(); i++) {
			properties.put(connection + "args[" + i + "]", args.get(i));
		}
		client = new SpringApplicationBuilder(ClientApp.class).web(WebApplicationType.NONE)
			.properties(receiver.exportProperties())
			.properties(properties)
			.run();
	}

	@AfterAll
	static void stop() {
		if (client != null) {
			client.close();
		}
	}

	@Test
	void oneTraceRunsFromTheClientThroughStdioIntoTheServerAndItsTool() {
		McpSchema.CallToolResult result = agent().call("conv-stdio", "get_forecast", Map.of("city", "Lisbon"));
		assertThat(text(result)).contains("It is sunny in Lisbon.");
		// each span may come in its own export batch, the server's from another process
		List<Span> spans = await((all) -> toolSpan(all, "get_forecast", "conv-stdio") != null
				&& span(all, "tools/call get_forecast", SpanKind.CLIENT, "conv-stdio") != null
				&& span(all, "tools/call get_forecast", SpanKind.SERVER, "conv-stdio") != null
				&& span(all, "invoke_agent stdio-agent", SpanKind.INTERNAL, "conv-stdio") != null);
		Span agentSpan = span(spans, "invoke_agent stdio-agent", SpanKind.INTERNAL, "conv-stdio");
		Span clientSpan = span(spans, "tools/call get_forecast", SpanKind.CLIENT, "conv-stdio");
		Span serverSpan = span(spans, "tools/call get_forecast", SpanKind.SERVER, "conv-stdio");
		Span toolSpan = toolSpan(spans, "get_forecast", "conv-stdio");
		GenAiSpanAssert.assertThat(clientSpan)
			.isChildOf(agentSpan)
			.hasAttribute(McpAttributes.NETWORK_TRANSPORT, "pipe")
			.doesNotHaveAttributes("server.address", "server.port");
		GenAiSpanAssert.assertThat(serverSpan)
			.as("the server span in the child process, parented from params._meta")
			.isChildOf(clientSpan)
			.hasAttribute(McpAttributes.METHOD_NAME, "tools/call")
			.hasAttribute(GenAiAttributes.TOOL_NAME, "get_forecast")
			.hasAttribute(McpAttributes.NETWORK_TRANSPORT, "pipe")
			.hasAttribute(GenAiAttributes.CONVERSATION_ID, "conv-stdio")
			.doesNotHaveAttributes("mcp.session.id", "client.address", "error.type");
		assertThat(serverSpan.getLinksList()).as("no transport span to link on a pipe").isEmpty();
		GenAiSpanAssert.assertThat(toolSpan)
			.hasKind(SpanKind.INTERNAL)
			.isChildOf(serverSpan)
			.hasAttribute(GenAiAttributes.OPERATION_NAME, "execute_tool")
			.hasAttribute(GenAiAttributes.CONVERSATION_ID, "conv-stdio")
			.hasAttributeSatisfying(GenAiAttributes.TOOL_CALL_ARGUMENTS, (json) -> assertThat(json).contains("Lisbon"))
			.hasAttributeSatisfying(GenAiAttributes.TOOL_CALL_RESULT,
					(json) -> assertThat(json).contains("sunny in Lisbon"));
		assertThat(List.of(agentSpan, clientSpan, serverSpan, toolSpan)).extracting(Span::getTraceId)
			.containsOnly(agentSpan.getTraceId());
		assertThat(spans).filteredOn((span) -> span.getKind() == Span.SpanKind.SPAN_KIND_SERVER
				&& span.getTraceId().equals(agentSpan.getTraceId()))
			.as("one server span for the call")
			.hasSize(1);
	}

	@Test
	void theToolRunsInTheServerSpansTraceAndConversation() {
		McpSchema.CallToolResult result = agent().call("conv-context", "current_context", Map.of());
		List<Span> spans = await((all) -> span(all, "tools/call current_context", SpanKind.CLIENT, "conv-context") != null);
		Span clientSpan = span(spans, "tools/call current_context", SpanKind.CLIENT, "conv-context");
		assertThat(text(result)).as("the trace id and conversation id the tool sees")
			.contains(OtlpTestReceiver.hex(clientSpan.getTraceId()) + " conv-context");
	}

	@Test
	void marksAFailingToolAsAnErrorOnTheServerSpanAndItsTool() {
		McpSchema.CallToolResult result = agent().call("conv-broken", "broken_tool", Map.of());
		assertThat(result.isError()).isTrue();
		List<Span> spans = await((all) -> toolSpan(all, "broken_tool", "conv-broken") != null);
		for (Span span : List.of(span(spans, "tools/call broken_tool", SpanKind.SERVER, "conv-broken"),
				toolSpan(spans, "broken_tool", "conv-broken"))) {
			GenAiSpanAssert.assertThat(span).hasAttribute(GenAiAttributes.ERROR_TYPE, "tool_error");
			assertThat(span.getStatus().getCode()).isEqualTo(io.opentelemetry.proto.trace.v1.Status.StatusCode.STATUS_CODE_ERROR);
		}
	}

	private static StdioAgent agent() {
		return client.getBean(StdioAgent.class);
	}

	private static String text(McpSchema.CallToolResult result) {
		return ((McpSchema.TextContent) result.content().get(0)).text();
	}

	private static List<Span> await(Predicate<List<Span>> condition) {
		return receiver.awaitSpans(condition, Duration.ofSeconds(20));
	}

	private static Span span(List<Span> spans, String name, SpanKind kind, String conversationId) {
		return ExportedMcpSpans.find(spans, name, kind, conversationId);
	}

	private static Span toolSpan(List<Span> spans, String tool, String conversationId) {
		Span server = span(spans, "tools/call " + tool, SpanKind.SERVER, conversationId);
		return (server != null) ? spans.stream()
			.filter((span) -> span.getName().equals("execute_tool " + tool)
					&& span.getParentSpanId().equals(server.getSpanId()))
			.findFirst()
			.orElse(null) : null;
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class ClientApp {

		@Bean
		StdioAgent stdioAgent(List<McpSyncClient> mcpSyncClients) {
			return new StdioAgent(mcpSyncClients.get(0));
		}

	}

	static class StdioAgent {

		private final McpSyncClient client;

		StdioAgent(McpSyncClient client) {
			this.client = client;
		}

		@AgentInvoke(name = "stdio-agent")
		public McpSchema.CallToolResult call(@ConversationId String conversationId, String tool,
				Map<String, Object> arguments) {
			return this.client.callTool(new McpSchema.CallToolRequest(tool, arguments));
		}

	}

}
