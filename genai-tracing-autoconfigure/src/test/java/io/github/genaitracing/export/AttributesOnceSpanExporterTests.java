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

package io.github.genaitracing.export;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.tracing.otel.bridge.OtelFinishedSpan;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanLimits;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

import io.github.genaitracing.test.OtlpTestReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AttributesOnceSpanExporter}: the OTLP exporter gets the same span,
 * its attributes read once.
 */
class AttributesOnceSpanExporterTests {

	@Test
	void otlpExporterReadsTheAttributesOfASpanOnceAndSendsThemAll() {
		SpanData finished = finishedSpan(SpanLimits.getDefault());
		CountingSpanData counting = new CountingSpanData(OtelFinishedSpan.toOtel(OtelFinishedSpan.fromOtel(finished)));
		try (OtlpTestReceiver receiver = OtlpTestReceiver.start()) {
			OtlpHttpSpanExporter otlp = OtlpHttpSpanExporter.builder().setEndpoint(receiver.tracesEndpoint()).build();
			SpanExporter exporter = new AttributesOnceSpanExporter(otlp);
			assertThat(exporter.export(List.of(counting)).join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
			List<Span> spans = receiver.awaitSpans((received) -> !received.isEmpty(), Duration.ofSeconds(10));
			assertThat(counting.attributeReads.get()).isOne();
			Span sent = spans.get(0);
			assertThat(sent.getName()).isEqualTo("invoke_agent weather");
			assertThat(sent.getAttributesCount()).isEqualTo(5);
			assertThat(OtlpTestReceiver.attribute(sent, "gen_ai.operation.name")).isEqualTo("invoke_agent");
			assertThat(OtlpTestReceiver.attribute(sent, "gen_ai.agent.name")).isEqualTo("weather");
			assertThat(OtlpTestReceiver.attribute(sent, "gen_ai.usage.input_tokens")).isEqualTo(12L);
			assertThat(sent.getDroppedAttributesCount()).isZero();
			exporter.shutdown();
		}
	}

	@Test
	void withoutItTheOtlpExporterReadsTheAttributesOfASpanMoreThanOnce() {
		CountingSpanData counting = new CountingSpanData(finishedSpan(SpanLimits.getDefault()));
		try (OtlpTestReceiver receiver = OtlpTestReceiver.start()) {
			OtlpHttpSpanExporter otlp = OtlpHttpSpanExporter.builder().setEndpoint(receiver.tracesEndpoint()).build();
			assertThat(otlp.export(List.of(counting)).join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
			assertThat(counting.attributeReads.get()).isGreaterThan(1);
			otlp.shutdown();
		}
	}

	@Test
	void aSpanThatDroppedAttributesKeepsItsTotalCount() {
		SpanData finished = finishedSpan(SpanLimits.builder().setMaxNumberOfAttributes(3).build());
		SpanData once = AttributesOnceSpanData.of(finished);
		assertThat(once.getAttributes()).isEqualTo(finished.getAttributes());
		assertThat(once.getAttributes().size()).isEqualTo(3);
		assertThat(once.getTotalAttributeCount()).isEqualTo(5);
	}

	@Test
	void micrometerSpanDataCountsItsAttributesFromTheOnesRead() {
		SpanData micrometer = OtelFinishedSpan.toOtel(OtelFinishedSpan.fromOtel(finishedSpan(SpanLimits.getDefault())));
		SpanData once = AttributesOnceSpanData.of(micrometer);
		assertThat(once.getAttributes()).isEqualTo(micrometer.getAttributes());
		assertThat(once.getTotalAttributeCount()).isEqualTo(micrometer.getTotalAttributeCount()).isEqualTo(5);
		assertThat(once.getName()).isEqualTo(micrometer.getName());
		assertThat(once.getSpanContext()).isEqualTo(micrometer.getSpanContext());
	}

	@Test
	void aFailingExporterFailsAsItWouldWithoutTheWrapper() {
		SpanExporter failing = new SpanExporter() {

			@Override
			public CompletableResultCode export(Collection<SpanData> spans) {
				return CompletableResultCode.ofFailure();
			}

			@Override
			public CompletableResultCode flush() {
				return CompletableResultCode.ofSuccess();
			}

			@Override
			public CompletableResultCode shutdown() {
				return CompletableResultCode.ofSuccess();
			}

		};
		SpanExporter exporter = new AttributesOnceSpanExporter(failing);
		assertThat(exporter.export(List.of(finishedSpan(SpanLimits.getDefault()))).isSuccess()).isFalse();
	}

	private static SpanData finishedSpan(SpanLimits limits) {
		InMemorySpanExporter memory = InMemorySpanExporter.create();
		try (SdkTracerProvider provider = SdkTracerProvider.builder()
			.setSpanLimits(limits)
			.addSpanProcessor(SimpleSpanProcessor.create(memory))
			.build()) {
			provider.get("test")
				.spanBuilder("invoke_agent weather")
				.setAllAttributes(Attributes.builder()
					.put("gen_ai.operation.name", "invoke_agent")
					.put("gen_ai.agent.name", "weather")
					.put("gen_ai.provider.name", "openai")
					.put(AttributeKey.longKey("gen_ai.usage.input_tokens"), 12L)
					.put("gen_ai.conversation.id", "c-1")
					.build())
				.startSpan()
				.end();
			// closing the provider empties the in-memory exporter
			return memory.getFinishedSpanItems().get(0);
		}
	}

	/**
	 * A span that counts how often its attributes are read.
	 */
	private static final class CountingSpanData extends DelegatingSpanData {

		private final AtomicInteger attributeReads = new AtomicInteger();

		private CountingSpanData(SpanData delegate) {
			super(delegate);
		}

		@Override
		public Attributes getAttributes() {
			this.attributeReads.incrementAndGet();
			return super.getAttributes();
		}

	}

}
