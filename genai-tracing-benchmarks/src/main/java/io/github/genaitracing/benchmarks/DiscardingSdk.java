package io.github.genaitracing.benchmarks;

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
