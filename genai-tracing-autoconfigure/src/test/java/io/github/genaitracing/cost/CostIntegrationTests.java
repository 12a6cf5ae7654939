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

package io.github.genaitracing.cost;

import java.time.Duration;
import java.util.List;

import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Flux;

import io.github.genaitracing.annotation.AgentInvoke;
import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.test.GenAiSpanAssert;
import io.github.genaitracing.test.OpenAiStubServer;
import io.github.genaitracing.test.OtlpTestReceiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * End-to-end: Spring AI's real OpenAI client against the loopback stub, exported through
 * Boot's real OTLP exporter: chat spans of a priced model carry {@code gen_ai.usage.cost},
 * the agent span the sums of the calls below it (tool round trips and streams included);
 * an unpriced model gets no cost, and then the run has no cost either.
 */
class CostIntegrationTests {

	private static OtlpTestReceiver receiver;

	private static OpenAiStubServer model;

	@BeforeAll
	static void start() {
		receiver = OtlpTestReceiver.start();
		model = OpenAiStubServer.start();
	}

	@AfterAll
	static void stop() {
		receiver.close();
		model.close();
	}

	private ConfigurableApplicationContext run(String... properties) {
		receiver.clear();
		model.reset();
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties("management.opentelemetry.tracing.export.otlp.endpoint=" + receiver.tracesEndpoint(),
					"management.tracing.sampling.probability=1.0",
					"management.opentelemetry.tracing.export.schedule-delay=50ms",
					"spring.ai.openai.base-url=" + model.baseUrl(), "spring.ai.openai.api-key=test-key",
					"spring.ai.openai.chat.options.stream-usage=true")
			.properties(properties)
			.run();
	}

	@Test
	void chatSpansOfAPricedModelCarryTheirCostAndTheAgentSpanTheSumsOfTheRun() {
		try (ConfigurableApplicationContext context = run("spring.ai.openai.chat.options.model=gpt-4o-mini")) {
			model.enqueue(OpenAiStubServer.Reply.toolCall("call_1", "get_weather", "{\"city\":\"Paris\"}")
				.withUsage(100, 20, 40, 0), OpenAiStubServer.Reply.text("Rainy in Paris").withUsage(150, 30, 100, 0));
			assertThat(context.getBean(Planner.class).plan("Weather in Paris?")).isEqualTo("Rainy in Paris");
			List<Span> spans = receiver.awaitSpans((received) -> named(received, "invoke_agent planner").size() == 1,
					Duration.ofSeconds(10));
			List<Span> chats = named(spans, "chat gpt-4o-mini");
			assertThat(chats).hasSize(2);
			// gpt-4o-mini (response model gpt-4o-mini-2024-07-18): 0.15 input, 0.075 cached, 0.60 output
			// per million: (60 * 0.15 + 40 * 0.075 + 20 * 0.60) / 1e6 and (50 * 0.15 + 100 * 0.075 + 30 * 0.60) / 1e6
			assertThat(chats).extracting((chat) -> doubleValue(chat, GenAiAttributes.USAGE_COST.getKey()))
				.satisfiesExactlyInAnyOrder((cost) -> assertThat(cost).isCloseTo(0.000024, within(1e-12)),
						(cost) -> assertThat(cost).isCloseTo(0.000033, within(1e-12)));
			chats.forEach((chat) -> GenAiSpanAssert.assertThat(chat)
				.hasAttribute(GenAiAttributes.USAGE_COST_CURRENCY, "USD"));
			Span agent = named(spans, "invoke_agent planner").get(0);
			GenAiSpanAssert.assertThat(agent)
				.hasAttribute(GenAiAttributes.USAGE_INPUT_TOKENS, 250L)
				.hasAttribute(GenAiAttributes.USAGE_OUTPUT_TOKENS, 50L)
				.hasAttribute(GenAiAttributes.USAGE_CACHE_READ_INPUT_TOKENS, 140L)
				.hasAttribute(GenAiAttributes.RUN_COST_CURRENCY, "USD")
				.doesNotHaveAttributes(GenAiAttributes.USAGE_COST.getKey());
			assertThat(doubleValue(agent, GenAiAttributes.RUN_COST.getKey())).isCloseTo(0.000057, within(1e-12));
			spans.stream()
				.filter((span) -> !span.getName().startsWith("chat"))
				.forEach((span) -> GenAiSpanAssert.assertThat(span)
					.doesNotHaveAttributes(GenAiAttributes.USAGE_COST.getKey()));
		}
	}

	@Test
	void aStreamedRunCarriesTheSumsOfItsStreamedCall() {
		try (ConfigurableApplicationContext context = run("spring.ai.openai.chat.options.model=gpt-4o")) {
			model.enqueue(OpenAiStubServer.Reply.text("streamed answer").withUsage(1000, 200, 0, 0));
			String text = String.join("",
					context.getBean(Planner.class).stream("Tell me").collectList().block(Duration.ofSeconds(10)));
			assertThat(text).isEqualTo("streamed answer");
			List<Span> spans = receiver.awaitSpans((received) -> named(received, "invoke_agent planner").size() == 1,
					Duration.ofSeconds(10));
			Span chat = named(spans, "chat gpt-4o").get(0);
			// gpt-4o: 2.50 input, 10.00 output per million
			assertThat(doubleValue(chat, GenAiAttributes.USAGE_COST.getKey())).isCloseTo(0.0045, within(1e-12));
			Span agent = named(spans, "invoke_agent planner").get(0);
			GenAiSpanAssert.assertThat(chat).isChildOf(agent);
			GenAiSpanAssert.assertThat(agent)
				.hasAttribute(GenAiAttributes.USAGE_INPUT_TOKENS, 1000L)
				.hasAttribute(GenAiAttributes.USAGE_OUTPUT_TOKENS, 200L);
			assertThat(doubleValue(agent, GenAiAttributes.RUN_COST.getKey())).isCloseTo(0.0045, within(1e-12));
		}
	}

	@Test
	void configuredPricesPriceTheirModelAndAnUnpricedCallLeavesTheRunWithoutCost() {
		try (ConfigurableApplicationContext context = run("spring.ai.openai.chat.options.model=my-local-model",
				"genai.tracing.cost.prices[my-local-model].input=1.00",
				"genai.tracing.cost.prices[my-local-model].output=2.00",
				"genai.tracing.cost.prices[my-local-model].currency=EUR")) {
			model.enqueue(OpenAiStubServer.Reply.text("one").withUsage(1000, 500, 0, 0),
					OpenAiStubServer.Reply.text("two").withUsage(10, 5, 0, 0));
			context.getBean(Planner.class).twoModels("Hi", "unpriced-model");
			List<Span> spans = receiver.awaitSpans((received) -> named(received, "invoke_agent planner").size() == 1,
					Duration.ofSeconds(10));
			Span priced = named(spans, "chat my-local-model").get(0);
			assertThat(doubleValue(priced, GenAiAttributes.USAGE_COST.getKey())).isCloseTo(0.002, within(1e-12));
			GenAiSpanAssert.assertThat(priced).hasAttribute(GenAiAttributes.USAGE_COST_CURRENCY, "EUR");
			GenAiSpanAssert.assertThat(named(spans, "chat unpriced-model").get(0))
				.as("a model missing from the table gets no cost, never a guess")
				.hasAttribute(GenAiAttributes.USAGE_INPUT_TOKENS, 10L)
				.doesNotHaveAttributes(GenAiAttributes.USAGE_COST.getKey(),
						GenAiAttributes.USAGE_COST_CURRENCY.getKey());
			GenAiSpanAssert.assertThat(named(spans, "invoke_agent planner").get(0))
				.hasAttribute(GenAiAttributes.USAGE_INPUT_TOKENS, 1010L)
				.hasAttribute(GenAiAttributes.USAGE_OUTPUT_TOKENS, 505L)
				.as("a partial sum would understate the run")
				.doesNotHaveAttributes(GenAiAttributes.RUN_COST.getKey());
		}
	}

	@Test
	void costAndRunTotalsCanBeTurnedOff() {
		try (ConfigurableApplicationContext context = run("spring.ai.openai.chat.options.model=gpt-4o-mini",
				"genai.tracing.cost.enabled=false", "genai.tracing.cost.run-totals=false")) {
			model.enqueue(OpenAiStubServer.Reply.text("one").withUsage(1000, 500, 0, 0));
			context.getBean(Planner.class).twoModels("Hi", null);
			List<Span> spans = receiver.awaitSpans((received) -> named(received, "invoke_agent planner").size() == 1,
					Duration.ofSeconds(10));
			GenAiSpanAssert.assertThat(named(spans, "chat gpt-4o-mini").get(0))
				.hasAttribute(GenAiAttributes.USAGE_INPUT_TOKENS, 1000L)
				.doesNotHaveAttributes(GenAiAttributes.USAGE_COST.getKey());
			GenAiSpanAssert.assertThat(named(spans, "invoke_agent planner").get(0))
				.doesNotHaveAttributes(GenAiAttributes.USAGE_INPUT_TOKENS.getKey(), GenAiAttributes.RUN_COST.getKey());
		}
	}

	private static List<Span> named(List<Span> spans, String name) {
		return spans.stream().filter((span) -> span.getName().equals(name)).toList();
	}

	private static double doubleValue(Span span, String key) {
		return span.getAttributesList()
			.stream()
			.filter((attribute) -> attribute.getKey().equals(key))
			.map(KeyValue::getValue)
			.findFirst()
			.orElseThrow(() -> new AssertionError(span.getName() + " has no " + key))
			.getDoubleValue();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@Bean
		Planner planner(ChatModel chatModel) {
			return new Planner(chatModel);
		}

		@Bean
		WeatherTools weatherTools() {
			return new WeatherTools();
		}

	}

	public static class WeatherTools {

		@Tool(name = "get_weather", description = "Current weather")
		public String weather(String city) {
			return "rainy in " + city;
		}

	}

	@AgentInvoke(name = "planner")
	public static class Planner {

		private final ChatModel chatModel;

		Planner(ChatModel chatModel) {
			this.chatModel = chatModel;
		}

		public String plan(String question) {
			return ChatClient.create(this.chatModel).prompt(question).tools(new WeatherTools()).call().content();
		}

		public Flux<String> stream(String question) {
			return ChatClient.create(this.chatModel).prompt(question).stream().content();
		}

		public void twoModels(String question, String secondModel) {
			ChatClient client = ChatClient.create(this.chatModel);
			client.prompt(question).call().content();
			if (secondModel != null) {
				client.prompt(question).options(OpenAiChatOptions.builder().model(secondModel)).call().content();
			}
		}

	}

}
