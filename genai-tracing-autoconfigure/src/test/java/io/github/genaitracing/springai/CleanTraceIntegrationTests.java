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

package io.github.genaitracing.springai;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.google.protobuf.ByteString;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.proto.trace.v1.Span;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.genaitracing.annotation.AgentInvoke;
import io.github.genaitracing.annotation.ConversationId;
import io.github.genaitracing.context.ConversationIdMdc;
import io.github.genaitracing.metrics.GenAiAgentMetrics;
import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.test.OpenAiStubServer;
import io.github.genaitracing.test.OpenAiStubServer.Reply;
import io.github.genaitracing.test.OtlpTestReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user sees of a servlet agent application in the trace by default: a ChatClient
 * call with tools inside an agent is agent, chat, tool, chat with no framework span
 * between; actuator and agent card requests make no spans but keep their HTTP metrics;
 * log lines inside the agent carry its conversation id. With the properties that keep
 * them, the framework and infrastructure spans come back.
 */
@ExtendWith(OutputCaptureExtension.class)
class CleanTraceIntegrationTests {

	private static OtlpTestReceiver receiver;

	private static OpenAiStubServer model;

	private static ConfigurableApplicationContext clean;

	private static ConfigurableApplicationContext kept;

	@BeforeAll
	static void start() {
		receiver = OtlpTestReceiver.start();
		model = OpenAiStubServer.start();
		clean = run();
		kept = run("genai.tracing.spring-ai.framework-spans=true", "genai.tracing.infrastructure-spans=true");
	}

	@AfterAll
	static void stop() {
		clean.close();
		kept.close();
		receiver.close();
		model.close();
	}

	@BeforeEach
	void reset() {
		receiver.clear();
		model.reset();
	}

	private static ConfigurableApplicationContext run(String... properties) {
		return new SpringApplicationBuilder(App.class)
			.properties("server.port=0", "spring.application.name=clean-trace",
					"management.endpoints.web.exposure.include=health,prometheus,genaitracing",
					"management.opentelemetry.tracing.export.otlp.endpoint=" + receiver.tracesEndpoint(),
					"management.tracing.sampling.probability=1.0",
					"management.opentelemetry.tracing.export.schedule-delay=50ms",
					"management.otlp.metrics.export.enabled=false",
					"logging.pattern.correlation=[conv=%X{" + ConversationIdMdc.KEY + ":-}] ",
					"spring.ai.openai.base-url=" + model.baseUrl(), "spring.ai.openai.api-key=test-key",
					"spring.ai.openai.chat.options.model=gpt-4o-mini", "genai.tracing.metrics.agents=true")
			.properties(properties)
			.run();
	}

	@Test
	void showsAgentChatToolChatWithNothingBetween() {
		model.enqueue(Reply.toolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"), Reply.text("Rainy in Paris"));
		assertThat(clean.getBean(Planner.class).plan("conv-tree", "Weather in Paris?")).isEqualTo("Rainy in Paris");
		List<Span> spans = awaitAgentTree("conv-tree");
		Span agent = agentOf(spans, "conv-tree");
		List<Span> trace = spans.stream().filter((span) -> span.getTraceId().equals(agent.getTraceId())).toList();
		// the HTTP client calls to the model stay, as children of their chat span
		List<Span> genAi = trace.stream().filter((span) -> !span.getName().equals("POST")).toList();
		assertThat(genAi).extracting(Span::getName)
			.containsExactlyInAnyOrder("invoke_agent planner", "chat gpt-4o-mini", "execute_tool get_weather",
					"chat gpt-4o-mini");
		Map<ByteString, Span> byId = trace.stream().collect(Collectors.toMap(Span::getSpanId, Function.identity()));
		assertThat(trace).filteredOn((span) -> span != agent)
			.allSatisfy((span) -> assertThat(byId.get(span.getParentSpanId())).as("parent of %s", span.getName())
				.isNotNull()
				.satisfies((parent) -> assertThat(parent.getName()).matches("invoke_agent.*|chat.*")));
		assertThat(trace).filteredOn((span) -> span.getName().equals("POST"))
			.isNotEmpty()
			.allSatisfy((http) -> assertThat(byId.get(http.getParentSpanId()).getName()).startsWith("chat "));
		assertThat(trace).filteredOn((span) -> span.getName().startsWith("chat"))
			.allSatisfy((chat) -> assertThat(chat.getParentSpanId()).isEqualTo(agent.getSpanId()));
		assertThat(trace).allSatisfy((span) -> assertThat(
				OtlpTestReceiver.attribute(span, GenAiAttributes.SYSTEM_DEPRECATED.getKey())).isNull());
	}

	@Test
	void recordsAgentDurationCallsPerInvocationAndToolDuration() {
		MeterRegistry registry = clean.getBean(MeterRegistry.class);
		double inferencesBefore = total(registry, GenAiAgentMetrics.INVOKE_AGENT_INFERENCE_CALLS, "gen_ai.agent.name",
				"planner");
		double toolsBefore = total(registry, GenAiAgentMetrics.INVOKE_AGENT_TOOL_CALLS, "gen_ai.agent.name", "planner");
		long agentsBefore = count(registry, GenAiAgentMetrics.INVOKE_AGENT_DURATION, "gen_ai.agent.name", "planner");
		long toolRunsBefore = count(registry, GenAiAgentMetrics.EXECUTE_TOOL_DURATION, "gen_ai.tool.name",
				"get_weather");
		model.enqueue(Reply.toolCall("call_1", "get_weather", "{\"city\":\"Rome\"}"), Reply.text("Rainy in Rome"));
		clean.getBean(Planner.class).plan("conv-metrics", "Weather in Rome?");
		assertThat(count(registry, GenAiAgentMetrics.INVOKE_AGENT_DURATION, "gen_ai.agent.name", "planner"))
			.isEqualTo(agentsBefore + 1);
		assertThat(total(registry, GenAiAgentMetrics.INVOKE_AGENT_INFERENCE_CALLS, "gen_ai.agent.name", "planner"))
			.isEqualTo(inferencesBefore + 2);
		assertThat(total(registry, GenAiAgentMetrics.INVOKE_AGENT_TOOL_CALLS, "gen_ai.agent.name", "planner"))
			.isEqualTo(toolsBefore + 1);
		assertThat(count(registry, GenAiAgentMetrics.EXECUTE_TOOL_DURATION, "gen_ai.tool.name", "get_weather"))
			.isEqualTo(toolRunsBefore + 1);
		assertThat(registry.find(GenAiAgentMetrics.INVOKE_AGENT_DURATION).summaries())
			.allSatisfy((summary) -> assertThat(summary.getId().getTags()).extracting(
					io.micrometer.core.instrument.Tag::getKey)
				.containsExactlyInAnyOrder("gen_ai.operation.name", "gen_ai.agent.name", "error.type"));
	}

	private static double total(MeterRegistry registry, String name, String key, String value) {
		io.micrometer.core.instrument.DistributionSummary summary = registry.find(name).tag(key, value).summary();
		return (summary != null) ? summary.totalAmount() : 0;
	}

	private static long count(MeterRegistry registry, String name, String key, String value) {
		return registry.find(name).tag(key, value).summaries().stream().mapToLong((s) -> s.count()).sum();
	}

	@Test
	void keepsSpringAiFrameworkSpansWithoutTheDeprecatedSystemWhenAsked() {
		model.enqueue(Reply.text("Sunny"));
		kept.getBean(Planner.class).plan("conv-kept", "Weather?");
		List<Span> spans = receiver.awaitSpans((received) -> received.stream()
			.anyMatch((framework) -> framework.getName().contains("chat_client") && received.stream()
					.anyMatch((agent) -> agent.getName().startsWith("invoke_agent")
							&& agent.getTraceId().equals(framework.getTraceId()))),
				Duration.ofSeconds(10));
		Span framework = spans.stream().filter((span) -> span.getName().contains("chat_client")).findFirst().orElseThrow();
		// the spans of this trace only: a late export of another test's call may be there too
		List<Span> trace = spans.stream().filter((span) -> span.getTraceId().equals(framework.getTraceId())).toList();
		Span chat = trace.stream().filter((span) -> span.getName().startsWith("chat ")).findFirst().orElseThrow();
		Span agent = only(trace, "invoke_agent planner");
		assertThat(framework.getParentSpanId()).isEqualTo(agent.getSpanId());
		assertThat(chat.getParentSpanId()).isNotEqualTo(agent.getSpanId());
		assertThat(OtlpTestReceiver.attribute(framework, GenAiAttributes.SYSTEM_DEPRECATED.getKey())).isNull();
	}

	@Test
	void actuatorAndAgentCardRequestsMakeNoSpansButKeepTheirHttpMetrics() throws Exception {
		assertThat(get(clean, "/actuator/prometheus")).isEqualTo(200);
		assertThat(get(clean, "/actuator/genaitracing")).isEqualTo(200);
		get(clean, "/actuator/health");
		get(clean, "/.well-known/agent-card.json");
		get(clean, "/marker");
		List<Span> spans = receiver.awaitSpans((received) -> received.stream().anyMatch(
				(span) -> String.valueOf(OtlpTestReceiver.attribute(span, "http.url")).endsWith("/marker")),
				Duration.ofSeconds(10));
		assertThat(spans).extracting((span) -> String.valueOf(OtlpTestReceiver.attribute(span, "http.url")))
			.noneMatch((url) -> url.contains("/actuator"))
			.noneMatch((url) -> url.contains("/.well-known"));
		// Spring Boot records the meters once a request's observation stops, after its response
		MeterRegistry registry = clean.getBean(MeterRegistry.class);
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while ((registry.find("http.server.requests").tag("uri", "/actuator/prometheus").timer() == null
				|| registry.find("http.server.requests").tag("uri", "/actuator/genaitracing").timer() == null)
				&& System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(registry.find("http.server.requests").tag("uri", "/actuator/prometheus").timer()).isNotNull();
		assertThat(registry.find("http.server.requests").tag("uri", "/actuator/genaitracing").timer()).isNotNull();
	}

	@Test
	void keepsActuatorSpansWhenAsked() throws Exception {
		get(kept, "/actuator/prometheus");
		receiver.awaitSpans((received) -> received.stream().anyMatch(
				(span) -> String.valueOf(OtlpTestReceiver.attribute(span, "http.url")).endsWith("/actuator/prometheus")),
				Duration.ofSeconds(10));
	}

	@Test
	void logLinesInsideAnAgentCarryItsConversationId(CapturedOutput output) {
		model.enqueue(Reply.text("Cloudy"));
		clean.getBean(Planner.class).plan("conv-logged", "Weather?");
		Planner.logger.info("outside any agent");
		assertThat(output.getOut().lines().filter((line) -> line.contains("planning for")))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("[conv=conv-logged]");
		assertThat(output.getOut().lines().filter((line) -> line.contains("outside any agent")))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("[conv=]");
	}

	private static List<Span> awaitAgentTree(String conversationId) {
		return receiver.awaitSpans((received) -> {
			Span agent = received.stream()
				.filter((span) -> conversationId.equals(OtlpTestReceiver.attribute(span, "gen_ai.conversation.id"))
						&& span.getName().startsWith("invoke_agent"))
				.findFirst()
				.orElse(null);
			if (agent == null) {
				return false;
			}
			List<Span> trace = received.stream().filter((span) -> span.getTraceId().equals(agent.getTraceId())).toList();
			return trace.stream().filter((span) -> span.getName().startsWith("chat ")).count() >= 2
					&& trace.stream().anyMatch((span) -> span.getName().startsWith("execute_tool"));
		}, Duration.ofSeconds(10));
	}

	private static Span agentOf(List<Span> spans, String conversationId) {
		return spans.stream()
			.filter((span) -> conversationId.equals(OtlpTestReceiver.attribute(span, "gen_ai.conversation.id"))
					&& span.getName().startsWith("invoke_agent"))
			.findFirst()
			.orElseThrow();
	}

	private static Span only(List<Span> spans, String name) {
		return spans.stream().filter((span) -> span.getName().equals(name)).findFirst().orElseThrow();
	}

	private static int get(ConfigurableApplicationContext context, String path) throws Exception {
		String port = context.getEnvironment().getProperty("local.server.port");
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@Bean
		WeatherTools weatherTools() {
			return new WeatherTools();
		}

		@Bean
		Planner planner(ChatClient.Builder chatClient, WeatherTools tools) {
			return new Planner(chatClient.build(), tools);
		}

		@Bean
		Marker marker() {
			return new Marker();
		}

	}

	@RestController
	static class Marker {

		@GetMapping("/marker")
		String marker() {
			return "ok";
		}

	}

	public static class WeatherTools {

		@org.springframework.ai.tool.annotation.Tool(name = "get_weather", description = "Current weather")
		@io.github.genaitracing.annotation.ToolCall(name = "get_weather")
		public String weather(String city) {
			return "rainy in " + city;
		}

	}

	@AgentInvoke(name = "planner")
	static class Planner {

		static final Log logger = LogFactory.getLog(Planner.class);

		private final ChatClient chatClient;

		private final Object tools;

		Planner(ChatClient chatClient, Object tools) {
			this.chatClient = chatClient;
			this.tools = tools;
		}

		public String plan(@ConversationId String conversationId, String question) {
			logger.info("planning for " + question);
			return this.chatClient.prompt(question).tools(this.tools).call().content();
		}

	}

}
