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
import java.util.function.Predicate;

import io.micrometer.core.instrument.MeterRegistry;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.mcp.SyncMcpToolCallbackProvider;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.method.MethodToolCallbackProvider;
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
import io.github.genaitracing.semconv.OpenInferenceAttributes;
import io.github.genaitracing.test.GenAiSpanAssert;
import io.github.genaitracing.test.OpenAiStubServer;
import io.github.genaitracing.test.OtlpTestReceiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Spring AI's real MCP client and real WebMVC MCP server (streamable HTTP) in two Boot
 * applications talking over real HTTP, spans from both exported through Boot's real OTLP
 * exporter into one receiver.
 */
class McpTracingIntegrationTests {

	private static OtlpTestReceiver receiver;

	private static OpenAiStubServer model;

	private static ConfigurableApplicationContext server;

	private static ConfigurableApplicationContext contentServer;

	private static ConfigurableApplicationContext client;

	@BeforeAll
	static void start() {
		receiver = OtlpTestReceiver.start();
		model = OpenAiStubServer.start();
		server = server("weather");
		contentServer = server("weather-content", "genai.tracing.capture-content=span");
		client = new SpringApplicationBuilder(ClientApp.class).web(WebApplicationType.NONE)
			.properties(common("front"))
			.properties("spring.ai.mcp.server.enabled=false", "spring.ai.mcp.client.annotation-scanner.enabled=false",
					"spring.ai.mcp.client.streamable-http.connections.weather.url=http://127.0.0.1:" + port(server),
					"spring.ai.mcp.client.streamable-http.connections.content.url=http://127.0.0.1:"
							+ port(contentServer),
					"spring.ai.openai.base-url=" + model.baseUrl(), "spring.ai.openai.chat.options.model=gpt-4o-mini")
			.run();
	}

	private static ConfigurableApplicationContext server(String name, String... properties) {
		return new SpringApplicationBuilder(ServerApp.class)
			.properties(common(name))
			.properties("server.port=0", "spring.ai.mcp.client.enabled=false", "spring.ai.mcp.server.name=" + name,
					"spring.ai.mcp.server.protocol=STREAMABLE", "spring.ai.mcp.server.annotation-scanner.enabled=false")
			.properties(properties)
			.run();
	}

	private static String[] common(String name) {
		return new String[] { "spring.application.name=" + name,
				"management.opentelemetry.tracing.export.otlp.endpoint=" + receiver.tracesEndpoint(),
				"management.tracing.sampling.probability=1.0",
				"management.opentelemetry.tracing.export.schedule-delay=50ms",
				"management.otlp.metrics.export.enabled=false", "spring.ai.openai.api-key=unused" };
	}

	private static boolean linkedSpanExported(List<Span> spans, Span span) {
		return span.getLinksList()
			.stream()
			.allMatch((link) -> spans.stream().anyMatch((candidate) -> candidate.getSpanId().equals(link.getSpanId())));
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	@AfterAll
	static void stop() {
		client.close();
		server.close();
		contentServer.close();
		model.close();
		receiver.close();
	}

	@BeforeEach
	void clear() {
		receiver.clear();
		model.reset();
	}

	@Test
	void oneTraceRunsFromTheClientSpanThroughMetaIntoTheServerAndItsTool() {
		String answer = agent().forecast("conv-mcp", weather(), "Lisbon");
		assertThat(answer).contains("sunny in Lisbon");
		// the HTTP server span the MCP server span links to ends after the reply, so it may be
		// exported in a later batch than the others: wait for it too
		List<Span> spans = await((all) -> toolSpan(all, "conv-mcp") != null && serverSpan(all, "conv-mcp") != null
				&& clientSpan(all, "conv-mcp") != null && named(all, "invoke_agent front", "conv-mcp") != null
				&& linkedSpanExported(all, serverSpan(all, "conv-mcp")));
		Span agentSpan = named(spans, "invoke_agent front", "conv-mcp");
		Span clientSpan = clientSpan(spans, "conv-mcp");
		Span serverSpan = serverSpan(spans, "conv-mcp");
		Span toolSpan = toolSpan(spans, "conv-mcp");
		GenAiSpanAssert.assertThat(clientSpan)
			.hasName("tools/call get_forecast")
			.hasKind(SpanKind.CLIENT)
			.isChildOf(agentSpan)
			.hasAttribute(McpAttributes.METHOD_NAME, "tools/call")
			.hasAttribute(GenAiAttributes.TOOL_NAME, "get_forecast")
			.hasAttribute(GenAiAttributes.OPERATION_NAME, "execute_tool")
			.hasAttribute(McpAttributes.NETWORK_TRANSPORT, "tcp")
			.hasAttribute(GenAiAttributes.SERVER_ADDRESS, "127.0.0.1")
			.hasAttribute(GenAiAttributes.SERVER_PORT, (long) port(server))
			.hasAttribute(GenAiAttributes.CONVERSATION_ID, "conv-mcp")
			.hasAttributeSatisfying(McpAttributes.JSONRPC_REQUEST_ID, (id) -> assertThat(id).isNotBlank())
			.hasAttributeSatisfying(McpAttributes.SESSION_ID, (id) -> assertThat(id).isNotBlank())
			.hasAttributeSatisfying(McpAttributes.PROTOCOL_VERSION, (version) -> assertThat(version).matches("\\d{4}-\\d\\d-\\d\\d"))
			.doesNotHaveAttributes("error.type", "gen_ai.tool.call.arguments");
		GenAiSpanAssert.assertThat(serverSpan)
			.hasKind(SpanKind.SERVER)
			.isChildOf(clientSpan)
			.hasAttribute(McpAttributes.METHOD_NAME, "tools/call")
			.hasAttribute(GenAiAttributes.TOOL_NAME, "get_forecast")
			.hasAttribute(McpAttributes.JSONRPC_REQUEST_ID, attribute(clientSpan, McpAttributes.JSONRPC_REQUEST_ID))
			.hasAttribute(McpAttributes.SESSION_ID, attribute(clientSpan, McpAttributes.SESSION_ID))
			.hasAttribute(McpAttributes.NETWORK_TRANSPORT, "tcp")
			.hasAttribute(GenAiAttributes.CONVERSATION_ID, "conv-mcp");
		assertThat(serverSpan.getEndTimeUnixNano()).as("the server span ends when the reply is sent, before the client reads it")
			.isLessThanOrEqualTo(clientSpan.getEndTimeUnixNano());
		assertThat(serverSpan.getLinksList()).hasSize(1);
		String httpSpanId = OtlpTestReceiver.hex(serverSpan.getLinks(0).getSpanId());
		assertThat(spans).anyMatch((span) -> OtlpTestReceiver.hex(span.getSpanId()).equals(httpSpanId)
				&& span.getKind() == Span.SpanKind.SPAN_KIND_SERVER && !span.getName().startsWith("tools/call"));
		GenAiSpanAssert.assertThat(toolSpan)
			.hasKind(SpanKind.INTERNAL)
			.isChildOf(serverSpan)
			.hasAttribute(GenAiAttributes.OPERATION_NAME, "execute_tool")
			.hasAttribute(GenAiAttributes.CONVERSATION_ID, "conv-mcp")
			.hasAttribute(OpenInferenceAttributes.SPAN_KIND, "TOOL")
			.doesNotHaveAttributes("gen_ai.tool.call.arguments", "gen_ai.tool.call.result", "input.value",
					"output.value");
		assertThat(List.of(agentSpan, clientSpan, serverSpan, toolSpan)).extracting(Span::getTraceId)
			.containsOnly(agentSpan.getTraceId());
	}

	@Test
	void recordsTheToolArgumentsAndResultOnTheServerWhenItCapturesContent() {
		agent().forecast("conv-content", content(), "Oslo");
		Span tool = toolSpan(await((all) -> toolSpan(all, "conv-content") != null), "conv-content");
		GenAiSpanAssert.assertThat(tool)
			.hasAttributeSatisfying(GenAiAttributes.TOOL_CALL_ARGUMENTS, (json) -> assertThat(json).contains("Oslo"))
			.hasAttributeSatisfying(GenAiAttributes.TOOL_CALL_RESULT,
					(json) -> assertThat(json).contains("sunny in Oslo"));
	}

	@Test
	void marksAToolResultWithIsErrorAsAToolErrorOnBothSides() {
		McpSchema.CallToolResult result = agent().call("conv-tool-error", weather(), "broken_tool", Map.of());
		assertThat(result.isError()).isTrue();
		List<Span> spans = await((all) -> named(all, "tools/call broken_tool", "conv-tool-error", SpanKind.SERVER) != null
				&& named(all, "tools/call broken_tool", "conv-tool-error", SpanKind.CLIENT) != null);
		for (SpanKind kind : List.of(SpanKind.CLIENT, SpanKind.SERVER)) {
			Span span = named(spans, "tools/call broken_tool", "conv-tool-error", kind);
			GenAiSpanAssert.assertThat(span).hasAttribute(GenAiAttributes.ERROR_TYPE, "tool_error");
			assertThat(span.getStatus().getCode().name()).isEqualTo("STATUS_CODE_ERROR");
		}
	}

	@Test
	void recordsTheJsonRpcErrorOfAnUnknownToolOnBothSides() {
		assertThatThrownBy(() -> agent().call("conv-unknown", weather(), "no_such_tool", Map.of()))
			.isInstanceOf(McpError.class);
		List<Span> spans = await((all) -> named(all, "tools/call no_such_tool", "conv-unknown", SpanKind.SERVER) != null
				&& named(all, "tools/call no_such_tool", "conv-unknown", SpanKind.CLIENT) != null);
		Span clientSpan = named(spans, "tools/call no_such_tool", "conv-unknown", SpanKind.CLIENT);
		Span serverSpan = named(spans, "tools/call no_such_tool", "conv-unknown", SpanKind.SERVER);
		for (Span span : List.of(clientSpan, serverSpan)) {
			GenAiSpanAssert.assertThat(span)
				.hasAttribute(GenAiAttributes.ERROR_TYPE, "-32602")
				.hasAttribute(McpAttributes.RPC_RESPONSE_STATUS_CODE, "-32602");
			assertThat(span.getStatus().getCode().name()).isEqualTo("STATUS_CODE_ERROR");
		}
	}

	@Test
	void keepsTheApplicationsMetaAndAddsTheTraceContext() {
		McpSchema.CallToolResult result = agent().callWithMeta("conv-meta", weather(), Map.of("app-key", "app-value"));
		String text = ((McpSchema.TextContent) result.content().get(0)).text();
		assertThat(text).contains("app-key=app-value").contains("traceparent=00-").contains("baggage=");
		assertThat(text).contains("gen_ai.conversation.id=conv-meta");
	}

	@Test
	void nestsTheClientSpanInSpringAiToolCallingsToolSpan() {
		model.enqueue(OpenAiStubServer.Reply.toolCall("call-1", "get_forecast", "{\"city\":\"Rome\"}"),
				OpenAiStubServer.Reply.text("It is sunny in Rome."));
		String answer = agent().chat("conv-chat", "Weather in Rome?");
		assertThat(answer).contains("sunny in Rome");
		List<Span> spans = await((all) -> toolSpan(all, "conv-chat") != null && clientSpan(all, "conv-chat") != null
				&& byId(all, clientSpan(all, "conv-chat").getParentSpanId()) != null);
		Span clientSpan = clientSpan(spans, "conv-chat");
		Span springAiTool = byId(spans, clientSpan.getParentSpanId());
		GenAiSpanAssert.assertThat(springAiTool)
			.hasName("execute_tool get_forecast")
			.hasAttribute(GenAiAttributes.OPERATION_NAME, "execute_tool");
		GenAiSpanAssert.assertThat(clientSpan)
			.isChildOf(springAiTool)
			.hasAttribute(GenAiAttributes.TOOL_NAME, "get_forecast")
			.doesNotHaveAttributes("gen_ai.operation.name");
		GenAiSpanAssert.assertThat(serverSpan(spans, "conv-chat")).isChildOf(clientSpan);
		assertThat(spans.stream()
			.filter((span) -> "execute_tool".equals(OtlpTestReceiver.attribute(span, "gen_ai.operation.name"))
					&& "conv-chat".equals(OtlpTestReceiver.attribute(span, "gen_ai.conversation.id"))
					&& span.getKind() != Span.SpanKind.SPAN_KIND_SERVER)
			.toList()).hasSize(2); // the client's tool span and the server's, one per side
	}

	@Test
	void recordsClientAndServerOperationDurations() {
		agent().forecast("conv-metrics", weather(), "Paris");
		await((all) -> serverSpan(all, "conv-metrics") != null);
		assertThat(client.getBean(MeterRegistry.class)
			.find(McpAttributes.CLIENT_OPERATION_DURATION)
			.tag("mcp.method.name", "tools/call")
			.tag("gen_ai.tool.name", "get_forecast")
			.tag("server.address", "127.0.0.1")
			.summary()).isNotNull();
		assertThat(server.getBean(MeterRegistry.class)
			.find(McpAttributes.SERVER_OPERATION_DURATION)
			.tag("mcp.method.name", "tools/call")
			.tag("network.transport", "tcp")
			.summary()
			.count()).isPositive();
	}

	private static McpSyncClient weather() {
		return mcpClient("weather");
	}

	private static McpSyncClient content() {
		return mcpClient("weather-content");
	}

	@SuppressWarnings("unchecked")
	private static McpSyncClient mcpClient(String serverName) {
		List<McpSyncClient> clients = client.getBean("mcpSyncClients", List.class);
		return clients.stream()
			.filter((candidate) -> serverName.equals(candidate.getServerInfo().name()))
			.findFirst()
			.orElseThrow();
	}

	private static Agent agent() {
		return client.getBean(Agent.class);
	}

	private static List<Span> await(Predicate<List<Span>> condition) {
		return receiver.awaitSpans(condition, Duration.ofSeconds(10));
	}

	private static String attribute(Span span, io.opentelemetry.api.common.AttributeKey<String> key) {
		return (String) OtlpTestReceiver.attribute(span, key.getKey());
	}

	private static Span clientSpan(List<Span> spans, String conversationId) {
		return named(spans, "tools/call get_forecast", conversationId, SpanKind.CLIENT);
	}

	private static Span serverSpan(List<Span> spans, String conversationId) {
		return named(spans, "tools/call get_forecast", conversationId, SpanKind.SERVER);
	}

	private static Span toolSpan(List<Span> spans, String conversationId) {
		Span server = serverSpan(spans, conversationId);
		if (server == null) {
			return null;
		}
		return spans.stream()
			.filter((span) -> span.getName().equals("execute_tool get_forecast")
					&& span.getParentSpanId().equals(server.getSpanId()))
			.findFirst()
			.orElse(null);
	}

	private static Span named(List<Span> spans, String name, String conversationId) {
		return spans.stream()
			.filter((span) -> span.getName().equals(name)
					&& conversationId.equals(OtlpTestReceiver.attribute(span, "gen_ai.conversation.id")))
			.findFirst()
			.orElse(null);
	}

	private static Span named(List<Span> spans, String name, String conversationId, SpanKind kind) {
		return ExportedMcpSpans.find(spans, name, kind, conversationId);
	}

	private static Span byId(List<Span> spans, com.google.protobuf.ByteString spanId) {
		return spans.stream().filter((span) -> span.getSpanId().equals(spanId)).findFirst().orElse(null);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class ServerApp {

		@Bean
		WeatherTools weatherTools() {
			return new WeatherTools();
		}

		@Bean
		ToolCallbackProvider weatherToolCallbacks(WeatherTools tools) {
			return MethodToolCallbackProvider.builder().toolObjects(tools).build();
		}

		@Bean
		List<McpServerFeatures.SyncToolSpecification> metaEchoTools() {
			McpSchema.Tool tool = McpSchema.Tool.builder()
				.name("echo_meta")
				.description("Echoes the request's _meta")
				.inputSchema(Map.of("type", "object"))
				.build();
			return List.of(McpServerFeatures.SyncToolSpecification.builder()
				.tool(tool)
				.callHandler((exchange, request) -> McpSchema.CallToolResult.builder()
					.addTextContent(String.valueOf(new java.util.TreeMap<>(request.meta())))
					.build())
				.build());
		}

	}

	static class WeatherTools {

		@Tool(name = "get_forecast", description = "Forecast for a city")
		String getForecast(String city) {
			return "It is sunny in " + city + ".";
		}

		@Tool(name = "broken_tool", description = "Always fails")
		String broken() {
			throw new IllegalStateException("broken");
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class ClientApp {

		@Bean
		Agent agent(ChatClient.Builder chatClient, List<McpSyncClient> mcpSyncClients) {
			return new Agent(chatClient
				.defaultToolCallbacks(SyncMcpToolCallbackProvider.builder()
					.mcpClients(mcpSyncClients.stream()
						.filter((candidate) -> "weather".equals(candidate.getServerInfo().name()))
						.toList())
					.build())
				.build());
		}

	}

	static class Agent {

		private final ChatClient chatClient;

		Agent(ChatClient chatClient) {
			this.chatClient = chatClient;
		}

		@AgentInvoke(name = "front")
		public String forecast(@ConversationId String conversationId, McpSyncClient client, String city) {
			McpSchema.CallToolResult result = client
				.callTool(new McpSchema.CallToolRequest("get_forecast", Map.of("city", city)));
			return ((McpSchema.TextContent) result.content().get(0)).text();
		}

		@AgentInvoke(name = "front")
		public McpSchema.CallToolResult call(@ConversationId String conversationId, McpSyncClient client, String tool,
				Map<String, Object> arguments) {
			return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
		}

		@AgentInvoke(name = "front")
		public McpSchema.CallToolResult callWithMeta(@ConversationId String conversationId, McpSyncClient client,
				Map<String, Object> meta) {
			return client.callTool(new McpSchema.CallToolRequest("echo_meta", Map.of(), meta));
		}

		public ChatClient chatClient() {
			return this.chatClient;
		}

		@AgentInvoke(name = "front")
		public String chat(@ConversationId String conversationId, String question) {
			return this.chatClient.prompt(question).call().content();
		}

	}

}
