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

import java.time.Duration;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.genaitracing.fixture.WeatherAgentApp;
import io.github.genaitracing.fixture.WeatherAgentApp.WeatherAgent;
import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.semconv.OpenInferenceAttributes;
import io.github.genaitracing.test.GenAiSpanAssert;
import io.github.genaitracing.test.GenAiTracingTest;
import io.github.genaitracing.test.OpenAiStubServer;
import io.github.genaitracing.test.OtlpTestReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end: Spring AI's real OpenAI chat model against a loopback OpenAI-compatible
 * stub, exported through Boot's real OTLP exporter.
 */
@GenAiTracingTest
class SpringAiChatIntegrationTests {

	private static OtlpTestReceiver receiver;

	private static OpenAiStubServer model;

	@BeforeAll
	static void start(OtlpTestReceiver shared) {
		receiver = shared;
		model = OpenAiStubServer.start();
	}

	@AfterAll
	static void stop() {
		model.close();
	}

	private ConfigurableApplicationContext run(String... properties) {
		receiver.clear();
		model.reset();
		return new SpringApplicationBuilder(WeatherAgentApp.class).web(WebApplicationType.NONE)
			.properties(receiver.exportProperties())
			.properties("spring.ai.openai.base-url=" + model.baseUrl(), "spring.ai.openai.api-key=test-key",
					"spring.ai.openai.chat.options.model=gpt-4o-mini",
					"spring.ai.openai.chat.options.temperature=0.3")
			.properties(properties)
			.run();
	}

	@Test
	void makesOneClientChatSpanWithTypedUsageAndNoContent() {
		try (ConfigurableApplicationContext context = run()) {
			ChatResponse response = context.getBean(ChatModel.class).call(new Prompt("Weather in Paris?"));
			assertThat(response.getResult().getOutput().getText()).isEqualTo("ok");
			List<Span> spans = receiver.awaitSpans((received) -> received.stream()
				.anyMatch((span) -> span.getName().startsWith("chat")), Duration.ofSeconds(10));
			List<Span> chatSpans = spans.stream().filter((span) -> span.getName().startsWith("chat")).toList();
			assertThat(chatSpans).hasSize(1);
			GenAiSpanAssert.assertThat(chatSpans.get(0))
				.hasName("chat gpt-4o-mini")
				.hasKind(SpanKind.CLIENT)
				.hasAttribute(GenAiAttributes.OPERATION_NAME, "chat")
				.hasAttribute(GenAiAttributes.PROVIDER_NAME, "openai")
				.hasAttribute(GenAiAttributes.REQUEST_MODEL, "gpt-4o-mini")
				.hasAttribute(GenAiAttributes.REQUEST_TEMPERATURE, 0.3)
				.hasAttribute(GenAiAttributes.RESPONSE_MODEL, "gpt-4o-mini-2024-07-18")
				.hasAttribute(GenAiAttributes.RESPONSE_FINISH_REASONS, List.of("stop"))
				.hasAttribute(GenAiAttributes.USAGE_INPUT_TOKENS, 22L)
				.hasAttribute(GenAiAttributes.USAGE_OUTPUT_TOKENS, 9L)
				.hasAttribute(GenAiAttributes.SERVER_ADDRESS, "127.0.0.1")
				.hasAttribute(GenAiAttributes.SERVER_PORT, (long) model.port())
				.hasAttribute(OpenInferenceAttributes.SPAN_KIND, "LLM")
				.doesNotHaveAttributes("gen_ai.system", "gen_ai.input.messages", "gen_ai.output.messages",
						"input.value", "output.value");
		}
	}

	@Test
	void recordsTheServerEachCallWentToNotTheConfiguredBaseUrl() {
		try (OpenAiStubServer other = OpenAiStubServer.start(); ConfigurableApplicationContext context = run()) {
			assertThat(other.port()).isNotEqualTo(model.port());
			OpenAiChatModel handBuilt = OpenAiChatModel.builder()
				.options(OpenAiChatOptions.builder()
					.baseUrl(other.baseUrl())
					.apiKey("test-key")
					.model("gpt-4o-mini")
					.build())
				.observationRegistry(context.getBean(ObservationRegistry.class))
				.build();
			handBuilt.call(new Prompt("Weather in Paris?"));
			List<Span> chats = receiver.awaitSpans((received) -> received.stream()
				.anyMatch((span) -> span.getName().startsWith("chat")), Duration.ofSeconds(10))
				.stream()
				.filter((span) -> span.getName().startsWith("chat"))
				.toList();
			assertThat(chats).hasSize(1);
			assertThat(other.requests()).hasSize(1);
			assertThat(model.requests()).isEmpty();
			// the endpoint of the call's HTTP request, not spring.ai.openai.base-url
			GenAiSpanAssert.assertThat(chats.get(0))
				.hasAttribute(GenAiAttributes.PROVIDER_NAME, "openai")
				.hasAttribute(GenAiAttributes.SERVER_ADDRESS, "127.0.0.1")
				.hasAttribute(GenAiAttributes.SERVER_PORT, (long) other.port());
		}
	}

	@Test
	void recordsSeedOutputTypeAndReasoningTokensOfAnOpenAiCall() {
		try (ConfigurableApplicationContext context = run()) {
			model.enqueue(OpenAiStubServer.Reply.text("{\"forecast\":\"rain\"}").withUsage(40, 25, 0, 16));
			OpenAiChatOptions options = OpenAiChatOptions.builder()
				.model("gpt-4o-mini")
				.seed(42)
				.responseFormat(OpenAiChatModel.ResponseFormat.builder()
					.type(OpenAiChatModel.ResponseFormat.Type.JSON_OBJECT)
					.build())
				.build();
			context.getBean(ChatModel.class).call(new Prompt("Forecast as JSON", options));
			assertThat(model.requests().get(0).body()).contains("\"seed\":42").contains("json_object");
			Span chat = receiver.awaitSpans((received) -> received.stream()
				.anyMatch((span) -> span.getName().startsWith("chat")), Duration.ofSeconds(10))
				.stream()
				.filter((span) -> span.getName().startsWith("chat"))
				.findFirst()
				.orElseThrow();
			GenAiSpanAssert.assertThat(chat)
				.hasAttribute(GenAiAttributes.REQUEST_SEED, 42L)
				.hasAttribute(GenAiAttributes.OUTPUT_TYPE, "json")
				.hasAttribute(GenAiAttributes.USAGE_OUTPUT_TOKENS, 25L)
				.hasAttribute(GenAiAttributes.USAGE_REASONING_OUTPUT_TOKENS, 16L)
				.hasAttribute(OpenInferenceAttributes.LLM_TOKEN_COUNT_COMPLETION_REASONING, 16L)
				.hasAttributeSatisfying(OpenInferenceAttributes.LLM_INVOCATION_PARAMETERS,
						(json) -> assertThat(json).contains("\"seed\":42"));
		}
	}

	@Test
	void recordsNoSeedOutputTypeOrReasoningTokensWhenTheCallHasNone() {
		try (ConfigurableApplicationContext context = run()) {
			context.getBean(ChatModel.class).call(new Prompt("Weather in Paris?"));
			Span chat = receiver.awaitSpans((received) -> received.stream()
				.anyMatch((span) -> span.getName().startsWith("chat")), Duration.ofSeconds(10))
				.stream()
				.filter((span) -> span.getName().startsWith("chat"))
				.findFirst()
				.orElseThrow();
			GenAiSpanAssert.assertThat(chat).doesNotHaveAttributes("gen_ai.request.seed", "gen_ai.output.type",
					"gen_ai.usage.reasoning.output_tokens", "gen_ai.request.choice.count");
		}
	}

	@Test
	void recordsMessagesWhenCaptureIsOn() {
		try (ConfigurableApplicationContext context = run("genai.tracing.capture-content=span")) {
			context.getBean(ChatModel.class).call(new Prompt("Weather in Paris?"));
			Span chat = receiver.awaitSpans((received) -> received.stream()
				.anyMatch((span) -> span.getName().startsWith("chat")), Duration.ofSeconds(10))
				.stream()
				.filter((span) -> span.getName().startsWith("chat"))
				.findFirst()
				.orElseThrow();
			GenAiSpanAssert.assertThat(chat)
				.hasAttributeSatisfying(GenAiAttributes.INPUT_MESSAGES,
						(json) -> assertThat(json).contains("\"role\":\"user\"").contains("Weather in Paris?"))
				.hasAttributeSatisfying(GenAiAttributes.OUTPUT_MESSAGES,
						(json) -> assertThat(json).contains("\"finish_reason\":\"stop\"").contains("\"ok\""));
		}
	}

	@Test
	void nestsChatUnderTheAgentWithItsConversationId() {
		try (ConfigurableApplicationContext context = run()) {
			context.getBean(WeatherAgent.class).ask("conv-7", "Hello");
			List<Span> spans = receiver.awaitSpans((received) -> received.stream()
				.anyMatch((span) -> span.getName().startsWith("invoke_agent"))
					&& received.stream().anyMatch((span) -> span.getName().startsWith("chat")),
					Duration.ofSeconds(10));
			Span agent = spans.stream().filter((span) -> span.getName().startsWith("invoke_agent")).findFirst().orElseThrow();
			Span chat = spans.stream().filter((span) -> span.getName().startsWith("chat")).findFirst().orElseThrow();
			GenAiSpanAssert.assertThat(chat).isChildOf(agent).hasAttribute(GenAiAttributes.CONVERSATION_ID, "conv-7");
			GenAiSpanAssert.assertThat(agent).hasAttribute(GenAiAttributes.PROVIDER_NAME, "openai");
			assertThat(model.requests().get(0).headers().get("traceparent")).contains(OtlpTestReceiver.hex(chat.getTraceId()));
		}
	}

	@Test
	void coversTheWholeStreamWithOneSpan() {
		try (ConfigurableApplicationContext context = run()) {
			model.enqueue(OpenAiStubServer.Reply.text("streamed answer"));
			String text = String.join("", context.getBean(ChatModel.class)
				.stream(new Prompt("Tell me"))
				.map((response) -> (response.getResult() != null && response.getResult().getOutput().getText() != null)
						? response.getResult().getOutput().getText() : "")
				.collectList()
				.block(Duration.ofSeconds(10)));
			assertThat(text).isEqualTo("streamed answer");
			List<Span> chatSpans = receiver.awaitSpans((received) -> received.stream()
				.anyMatch((span) -> span.getName().startsWith("chat")), Duration.ofSeconds(10))
				.stream()
				.filter((span) -> span.getName().startsWith("chat"))
				.toList();
			assertThat(chatSpans).hasSize(1);
			GenAiSpanAssert.assertThat(chatSpans.get(0))
				.hasKind(SpanKind.CLIENT)
				.hasAttribute(GenAiAttributes.REQUEST_STREAM, true)
				.hasAttribute(GenAiAttributes.RESPONSE_FINISH_REASONS, List.of("stop"))
				.hasAttribute(GenAiAttributes.SERVER_ADDRESS, "127.0.0.1")
				.hasAttribute(GenAiAttributes.SERVER_PORT, (long) model.port());
		}
	}

	@Test
	void endsTheStreamSpanWhenTheCallerCancelsAfterTheFirstChunk() {
		try (ConfigurableApplicationContext context = run()) {
			model.enqueue(OpenAiStubServer.Reply.text("a long streamed answer in many chunks"));
			context.getBean(ChatModel.class).stream(new Prompt("Tell me")).take(1).blockLast(Duration.ofSeconds(10));
			List<Span> chatSpans = receiver.awaitSpans((received) -> received.stream()
				.anyMatch((span) -> span.getName().startsWith("chat")), Duration.ofSeconds(10))
				.stream()
				.filter((span) -> span.getName().startsWith("chat"))
				.toList();
			assertThat(chatSpans).hasSize(1);
			assertThat(chatSpans.get(0).getEndTimeUnixNano()).isGreaterThan(chatSpans.get(0).getStartTimeUnixNano());
			GenAiSpanAssert.assertThat(chatSpans.get(0)).hasKind(SpanKind.CLIENT)
				.hasAttribute(GenAiAttributes.REQUEST_STREAM, true);
		}
	}

	@Test
	void recordsTheSystemMessageInTheHistoryToolDefinitionsAndToolMessagesWhenCaptureIsOn() {
		try (ConfigurableApplicationContext context = run("genai.tracing.capture-content=span")) {
			model.enqueue(OpenAiStubServer.Reply.toolCall("call_9", "get_weather", "{\"city\":\"Oslo\"}"),
					OpenAiStubServer.Reply.text("Snowy"));
			org.springframework.ai.chat.client.ChatClient.create(context.getBean(ChatModel.class))
				.prompt()
				.system("Answer in one word.")
				.user("Weather in Oslo?")
				.tools(context.getBean(WeatherAgentApp.WeatherTools.class))
				.call()
				.content();
			List<Span> chats = receiver.awaitSpans((received) -> received.stream()
				.filter((span) -> span.getName().startsWith("chat"))
				.count() >= 2, Duration.ofSeconds(10))
				.stream()
				.filter((span) -> span.getName().startsWith("chat"))
				.sorted(java.util.Comparator.comparingLong(Span::getStartTimeUnixNano))
				.toList();
			GenAiSpanAssert.assertThat(chats.get(0))
				// OpenAI takes the system message as part of the chat history: recorded there, once
				.hasAttributeSatisfying(GenAiAttributes.INPUT_MESSAGES, (json) -> assertThat(json).startsWith(
						"[{\"role\":\"system\",\"parts\":[{\"type\":\"text\",\"content\":\"Answer in one word.\"}]}"))
				.doesNotHaveAttributes("gen_ai.system_instructions")
				.hasAttributeSatisfying(GenAiAttributes.TOOL_DEFINITIONS, (json) -> assertThat(json)
					.startsWith("[{")
					.contains("\"name\":\"get_weather\"")
					.contains("\"description\":\"Current weather\"")
					.contains("\"city\""))
				.hasAttributeSatisfying(GenAiAttributes.OUTPUT_MESSAGES, (json) -> assertThat(json)
					.contains("\"type\":\"tool_call\"")
					.contains("\"id\":\"call_9\"")
					.contains("\"finish_reason\":\"tool_call\""));
			// OpenInference's OpenAI tool shape names the type once, outside the function
			assertThat((String) OtlpTestReceiver.attribute(chats.get(0), "llm.tools.0.tool.json_schema"))
				.startsWith("{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"")
				.containsOnlyOnce("\"type\":\"function\"");
			// the tool message (system, user, assistant, tool) has the tool's result text as
			// sent to the model, not that text JSON-quoted again
			assertThat(OtlpTestReceiver.attribute(chats.get(1), "llm.input_messages.3.message.role")).isEqualTo("tool");
			assertThat(OtlpTestReceiver.attribute(chats.get(1), "llm.input_messages.3.message.content"))
				.isEqualTo(tools.jackson.databind.json.JsonMapper.builder()
					.build()
					.readTree(model.requests().get(1).body())
					.path("messages")
					.path(3)
					.path("content")
					.asString());
			GenAiSpanAssert.assertThat(chats.get(1)).hasAttributeSatisfying(GenAiAttributes.INPUT_MESSAGES,
					(json) -> assertThat(json).contains("\"type\":\"tool_call_response\"")
						.contains("\"id\":\"call_9\"")
						.contains("Oslo")
						// input messages carry no finish reason: the input schema has none
						.doesNotContain("finish_reason"));
		}
	}

	@Test
	void recordsNoSystemInstructionsOrToolDefinitionsWhenCaptureIsOff() {
		try (ConfigurableApplicationContext context = run()) {
			model.enqueue(OpenAiStubServer.Reply.text("ok"));
			org.springframework.ai.chat.client.ChatClient.create(context.getBean(ChatModel.class))
				.prompt()
				.system("Secret system prompt")
				.user("Hi")
				.tools(context.getBean(WeatherAgentApp.WeatherTools.class))
				.call()
				.content();
			Span chat = receiver.awaitSpans((received) -> received.stream()
				.anyMatch((span) -> span.getName().startsWith("chat")), Duration.ofSeconds(10))
				.stream()
				.filter((span) -> span.getName().startsWith("chat"))
				.findFirst()
				.orElseThrow();
			GenAiSpanAssert.assertThat(chat).doesNotHaveAttributes("gen_ai.system_instructions",
					"gen_ai.tool.definitions", "gen_ai.input.messages", "llm.tools.0.tool.json_schema",
					"input.value", "mlflow.spanInputs");
		}
	}

	@Test
	void makesOneToolSpanForAToolCallingRoundTripOfAToolCallAnnotatedTool() {
		try (ConfigurableApplicationContext context = run("genai.tracing.capture-content=span")) {
			model.enqueue(OpenAiStubServer.Reply.toolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"),
					OpenAiStubServer.Reply.text("Rainy in Paris"));
			String answer = org.springframework.ai.chat.client.ChatClient.create(context.getBean(ChatModel.class))
				.prompt("Weather in Paris?")
				.tools(context.getBean(WeatherAgentApp.WeatherTools.class))
				.call()
				.content();
			assertThat(answer).isEqualTo("Rainy in Paris");
			List<Span> spans = receiver.awaitSpans((received) -> received.stream()
				.filter((span) -> span.getName().startsWith("chat"))
				.count() >= 2
					&& received.stream().anyMatch((span) -> span.getName().startsWith("execute_tool")),
					Duration.ofSeconds(10));
			List<Span> toolSpans = spans.stream().filter((span) -> span.getName().startsWith("execute_tool")).toList();
			assertThat(toolSpans).hasSize(1);
			GenAiSpanAssert.assertThat(toolSpans.get(0))
				.hasName("execute_tool get_weather")
				.hasKind(SpanKind.INTERNAL)
				.hasAttribute(GenAiAttributes.TOOL_NAME, "get_weather")
				.hasAttributeSatisfying(GenAiAttributes.TOOL_CALL_ARGUMENTS,
						(json) -> assertThat(json).contains("Paris"))
				.hasAttributeSatisfying(GenAiAttributes.TOOL_CALL_RESULT, (json) -> assertThat(json).contains("rainy"))
				.doesNotHaveAttributes("spring.ai.tool.definition.name");
		}
	}

	@Test
	void recordsOnSpringAiToolObservationSpanInsteadOfStartingASecond() {
		try (ConfigurableApplicationContext context = run("genai.tracing.capture-content=span")) {
			io.micrometer.observation.ObservationRegistry registry = context
				.getBean(io.micrometer.observation.ObservationRegistry.class);
			org.springframework.ai.tool.observation.ToolCallingObservationContext toolContext = org.springframework.ai.tool.observation.ToolCallingObservationContext
				.builder()
				.toolDefinition(org.springframework.ai.tool.definition.ToolDefinition.builder()
					.name("get_weather")
					.description("Current weather")
					.inputSchema("{}")
					.build())
				.toolCallId("call_9")
				.toolCallArguments("{\"city\":\"Oslo\"}")
				.build();
			WeatherAgentApp.WeatherTools tools = context.getBean(WeatherAgentApp.WeatherTools.class);
			io.micrometer.observation.Observation.createNotStarted("spring.ai.tool", () -> toolContext, registry)
				.observe(() -> tools.weather("Oslo"));
			List<Span> toolSpans = receiver.awaitSpans((received) -> received.stream()
				.anyMatch((span) -> span.getName().startsWith("execute_tool")), Duration.ofSeconds(10))
				.stream()
				.filter((span) -> span.getName().startsWith("execute_tool"))
				.toList();
			assertThat(toolSpans).hasSize(1);
			GenAiSpanAssert.assertThat(toolSpans.get(0))
				.hasAttribute(GenAiAttributes.TOOL_DESCRIPTION, "Current weather")
				.hasAttribute(GenAiAttributes.TOOL_CALL_ID, "call_9")
				.hasAttributeSatisfying(GenAiAttributes.TOOL_CALL_RESULT, (json) -> assertThat(json).contains("rainy in Oslo"))
				.doesNotHaveAttributes("spring.ai.tool.definition.name", "gen_ai.system");
		}
	}

	@Test
	void makesAnEmbeddingsClientSpanWithDimensionsAndInputTokens() {
		try (ConfigurableApplicationContext context = run("spring.ai.openai.embedding.options.model=text-embedding-3-small")) {
			float[] vector = context.getBean(org.springframework.ai.embedding.EmbeddingModel.class).embed("hello");
			assertThat(vector).hasSize(8);
			Span span = receiver.awaitSpans((received) -> received.stream()
				.anyMatch((candidate) -> candidate.getName().startsWith("embeddings")), Duration.ofSeconds(10))
				.stream()
				.filter((candidate) -> candidate.getName().startsWith("embeddings"))
				.findFirst()
				.orElseThrow();
			GenAiSpanAssert.assertThat(span)
				.hasName("embeddings text-embedding-3-small")
				.hasKind(SpanKind.CLIENT)
				.hasAttribute(GenAiAttributes.OPERATION_NAME, "embeddings")
				.hasAttribute(GenAiAttributes.PROVIDER_NAME, "openai")
				.hasAttribute(GenAiAttributes.EMBEDDINGS_DIMENSION_COUNT, 8L)
				.hasAttribute(GenAiAttributes.USAGE_INPUT_TOKENS, 5L)
				.hasAttribute(OpenInferenceAttributes.SPAN_KIND, "EMBEDDING")
				.hasAttribute(OpenInferenceAttributes.EMBEDDING_MODEL_NAME, "text-embedding-3-small-2024-07-18")
				.doesNotHaveAttributes("llm.model_name");
		}
	}

	@Test
	void recordsProviderErrorsOnTheChatSpan() {
		try (ConfigurableApplicationContext context = run("spring.ai.retry.max-attempts=1")) {
			model.enqueue(OpenAiStubServer.Reply.error(400, "invalid_request_error"));
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.getBean(ChatModel.class).call(new Prompt("x")));
			Span chat = receiver.awaitSpans((received) -> received.stream()
				.anyMatch((span) -> span.getName().startsWith("chat")), Duration.ofSeconds(10))
				.stream()
				.filter((span) -> span.getName().startsWith("chat"))
				.findFirst()
				.orElseThrow();
			assertThat(chat.getStatus().getCode().name()).isEqualTo("STATUS_CODE_ERROR");
			GenAiSpanAssert.assertThat(chat).hasAttributeSatisfying(GenAiAttributes.ERROR_TYPE,
					(type) -> assertThat(type).isNotBlank());
		}
	}

}
