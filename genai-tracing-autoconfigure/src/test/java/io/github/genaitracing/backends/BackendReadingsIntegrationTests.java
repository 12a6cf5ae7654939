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

package io.github.genaitracing.backends;

import java.time.Duration;
import java.util.List;

import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.genaitracing.annotation.AgentInvoke;
import io.github.genaitracing.annotation.ConversationId;
import io.github.genaitracing.test.OpenAiStubServer;
import io.github.genaitracing.test.OpenAiStubServer.Reply;
import io.github.genaitracing.test.OtlpTestReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spans of an agent calling a model with a tool through Spring AI's real OpenAI
 * client, exported with the default vocabularies and content capture on, read as each
 * backend reads them ({@link BackendRules}): every backend finds the right type, the
 * input and output, the session, the tokens and the model of every span.
 */
class BackendReadingsIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static OtlpTestReceiver receiver;

	private static OpenAiStubServer model;

	private static Span agent;

	private static List<Span> chats;

	private static Span tool;

	@BeforeAll
	static void runTheAgent() {
		receiver = OtlpTestReceiver.start();
		model = OpenAiStubServer.start();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
			.web(WebApplicationType.NONE)
			.properties("spring.application.name=backends",
					"management.opentelemetry.tracing.export.otlp.endpoint=" + receiver.tracesEndpoint(),
					"management.tracing.sampling.probability=1.0",
					"management.opentelemetry.tracing.export.schedule-delay=50ms",
					"management.otlp.metrics.export.enabled=false", "genai.tracing.capture-content=span",
					"spring.ai.openai.base-url=" + model.baseUrl(), "spring.ai.openai.api-key=test-key",
					"spring.ai.openai.chat.options.model=gpt-4o-mini")
			.run()) {
			model.enqueue(Reply.toolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"),
					Reply.text("Rainy in Paris"));
			context.getBean(Planner.class).plan("conv-backends", "Weather in Paris?");
			List<Span> spans = receiver.awaitSpans((received) -> received.stream()
				.filter((span) -> span.getName().startsWith("chat "))
				.count() >= 2 && received.stream().anyMatch((span) -> span.getName().startsWith("invoke_agent")),
					Duration.ofSeconds(10));
			agent = spans.stream().filter((span) -> span.getName().startsWith("invoke_agent")).findFirst().orElseThrow();
			// in the order the calls were made (the export batches may arrive in another order)
			chats = spans.stream()
				.filter((span) -> span.getName().startsWith("chat "))
				.sorted(java.util.Comparator.comparingLong(Span::getStartTimeUnixNano))
				.toList();
			tool = spans.stream().filter((span) -> span.getName().startsWith("execute_tool")).findFirst().orElseThrow();
		}
	}

	@AfterAll
	static void stop() {
		receiver.close();
		model.close();
	}

	@Test
	void everyBackendTypesTheAgentChatAndToolSpans() {
		assertThat(types(BackendRules.LANGFUSE)).containsExactly("AGENT", "GENERATION", "TOOL");
		assertThat(types(BackendRules.MLFLOW)).containsExactly("AGENT", "CHAT_MODEL", "TOOL");
		assertThat(types(BackendRules.PHOENIX)).containsExactly("AGENT", "LLM", "TOOL");
		assertThat(types(BackendRules.JAEGER_TEMPO)).containsExactly("invoke_agent", "chat", "execute_tool");
	}

	@Test
	void everyBackendShowsTheChatMessagesAsValidJsonWithTheUserText() {
		for (BackendRules backend : BackendRules.values()) {
			BackendRules.Reading chat = backend.read(chats.get(0));
			assertThat(chat.input()).as("%s input", backend).isInstanceOf(String.class);
			JsonNode input = JSON.readTree((String) chat.input());
			assertThat(input.toString()).as("%s input", backend).contains("Weather in Paris?");
			assertThat(chat.output()).as("%s output", backend).isNotNull();
			assertThat(backend.read(chats.get(1)).output().toString()).as("%s output", backend)
				.contains("Rainy in Paris");
		}
	}

	@Test
	void everyBackendShowsTheToolArgumentsAndResult() {
		for (BackendRules backend : BackendRules.values()) {
			BackendRules.Reading reading = backend.read(tool);
			assertThat(String.valueOf(reading.input())).as("%s tool input", backend).contains("Paris");
			assertThat(String.valueOf(reading.output())).as("%s tool output", backend).contains("rainy in Paris");
		}
	}

	@Test
	void everyBackendFindsTheSessionTokensAndModel() {
		for (BackendRules backend : BackendRules.values()) {
			assertThat(backend.read(agent).session()).as("%s session", backend).isEqualTo("conv-backends");
			BackendRules.Reading chat = backend.read(chats.get(0));
			assertThat(chat.session()).as("%s chat session", backend).isEqualTo("conv-backends");
			// the stub's reported usage, as the chat span carries it
			assertThat(chat.inputTokens()).as("%s input tokens", backend)
				.isEqualTo(OtlpTestReceiver.attribute(chats.get(0), "gen_ai.usage.input_tokens"))
				.isInstanceOf(Long.class);
			assertThat(chat.outputTokens()).as("%s output tokens", backend)
				.isEqualTo(OtlpTestReceiver.attribute(chats.get(0), "gen_ai.usage.output_tokens"))
				.isInstanceOf(Long.class);
			assertThat(String.valueOf(chat.model())).as("%s model", backend).startsWith("gpt-4o-mini");
		}
	}

	@Test
	void langfuseAndMlflowShowTheMlflowInputWhichCarriesTheSameMessagesAsTheConventions() {
		Span chat = chats.get(0);
		assertThat(BackendRules.LANGFUSE.inputKey(chat)).isEqualTo("mlflow.spanInputs");
		assertThat(BackendRules.MLFLOW.inputKey(chat)).isEqualTo("mlflow.spanInputs");
		assertThat(BackendRules.PHOENIX.inputKey(chat)).isEqualTo("input.value");
		assertThat(JSON.readTree((String) OtlpTestReceiver.attribute(chat, "mlflow.spanInputs")))
			.isEqualTo(JSON.readTree((String) OtlpTestReceiver.attribute(chat, "gen_ai.input.messages")));
	}

	private static List<String> types(BackendRules backend) {
		return List.of(backend.read(agent).type(), backend.read(chats.get(0)).type(), backend.read(tool).type());
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

		private final ChatClient chatClient;

		private final Object tools;

		Planner(ChatClient chatClient, Object tools) {
			this.chatClient = chatClient;
			this.tools = tools;
		}

		public String plan(@ConversationId String conversationId, String question) {
			return this.chatClient.prompt(question).tools(this.tools).call().content();
		}

	}

}
