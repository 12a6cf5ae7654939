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

import java.util.List;

import io.micrometer.tracing.exporter.SpanExportingPredicate;
import io.micrometer.tracing.exporter.SpanFilter;
import io.micrometer.tracing.exporter.SpanReporter;
import io.micrometer.tracing.otel.bridge.CompositeSpanExporter;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessorBuilder;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingProperties;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;
import org.springframework.boot.opentelemetry.autoconfigure.ConditionalOnEnabledOpenTelemetry;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the batch span processor that
 * hands finished spans to Spring Boot's span exporters
 * ({@code genai.tracing.export.direct}). It is the processor Spring Boot would make, with
 * the same {@code management.opentelemetry.tracing.export.*} settings, exporters and
 * meter provider, except that when no Micrometer {@link SpanExportingPredicate},
 * {@link SpanReporter} or {@link SpanFilter} is defined the spans go to the exporters as
 * they are: Micrometer Tracing's {@link CompositeSpanExporter} copies every span's
 * attributes into a map and builds them again for the exporters, only to apply those
 * beans. With any of them defined, that exporter is used, as Spring Boot does.
 *
 * @since 0.2.0
 */
@AutoConfiguration(
		beforeName = "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration")
@ConditionalOnClass(name = { "io.micrometer.tracing.otel.bridge.CompositeSpanExporter",
		"io.opentelemetry.sdk.trace.SdkTracerProvider",
		"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters" })
@ConditionalOnBooleanProperty(name = GenAiTracingProperties.PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = GenAiTracingProperties.PREFIX + ".export.direct", matchIfMissing = true)
@EnableConfigurationProperties(OpenTelemetryTracingProperties.class)
public final class GenAiSpanExportAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnEnabledOpenTelemetry
	BatchSpanProcessor genAiBatchSpanProcessor(SpanExporters spanExporters,
			ObjectProvider<SpanExportingPredicate> predicates, ObjectProvider<SpanReporter> reporters,
			ObjectProvider<SpanFilter> filters, ObjectProvider<MeterProvider> meterProvider,
			OpenTelemetryTracingProperties properties) {
		OpenTelemetryTracingProperties.Export export = properties.getExport();
		BatchSpanProcessorBuilder builder = BatchSpanProcessor
			.builder(exporter(spanExporters.list(), predicates.orderedStream().toList(),
					reporters.orderedStream().toList(), filters.orderedStream().toList()))
			.setExportUnsampledSpans(export.isIncludeUnsampled())
			.setExporterTimeout(export.getTimeout())
			.setMaxExportBatchSize(export.getMaxBatchSize())
			.setMaxQueueSize(export.getMaxQueueSize())
			.setScheduleDelay(export.getScheduleDelay());
		meterProvider.ifAvailable(builder::setMeterProvider);
		return builder.build();
	}

	/**
	 * The exporter the processor hands spans to: Spring Boot's exporters themselves, or,
	 * when a Micrometer predicate, reporter or filter must see the spans, Micrometer's
	 * composite exporter.
	 */
	static SpanExporter exporter(List<SpanExporter> exporters, List<SpanExportingPredicate> predicates,
			List<SpanReporter> reporters, List<SpanFilter> filters) {
		if (predicates.isEmpty() && reporters.isEmpty() && filters.isEmpty()) {
			return SpanExporter.composite(exporters);
		}
		return new CompositeSpanExporter(exporters, predicates, reporters, filters);
	}

}
