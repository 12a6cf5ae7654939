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

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.genaitracing.metrics.GenAiClientMetrics;
import io.github.genaitracing.semconv.SemconvMode;
import io.github.genaitracing.fixture.WeatherAgentApp;
import io.github.genaitracing.test.OpenAiStubServer;
import io.github.genaitracing.test.OtlpTestReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The semantic-convention opt-in: v1.41 names by default, the newest draft's with
 * {@code OTEL_SEMCONV_STABILITY_OPT_IN=gen_ai_latest_experimental}, both with
 * {@code /dup}, on the spans and metrics of an agent calling Spring AI's real OpenAI
 * client.
 */
class SemconvModeIntegrationTests {

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
		return new SpringApplicationBuilder(WeatherAgentApp.class).web(WebApplicationType.NONE)
			.properties("management.opentelemetry.tracing.export.otlp.endpoint=" + receiver.tracesEndpoint(),
					"management.tracing.sampling.probability=1.0",
					"management.opentelemetry.tracing.export.schedule-delay=50ms",
					"management.otlp.metrics.export.enabled=false", "spring.ai.openai.base-url=" + model.baseUrl(),
					"spring.ai.openai.api-key=test-key", "spring.ai.openai.chat.options.model=gpt-4o-mini")
			.properties(properties)
			.run();
	}

	@Test
	void latestExperimentalRenamesTheInferenceMetricsAndDropsTheProviderOfInProcessAgents() {
		try (ConfigurableApplicationContext context = run(
				SemconvMode.ENVIRONMENT_VARIABLE + "=http,gen_ai_latest_experimental")) {
			context.getBean(WeatherAgentApp.WeatherAgent.class).ask("conv-latest", "Weather?");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find(GenAiClientMetrics.INFERENCE_DURATION).summary().count()).isEqualTo(1);
			assertThat(registry.find(GenAiClientMetrics.OPERATION_DURATION).meters()).isEmpty();
			assertThat(registry.find(GenAiClientMetrics.TOKEN_USAGE).meters()).isEmpty();
			assertThat(registry.find(GenAiClientMetrics.INFERENCE_INPUT_TOKENS).counter().count()).isPositive();
			assertThat(registry.find(GenAiClientMetrics.INFERENCE_OUTPUT_TOKENS).counter().count()).isPositive();
			Span agent = awaitAgent();
			assertThat(OtlpTestReceiver.attribute(agent, "gen_ai.provider.name")).isNull();
			assertThat(OtlpTestReceiver.attribute(agent, "gen_ai.operation.name")).isEqualTo("invoke_agent");
		}
	}

	@Test
	void dupEmitsBothNames() {
		try (ConfigurableApplicationContext context = run("genai.tracing.semconv.mode=dup")) {
			context.getBean(WeatherAgentApp.WeatherAgent.class).ask("conv-dup", "Weather?");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find(GenAiClientMetrics.INFERENCE_DURATION).summary().count()).isEqualTo(1);
			assertThat(registry.find(GenAiClientMetrics.OPERATION_DURATION).summary().count()).isEqualTo(1);
			assertThat(registry.find(GenAiClientMetrics.TOKEN_USAGE).meters()).isNotEmpty();
			assertThat(registry.find(GenAiClientMetrics.INFERENCE_INPUT_TOKENS).counter()).isNotNull();
			assertThat(OtlpTestReceiver.attribute(awaitAgent(), "gen_ai.provider.name")).isEqualTo("openai");
		}
	}

	@Test
	void v141IsTheDefault() {
		try (ConfigurableApplicationContext context = run()) {
			context.getBean(WeatherAgentApp.WeatherAgent.class).ask("conv-default", "Weather?");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find(GenAiClientMetrics.OPERATION_DURATION).summary().count()).isEqualTo(1);
			assertThat(registry.find(GenAiClientMetrics.INFERENCE_DURATION).meters()).isEmpty();
			assertThat(registry.find(GenAiClientMetrics.INFERENCE_INPUT_TOKENS).meters()).isEmpty();
			assertThat(OtlpTestReceiver.attribute(awaitAgent(), "gen_ai.provider.name")).isEqualTo("openai");
		}
	}

	private static Span awaitAgent() {
		List<Span> spans = receiver.awaitSpans(
				(received) -> received.stream().anyMatch((span) -> span.getName().startsWith("invoke_agent")),
				Duration.ofSeconds(10));
		return spans.stream().filter((span) -> span.getName().startsWith("invoke_agent")).findFirst().orElseThrow();
	}

}
