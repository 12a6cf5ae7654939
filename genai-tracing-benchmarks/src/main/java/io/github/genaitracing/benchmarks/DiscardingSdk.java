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

package io.github.genaitracing.benchmarks;

import java.util.logging.Level;
import java.util.logging.Logger;

import java.util.Collection;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * The OpenTelemetry SDK of the benchmarks: a batch span processor, as Spring Boot
 * configures it, in front of an exporter that discards what it is given, so that every
 * arm pays for recording and queueing its spans and none pays for the network.
 */
final class DiscardingSdk {

	/**
	 * The batch processor's logger, silenced: a measurement thread makes spans faster than
	 * any worker drains them, so the processor drops some (as it would in an application
	 * under that load) and would write a warning into the measurement at every batch. Held
	 * here so that the setting is not lost with a collected logger.
	 */
	private static final Logger BATCH_LOGGER = Logger.getLogger(BatchSpanProcessor.class.getName());

	static {
		BATCH_LOGGER.setLevel(Level.OFF);
	}

	private DiscardingSdk() {
	}

	static OpenTelemetrySdk create() {
		return OpenTelemetrySdk.builder()
			.setTracerProvider(SdkTracerProvider.builder()
				.addSpanProcessor(BatchSpanProcessor.builder(new DiscardingExporter()).build())
				.build())
			.build();
	}

	private static final class DiscardingExporter implements SpanExporter {

		@Override
		public CompletableResultCode export(Collection<SpanData> spans) {
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode flush() {
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode shutdown() {
			return CompletableResultCode.ofSuccess();
		}

	}

}
