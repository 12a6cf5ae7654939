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

package io.github.genaitracing.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.tracing.exporter.SpanFilter;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.genaitracing.test.OtlpTestReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GenAiSpanExportAutoConfiguration}: the batch span processor Spring
 * Boot would make, handing the SDK's spans to the exporters as they are.
 */
class GenAiSpanExportAutoConfigurationTests {

	private static final String SDK_SPAN_DATA = "io.opentelemetry.sdk.trace.AutoValue_SpanWrapper";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OpenTelemetrySdkAutoConfiguration.class,
				OpenTelemetryTracingAutoConfiguration.class, GenAiTracingAutoConfiguration.class,
				GenAiSpanExportAutoConfiguration.class))
		.withBean("testSpanExporter", SpanExporter.class, InMemorySpanExporter::create)
		.withPropertyValues("management.tracing.sampling.probability=1.0");

	@Test
	void theExportersGetTheSdksOwnSpansWhenNoMicrometerFilterIsDefined() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(BatchSpanProcessor.class).hasBean("genAiBatchSpanProcessor");
			SpanData exported = exportOneSpan(context);
			assertThat(exported.getClass().getName()).isEqualTo(SDK_SPAN_DATA);
			assertThat(exported.getName()).isEqualTo("invoke_agent weather");
			assertThat(exported.getAttributes().get(AttributeKey.longKey("gen_ai.usage.input_tokens"))).isEqualTo(12L);
		});
	}

	@Test
	void aMicrometerSpanFilterStillSeesEverySpan() {
		this.contextRunner
			.withBean(SpanFilter.class, () -> (span) -> span.setName(span.getName() + " (filtered)"))
			.run((context) -> {
				SpanData exported = exportOneSpan(context);
				assertThat(exported.getName()).isEqualTo("invoke_agent weather (filtered)");
				assertThat(exported.getClass().getName()).isNotEqualTo(SDK_SPAN_DATA);
			});
	}

	@Test
	void springBootsProcessorIsUsedWhenDirectExportIsOff() {
		this.contextRunner.withPropertyValues("genai.tracing.export.direct=false").run((context) -> {
			assertThat(context).hasSingleBean(BatchSpanProcessor.class).hasBean("otelSpanProcessor");
			assertThat(exportOneSpan(context).getClass().getName()).isNotEqualTo(SDK_SPAN_DATA);
		});
	}

	@Test
	void springBootsProcessorIsUsedWhenTracingIsOff() {
		this.contextRunner.withPropertyValues("genai.tracing.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(BatchSpanProcessor.class)
				.hasBean("otelSpanProcessor"));
	}

	@Test
	void theProcessorTakesSpringBootsExportSettings() {
		this.contextRunner
			.withPropertyValues("management.opentelemetry.tracing.export.max-batch-size=17",
					"management.opentelemetry.tracing.export.schedule-delay=3s",
					"management.opentelemetry.tracing.export.timeout=7s",
					"management.opentelemetry.tracing.export.include-unsampled=true")
			.run((context) -> assertThat(context.getBean(BatchSpanProcessor.class).toString())
				.contains("maxExportBatchSize=17", "scheduleDelayNanos=" + Duration.ofSeconds(3).toNanos(),
						"exporterTimeoutNanos=" + Duration.ofSeconds(7).toNanos(), "exportUnsampledSpans=true"));
	}

	@Test
	void spansReachAnOtlpReceiverWithEveryAttribute() {
		try (OtlpTestReceiver receiver = OtlpTestReceiver.start()) {
			this.contextRunner
				.withBean("otlpSpanExporter", SpanExporter.class,
						() -> OtlpHttpSpanExporter.builder().setEndpoint(receiver.tracesEndpoint()).build())
				.run((context) -> {
					exportOneSpan(context);
					List<io.opentelemetry.proto.trace.v1.Span> spans = receiver
						.awaitSpans((received) -> !received.isEmpty(), Duration.ofSeconds(10));
					io.opentelemetry.proto.trace.v1.Span sent = spans.get(0);
					assertThat(sent.getName()).isEqualTo("invoke_agent weather");
					assertThat(OtlpTestReceiver.attribute(sent, "gen_ai.agent.name")).isEqualTo("weather");
					assertThat(OtlpTestReceiver.attribute(sent, "gen_ai.usage.input_tokens")).isEqualTo(12L);
					assertThat(sent.getAttributesCount()).isEqualTo(2);
				});
		}
	}

	/**
	 * Ends one span through the application's tracer provider and returns what the test
	 * exporter received.
	 */
	private static SpanData exportOneSpan(AssertableApplicationContext context) {
		Span span = context.getBean(OpenTelemetry.class).getTracer("test").spanBuilder("invoke_agent weather")
			.setAttribute("gen_ai.agent.name", "weather")
			.setAttribute(AttributeKey.longKey("gen_ai.usage.input_tokens"), 12L)
			.startSpan();
		span.end();
		context.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS);
		List<SpanData> spans = ((InMemorySpanExporter) context.getBean("testSpanExporter")).getFinishedSpanItems();
		assertThat(spans).hasSize(1);
		return spans.get(0);
	}

}
