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
import java.util.Map;

import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.genaitracing.autoconfigure.CaptureMode;
import io.github.genaitracing.fixture.WeatherAgentApp;
import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.test.OpenAiStubServer;
import io.github.genaitracing.test.OpenAiStubServer.Reply;
import io.github.genaitracing.test.OtlpTestReceiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code gen_ai.client.inference.operation.details} events of Spring AI's real
 * OpenAI chat and embedding models against the stub, exported by Boot's OTLP logging
 * export and decoded by the test receiver.
 */
class SpringAiInferenceEventsIntegrationTests {

	private static final String EVENT = GenAiAttributes.INFERENCE_OPERATION_DETAILS_EVENT;

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
					"management.opentelemetry.logging.export.otlp.endpoint=" + receiver.logsEndpoint(),
					"management.tracing.sampling.probability=1.0",
					"management.opentelemetry.tracing.export.schedule-delay=50ms",
					"management.opentelemetry.logging.export.schedule-delay=50ms",
					"management.otlp.metrics.export.enabled=false", "spring.ai.retry.max-attempts=1",
					"spring.ai.openai.max-retries=0", "spring.ai.openai.base-url=" + model.baseUrl(),
					"spring.ai.openai.api-key=test-key", "spring.ai.openai.chat.options.model=gpt-4o-mini",
					"spring.ai.openai.embedding.options.model=text-embedding-3-small")
			.properties(properties)
			.run();
	}

	@Test
	void eventOnlyPutsRedactedStructuredContentInAnEventOfTheChatSpanAndNoneOnTheSpan() {
		try (ConfigurableApplicationContext context = run("genai.tracing.capture-content=event-only")) {
			context.getBean(ChatModel.class).call(new Prompt("my key is Bearer abc.def.ghi, weather?"));
			LogRecord event = awaitEvents(1).get(0);
			Span chat = awaitSpan("chat");
			assertThat(event.getTraceId()).isEqualTo(chat.getTraceId());
			assertThat(event.getSpanId()).isEqualTo(chat.getSpanId());
			assertThat(OtlpTestReceiver.attribute(event, "gen_ai.operation.name")).isEqualTo("chat");
			assertThat(OtlpTestReceiver.attribute(event, "gen_ai.provider.name")).isEqualTo("openai");
			assertThat(OtlpTestReceiver.attribute(event, "gen_ai.request.model")).isEqualTo("gpt-4o-mini");
			assertThat(OtlpTestReceiver.attribute(event, "gen_ai.response.model")).isEqualTo("gpt-4o-mini-2024-07-18");
			assertThat(OtlpTestReceiver.attribute(event, "gen_ai.usage.input_tokens")).isEqualTo(22L);
			assertThat(OtlpTestReceiver.attribute(event, "gen_ai.usage.output_tokens")).isEqualTo(9L);
			assertThat(OtlpTestReceiver.attribute(event, "gen_ai.response.finish_reasons")).isEqualTo(List.of("stop"));
			Object input = OtlpTestReceiver.attribute(event, "gen_ai.input.messages");
			assertThat(input).isInstanceOf(List.class);
			@SuppressWarnings("unchecked")
			Map<String, Object> first = (Map<String, Object>) ((List<Object>) input).get(0);
			assertThat(first).containsEntry("role", "user");
			assertThat(first.get("parts").toString()).contains("[REDACTED]").doesNotContain("abc.def.ghi");
			assertThat(OtlpTestReceiver.attribute(event, "gen_ai.output.messages")).isInstanceOf(List.class);
			assertThat(OtlpTestReceiver.attribute(chat, "gen_ai.input.messages")).isNull();
			assertThat(OtlpTestReceiver.attribute(chat, "gen_ai.output.messages")).isNull();
			assertThat(OtlpTestReceiver.attribute(chat, "input.value")).isNull();
		}
	}

	@Test
	void spanAndEventFromTheOpenTelemetryVariableRecordsContentInBothAndAnEventPerEmbeddingsCall() {
		try (ConfigurableApplicationContext context = run(
				CaptureMode.ENVIRONMENT_VARIABLE + "=SPAN_AND_EVENT")) {
			context.getBean(ChatModel.class).call(new Prompt("weather?"));
			context.getBean(EmbeddingModel.class).embed("hello");
			List<LogRecord> events = awaitEvents(2);
			Span chat = awaitSpan("chat");
			assertThat(OtlpTestReceiver.attribute(chat, "gen_ai.input.messages")).isInstanceOf(String.class);
			assertThat(events).anySatisfy((event) -> {
				assertThat(OtlpTestReceiver.attribute(event, "gen_ai.operation.name")).isEqualTo("chat");
				assertThat(OtlpTestReceiver.attribute(event, "gen_ai.input.messages")).isInstanceOf(List.class);
			});
			assertThat(events).anySatisfy((event) -> {
				assertThat(OtlpTestReceiver.attribute(event, "gen_ai.operation.name")).isEqualTo("embeddings");
				assertThat(OtlpTestReceiver.attribute(event, "gen_ai.usage.input_tokens")).isEqualTo(5L);
				assertThat(event.getSpanId()).isEqualTo(awaitSpan("embeddings").getSpanId());
			});
		}
	}

	@Test
	void aFailedCallsEventCarriesItsErrorType() {
		try (ConfigurableApplicationContext context = run("genai.tracing.capture-content=event-only")) {
			model.enqueue(Reply.error(500, "server_error"));
			assertThatThrownBy(() -> context.getBean(ChatModel.class).call(new Prompt("x")));
			LogRecord event = awaitEvents(1).get(0);
			assertThat((String) OtlpTestReceiver.attribute(event, "error.type")).contains("InternalServer");
		}
	}

	@Test
	void spanOnlyAndNoContentEmitNoEvents() {
		try (ConfigurableApplicationContext context = run("genai.tracing.capture-content=span")) {
			context.getBean(ChatModel.class).call(new Prompt("weather?"));
			awaitSpan("chat");
			context.getBean(io.opentelemetry.sdk.logs.SdkLoggerProvider.class).forceFlush().join(10,
					java.util.concurrent.TimeUnit.SECONDS);
			assertThat(receiver.logRecords()).noneMatch((record) -> EVENT.equals(record.getEventName()));
		}
	}

	private static List<LogRecord> awaitEvents(int count) {
		return receiver
			.awaitLogRecords((records) -> records.stream().filter((r) -> EVENT.equals(r.getEventName())).count() >= count,
					Duration.ofSeconds(10))
			.stream()
			.filter((r) -> EVENT.equals(r.getEventName()))
			.toList();
	}

	private static Span awaitSpan(String prefix) {
		return receiver
			.awaitSpans((received) -> received.stream().anyMatch((span) -> span.getName().startsWith(prefix)),
					Duration.ofSeconds(10))
			.stream()
			.filter((span) -> span.getName().startsWith(prefix))
			.findFirst()
			.orElseThrow();
	}

}
