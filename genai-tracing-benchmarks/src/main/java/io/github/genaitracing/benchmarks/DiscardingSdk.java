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

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.internal.otlp.traces.LowAllocationTraceRequestMarshaler;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * The OpenTelemetry SDKs of the benchmarks, each exporting nothing: {@link #create()} a
 * batch span processor, as Spring Boot configures it, in front of an exporter that
 * discards what it is given; {@link #snapshotting()} a processor that, on the thread that
 * ends each span, takes the {@link SpanData} an exporter would be given and discards it;
 * {@link #marshalling()} a processor that also marshals those spans as the OTLP exporter
 * does and discards the bytes.
 *
 * @since 0.1.0
 */
public final class DiscardingSdk {

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

	/**
	 * An SDK whose only span processor does the same bounded work for every span, on the
	 * thread that ends it: it takes the span's {@link SpanData} (the immutable copy every
	 * exporter is given) and drops it. Unlike the batch processor of {@link #create()}, it
	 * has no queue that a fast measurement thread fills and no worker thread whose timing
	 * decides how many spans are dropped (a dropped span costs less than an exported one),
	 * so two benchmark arms that record the same spans do the same processor work in every
	 * fork.
	 * @return the SDK
	 */
	static OpenTelemetrySdk snapshotting() {
		return OpenTelemetrySdk.builder()
			.setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(new SnapshotAndDiscard()).build())
			.build();
	}

	/**
	 * An SDK whose only span processor, on the thread that ends each span, takes its
	 * {@link SpanData} and marshals the spans in batches of 512 to OTLP protobuf with the
	 * OTLP exporter's low-allocation marshaller, discarding the bytes: the export's work
	 * per span and attribute, without a sender or a worker thread.
	 * @return the SDK
	 */
	public static OpenTelemetrySdk marshalling() {
		return OpenTelemetrySdk.builder()
			.setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(new MarshalAndDiscard()).build())
			.build();
	}

	/**
	 * A span processor told only of ended spans.
	 */
	private abstract static class EndOnly implements SpanProcessor {

		@Override
		public void onStart(Context parentContext, ReadWriteSpan span) {
		}

		@Override
		public boolean isStartRequired() {
			return false;
		}

		@Override
		public boolean isEndRequired() {
			return true;
		}

	}

	/**
	 * Takes the {@link SpanData} of every ended span and keeps only the last one, in a
	 * plain field, so that the copy escapes and is really made.
	 */
	private static final class SnapshotAndDiscard extends EndOnly {

		@SuppressWarnings("unused")
		private SpanData last;

		@Override
		public void onEnd(ReadableSpan span) {
			this.last = span.toSpanData();
		}

	}

	/**
	 * Marshals the ended spans in batches of 512 to OTLP protobuf and discards the bytes.
	 */
	private static final class MarshalAndDiscard extends EndOnly {

		private final List<SpanData> batch = new ArrayList<>(512);

		private final LowAllocationTraceRequestMarshaler marshaler = new LowAllocationTraceRequestMarshaler();

		@Override
		public void onEnd(ReadableSpan span) {
			this.batch.add(span.toSpanData());
			if (this.batch.size() == 512) {
				this.marshaler.initialize(this.batch);
				try {
					this.marshaler.writeBinaryTo(OutputStream.nullOutputStream());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				this.marshaler.reset();
				this.batch.clear();
			}
		}

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
