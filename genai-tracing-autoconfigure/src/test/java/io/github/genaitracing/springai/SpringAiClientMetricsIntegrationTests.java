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
import java.util.Arrays;
import java.util.Objects;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.genaitracing.fixture.WeatherAgentApp;
import io.github.genaitracing.metrics.GenAiClientMetrics;
import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.test.GenAiSpanAssert;
import io.github.genaitracing.test.GenAiTracingTest;
import io.github.genaitracing.test.OpenAiStubServer;
import io.github.genaitracing.test.OpenAiStubServer.Reply;
import io.github.genaitracing.test.OtlpTestReceiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The GenAI client metrics and the failure paths of Spring AI's real OpenAI chat model
 * against a loopback OpenAI-compatible stub: rate limits, server errors, slow answers
 * and the time to the first streamed chunk.
 */
@GenAiTracingTest
class SpringAiClientMetricsIntegrationTests {

	private static final double[] SECONDS_BUCKETS = { 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12,
			10.24, 20.48, 40.96, 81.92 };

	private static final double[] TOKEN_BUCKETS = { 1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576,
			4194304, 16777216, 67108864 };

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
			.properties("management.otlp.metrics.export.enabled=false", "spring.ai.retry.max-attempts=1", "spring.ai.openai.max-retries=0",
					"spring.ai.openai.base-url=" + model.baseUrl(), "spring.ai.openai.api-key=test-key",
					"spring.ai.openai.chat.options.model=gpt-4o-mini")
			.properties(properties)
			.run();
	}

	@Test
	void recordsDurationAndTokenHistogramsWithTheConventionsBuckets() {
		try (ConfigurableApplicationContext context = run()) {
			context.getBean(ChatModel.class).call(new Prompt("Weather in Paris?"));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			DistributionSummary duration = registry.find(GenAiClientMetrics.OPERATION_DURATION)
				.tag("gen_ai.operation.name", "chat")
				.tag("gen_ai.provider.name", "openai")
				.tag("gen_ai.request.model", "gpt-4o-mini")
				.tag("gen_ai.response.model", "gpt-4o-mini-2024-07-18")
				.tag("server.address", "127.0.0.1")
				.tag("server.port", String.valueOf(model.port()))
				.summary();
			assertThat(duration).isNotNull();
			assertThat(duration.count()).isEqualTo(1);
			// the application's registry is Prometheus here, which gets Prometheus units; the
			// OTLP units are checked in SpringAiMetricsExportIntegrationTests
			assertThat(duration.getId().getBaseUnit()).isEqualTo("seconds");
			assertThat(duration.getId().getTag("error.type")).isEqualTo(GenAiClientMetrics.NONE);
			assertThat(buckets(duration)).containsExactly(SECONDS_BUCKETS);
			DistributionSummary input = registry.find(GenAiClientMetrics.TOKEN_USAGE)
				.tag("gen_ai.token.type", "input")
				.summary();
			DistributionSummary output = registry.find(GenAiClientMetrics.TOKEN_USAGE)
				.tag("gen_ai.token.type", "output")
				.summary();
			assertThat(input.totalAmount()).isEqualTo(22.0);
			assertThat(output.totalAmount()).isEqualTo(9.0);
			assertThat(input.getId().getBaseUnit()).isNull();
			assertThat(buckets(input)).containsExactly(TOKEN_BUCKETS);
			assertThat(registry.find(GenAiClientMetrics.TOKEN_USAGE).meters())
				.allSatisfy((meter) -> assertThat(meter).isInstanceOf(DistributionSummary.class));
		}
	}

	@Test
	void recordsARateLimitAsAnErrorOnTheSpanAndTheDuration() {
		try (ConfigurableApplicationContext context = run()) {
			model.enqueue(Reply.error(429, "rate_limit_exceeded"));
			assertThatThrownBy(() -> context.getBean(ChatModel.class).call(new Prompt("x")));
			Span chat = awaitChat();
			assertThat(chat.getStatus().getCode().name()).isEqualTo("STATUS_CODE_ERROR");
			String errorType = (String) OtlpTestReceiver.attribute(chat, "error.type");
			assertThat(errorType).contains("RateLimit");
			GenAiSpanAssert.assertThat(chat).doesNotHaveAttributes("gen_ai.usage.input_tokens");
			DistributionSummary duration = context.getBean(MeterRegistry.class)
				.find(GenAiClientMetrics.OPERATION_DURATION)
				.tag("error.type", errorType)
				.summary();
			assertThat(duration).isNotNull();
			assertThat(duration.count()).isEqualTo(1);
		}
	}

	@Test
	void makesOneSuccessfulSpanWhenTheClientRetriesARateLimit() {
		try (ConfigurableApplicationContext context = run("spring.ai.openai.max-retries=1")) {
			model.enqueue(Reply.error(429, "rate_limit_exceeded"), Reply.text("after retry"));
			assertThat(context.getBean(ChatModel.class).call("x")).isEqualTo("after retry");
			Span chat = awaitChat();
			assertThat(model.requests()).hasSize(2);
			assertThat(chat.getStatus().getCode().name()).isEqualTo("STATUS_CODE_UNSET");
			assertThat(OtlpTestReceiver.attribute(chat, "error.type")).isNull();
			assertThat(receiver.spans().stream().filter((span) -> span.getName().startsWith("chat"))).hasSize(1);
		}
	}

	@Test
	void recordsAServerErrorOnTheSpan() {
		try (ConfigurableApplicationContext context = run()) {
			model.enqueue(Reply.error(500, "server_error"));
			assertThatThrownBy(() -> context.getBean(ChatModel.class).call(new Prompt("x")));
			Span chat = awaitChat();
			assertThat(chat.getStatus().getCode().name()).isEqualTo("STATUS_CODE_ERROR");
			assertThat((String) OtlpTestReceiver.attribute(chat, "error.type")).isNotBlank();
			assertThat(chat.getEventsList()).anySatisfy((event) -> assertThat(event.getName()).isEqualTo("exception"));
		}
	}

	@Test
	void coversASlowAnswerFromRequestToResponse() {
		try (ConfigurableApplicationContext context = run()) {
			model.enqueue(Reply.text("late").delayed(Duration.ofMillis(400)));
			context.getBean(ChatModel.class).call(new Prompt("x"));
			Span chat = awaitChat();
			assertThat(chat.getEndTimeUnixNano() - chat.getStartTimeUnixNano()).isGreaterThanOrEqualTo(400_000_000L);
			DistributionSummary duration = context.getBean(MeterRegistry.class)
				.find(GenAiClientMetrics.OPERATION_DURATION)
				.summary();
			assertThat(duration.max()).isGreaterThanOrEqualTo(0.4);
		}
	}

	@Test
	void recordsTheTimeToTheFirstChunkOfAChatClientStream() throws Exception {
		try (ConfigurableApplicationContext context = run()) {
			model.enqueue(Reply.text("streamed answer").delayed(Duration.ofMillis(200)).chunked(3, Duration.ofMillis(60)));
			String text = String.join("", Objects.requireNonNull(context.getBean(ChatClient.Builder.class)
				.build()
				.prompt("Tell me")
				.stream()
				.content()
				.collectList()
				.block(Duration.ofSeconds(10))));
			assertThat(text).isEqualTo("streamed answer");
			Span chat = awaitChat();
			double firstChunk = (Double) OtlpTestReceiver.attribute(chat, "gen_ai.response.time_to_first_chunk");
			double spanSeconds = (chat.getEndTimeUnixNano() - chat.getStartTimeUnixNano()) / 1e9;
			assertThat(firstChunk).isGreaterThanOrEqualTo(0.2).isLessThan(spanSeconds);
			GenAiSpanAssert.assertThat(chat).hasAttribute(GenAiAttributes.REQUEST_STREAM, true);
			// the stream's observation stops after block() returned: the span is handed to the
			// exporter before the metrics are told of its end
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			DistributionSummary metric = registry.find(GenAiClientMetrics.TIME_TO_FIRST_CHUNK)
				.tag("gen_ai.operation.name", "chat")
				.summary();
			while ((metric == null || metric.count() == 0) && System.nanoTime() < deadline) {
				Thread.sleep(20);
				metric = registry.find(GenAiClientMetrics.TIME_TO_FIRST_CHUNK).tag("gen_ai.operation.name", "chat").summary();
			}
			assertThat(metric).isNotNull();
			assertThat(metric.count()).isEqualTo(1);
			assertThat(metric.max()).isEqualTo(firstChunk, org.assertj.core.data.Offset.offset(0.01));
		}
	}

	@Test
	void recordsNoMetricsWhenTurnedOff() {
		try (ConfigurableApplicationContext context = run("genai.tracing.metrics.enabled=false")) {
			context.getBean(ChatModel.class).call(new Prompt("x"));
			awaitChat();
			assertThat(context.getBean(MeterRegistry.class).find(GenAiClientMetrics.OPERATION_DURATION).meters())
				.isEmpty();
		}
	}

	private static Span awaitChat() {
		return receiver
			.awaitSpans((received) -> received.stream().anyMatch((span) -> span.getName().startsWith("chat")),
					Duration.ofSeconds(10))
			.stream()
			.filter((span) -> span.getName().startsWith("chat"))
			.findFirst()
			.orElseThrow();
	}

	private static double[] buckets(DistributionSummary summary) {
		return Arrays.stream(summary.takeSnapshot().histogramCounts()).mapToDouble(CountAtBucket::bucket).toArray();
	}

}
