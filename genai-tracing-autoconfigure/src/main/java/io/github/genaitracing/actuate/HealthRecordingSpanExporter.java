package io.github.genaitracing.actuate;

import java.util.Collection;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * A span exporter that delegates and tells {@link ExporterHealth} how each export ended.
 *
 * @since 0.1.0
 */
public final class HealthRecordingSpanExporter implements SpanExporter {

	private final SpanExporter delegate;

	private final ExporterHealth health;

	private final String name;

	/**
	 * Wraps an exporter.
	 * @param delegate the exporter
	 * @param health where outcomes go
	 */
	public HealthRecordingSpanExporter(SpanExporter delegate, ExporterHealth health) {
		this.delegate = delegate;
		this.health = health;
		this.name = delegate.getClass().getSimpleName();
	}

	@Override
	public CompletableResultCode export(Collection<SpanData> spans) {
		CompletableResultCode result = this.delegate.export(spans);
		int count = spans.size();
		result.whenComplete(() -> this.health.record(this.name, count, result.isSuccess()));
		return result;
	}

	@Override
	public CompletableResultCode flush() {
		return this.delegate.flush();
	}

	@Override
	public CompletableResultCode shutdown() {
		return this.delegate.shutdown();
	}

	@Override
	public String toString() {
		return this.delegate.toString();
	}

}
