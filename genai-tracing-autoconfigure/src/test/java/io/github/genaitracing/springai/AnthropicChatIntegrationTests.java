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

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.genaitracing.fixture.AnthropicStubServer;
import io.github.genaitracing.fixture.WeatherAgentApp;
import io.github.genaitracing.metrics.GenAiClientMetrics;
import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.semconv.OpenInferenceAttributes;
import io.github.genaitracing.test.GenAiSpanAssert;
import io.github.genaitracing.test.GenAiTracingTest;
import io.github.genaitracing.test.OpenAiStubServer;
import io.github.genaitracing.test.OtlpTestReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end: Spring AI's real Anthropic chat model (the Anthropic Java SDK over OkHttp)
 * against a loopback Messages API stub, in the Spring AI test application whose OpenAI
 * client points at another port, exported through Boot's real OTLP exporter.
 */
@GenAiTracingTest
class AnthropicChatIntegrationTests {

	private static OtlpTestReceiver receiver;

	private static OpenAiStubServer openAi;

	private static AnthropicStubServer anthropic;

	@BeforeAll
	static void start(OtlpTestReceiver shared) {
		receiver = shared;
		openAi = OpenAiStubServer.start();
		anthropic = AnthropicStubServer.start();
	}

	@AfterAll
	static void stop() {
		openAi.close();
		anthropic.close();
	}

	private ConfigurableApplicationContext run(String... properties) {
		receiver.clear();
		return new SpringApplicationBuilder(WeatherAgentApp.class).web(WebApplicationType.NONE)
			.properties(receiver.exportProperties())
			.properties("spring.ai.openai.base-url=" + openAi.baseUrl(), "spring.ai.openai.api-key=test-key",
					"spring.ai.openai.chat.options.model=gpt-4o-mini")
			.properties(properties)
			.run();
	}

	private static AnthropicChatModel anthropicModel(ConfigurableApplicationContext context) {
		AnthropicChatOptions options = AnthropicChatOptions.builder()
			.baseUrl(anthropic.baseUrl())
			.apiKey("test-key")
			.model("claude-sonnet-4-5")
			.maxTokens(256)
			.build();
		return AnthropicChatModel.builder()
			.options(options)
			.observationRegistry(context.getBean(ObservationRegistry.class))
			.build();
	}

	private static Span chatSpan() {
		return receiver.awaitSpans((received) -> received.stream()
			.anyMatch((span) -> span.getName().startsWith("chat")), Duration.ofSeconds(10))
			.stream()
			.filter((span) -> span.getName().startsWith("chat"))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void recordsTheAnthropicEndpointAndInputTokensIncludingCachedOnes() {
		try (ConfigurableApplicationContext context = run()) {
			assertThat(anthropic.port()).isNotEqualTo(openAi.port());
			ChatResponse response = anthropicModel(context).call(new Prompt("Weather in Paris?"));
			assertThat(response.getResult().getOutput().getText()).isEqualTo("ok");
			// Anthropic reports 10 uncached input tokens, 100 read from and 20 written to the cache
			assertThat(response.getMetadata().getUsage().getPromptTokens()).isEqualTo(10);
			GenAiSpanAssert.assertThat(chatSpan())
				.hasName("chat claude-sonnet-4-5")
				.hasKind(SpanKind.CLIENT)
				.hasAttribute(GenAiAttributes.PROVIDER_NAME, "anthropic")
				.hasAttribute(GenAiAttributes.SERVER_ADDRESS, "127.0.0.1")
				.hasAttribute(GenAiAttributes.SERVER_PORT, (long) anthropic.port())
				.hasAttribute(GenAiAttributes.RESPONSE_FINISH_REASONS, java.util.List.of("stop"))
				.hasAttribute(GenAiAttributes.USAGE_INPUT_TOKENS, 130L)
				.hasAttribute(GenAiAttributes.USAGE_OUTPUT_TOKENS, 7L)
				.hasAttribute(GenAiAttributes.USAGE_CACHE_READ_INPUT_TOKENS, 100L)
				.hasAttribute(GenAiAttributes.USAGE_CACHE_CREATION_INPUT_TOKENS, 20L)
				.hasAttribute(OpenInferenceAttributes.LLM_TOKEN_COUNT_PROMPT, 130L)
				.doesNotHaveAttributes("gen_ai.usage.cache_write.input_tokens");
			assertThat(openAi.requests()).isEmpty();
			// the client metrics carry the same endpoint and input count
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			DistributionSummary input = registry.find(GenAiClientMetrics.TOKEN_USAGE)
				.tag("gen_ai.provider.name", "anthropic")
				.tag("gen_ai.token.type", "input")
				.tag("server.address", "127.0.0.1")
				.tag("server.port", String.valueOf(anthropic.port()))
				.summary();
			assertThat(input).isNotNull();
			assertThat(input.totalAmount()).isEqualTo(130.0);
		}
	}

	@Test
	void recordsTheSystemInstructionsAnthropicTakesApartOnceWhenCaptureIsOn() {
		try (ConfigurableApplicationContext context = run("genai.tracing.capture-content=span")) {
			ChatClient.create(anthropicModel(context))
				.prompt()
				.system("Answer in one word.")
				.user("Weather in Oslo?")
				.call()
				.content();
			assertThat(anthropic.requests().get(anthropic.requests().size() - 1).path("system").toString())
				.contains("Answer in one word.");
			GenAiSpanAssert.assertThat(chatSpan())
				.hasAttribute(GenAiAttributes.SYSTEM_INSTRUCTIONS,
						"[{\"type\":\"text\",\"content\":\"Answer in one word.\"}]")
				.hasAttribute(GenAiAttributes.INPUT_MESSAGES,
						"[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Weather in Oslo?\"}]}]")
				// OpenInference keeps the whole conversation, system message first, as Phoenix shows it
				.hasAttribute(io.opentelemetry.api.common.AttributeKey.stringKey("llm.input_messages.0.message.role"),
						"system");
		}
	}

	@Test
	void namesTheCacheWriteTokensAfterTheNewestDraftInLatestMode() {
		try (ConfigurableApplicationContext context = run("genai.tracing.semconv.mode=latest-experimental")) {
			anthropicModel(context).call(new Prompt("Weather in Paris?"));
			GenAiSpanAssert.assertThat(chatSpan())
				.hasAttribute(GenAiAttributes.USAGE_INPUT_TOKENS, 130L)
				.hasAttribute(GenAiAttributes.USAGE_CACHE_READ_INPUT_TOKENS, 100L)
				.hasAttribute(GenAiAttributes.USAGE_CACHE_WRITE_INPUT_TOKENS, 20L)
				.doesNotHaveAttributes("gen_ai.usage.cache_creation.input_tokens");
		}
	}

}
