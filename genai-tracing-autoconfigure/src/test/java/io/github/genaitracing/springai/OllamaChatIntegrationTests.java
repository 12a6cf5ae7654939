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
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.ollama.OllamaChatModel;
import org.springframework.ai.ollama.api.OllamaApi;
import org.springframework.ai.ollama.api.OllamaChatOptions;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import io.github.genaitracing.fixture.OllamaStubServer;
import io.github.genaitracing.fixture.WeatherAgentApp;
import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.test.GenAiSpanAssert;
import io.github.genaitracing.test.GenAiTracingTest;
import io.github.genaitracing.test.OpenAiStubServer;
import io.github.genaitracing.test.OtlpTestReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end: Spring AI's real Ollama chat model, whose requests go through Boot's
 * observed {@code RestClient} (calls) and {@code WebClient} (streams), against a loopback
 * Ollama stub, in the Spring AI test application whose OpenAI client points at another
 * port: each span names the Ollama endpoint, not OpenAI's.
 */
@GenAiTracingTest
class OllamaChatIntegrationTests {

	private static OtlpTestReceiver receiver;

	private static OpenAiStubServer openAi;

	private static OllamaStubServer ollama;

	@BeforeAll
	static void start(OtlpTestReceiver shared) {
		receiver = shared;
		openAi = OpenAiStubServer.start();
		ollama = OllamaStubServer.start();
	}

	@AfterAll
	static void stop() {
		openAi.close();
		ollama.close();
	}

	@Test
	void recordsTheOllamaEndpointOfCallsAndStreams() {
		receiver.clear();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(WeatherAgentApp.class)
			.web(WebApplicationType.NONE)
			.properties(receiver.exportProperties())
			.properties("spring.ai.openai.base-url=" + openAi.baseUrl(), "spring.ai.openai.api-key=test-key",
					"spring.ai.openai.chat.options.model=gpt-4o-mini")
			.run()) {
			OllamaApi api = OllamaApi.builder()
				.baseUrl(ollama.baseUrl())
				.restClientBuilder(context.getBean(RestClient.Builder.class))
				.webClientBuilder(context.getBean(WebClient.Builder.class))
				.build();
			OllamaChatModel chatModel = OllamaChatModel.builder()
				.ollamaApi(api)
				.options(OllamaChatOptions.builder().model("llama3.2").build())
				.observationRegistry(context.getBean(ObservationRegistry.class))
				.build();
			assertThat(chatModel.call(new Prompt("Weather in Paris?")).getResult().getOutput().getText())
				.isEqualTo("ok");
			chatModel.stream(new Prompt("Tell me")).blockLast(Duration.ofSeconds(10));
			List<Span> chats = receiver.awaitSpans((received) -> received.stream()
				.filter((span) -> span.getName().startsWith("chat"))
				.count() >= 2, Duration.ofSeconds(10))
				.stream()
				.filter((span) -> span.getName().startsWith("chat"))
				.toList();
			assertThat(chats).hasSize(2);
			assertThat(ollama.requests()).hasSize(2);
			assertThat(openAi.requests()).isEmpty();
			for (Span chat : chats) {
				GenAiSpanAssert.assertThat(chat)
					.hasName("chat llama3.2")
					.hasAttribute(GenAiAttributes.PROVIDER_NAME, "ollama")
					.hasAttribute(GenAiAttributes.SERVER_ADDRESS, "127.0.0.1")
					.hasAttribute(GenAiAttributes.SERVER_PORT, (long) ollama.port());
			}
		}
	}

}
