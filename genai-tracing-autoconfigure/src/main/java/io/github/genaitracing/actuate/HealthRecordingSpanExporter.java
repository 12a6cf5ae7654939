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

package io.github.genaitracing.actuate;

import java.util.Collection;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import io.github.genaitracing.core.FailSafe;

/**
 * A span exporter that delegates and tells {@link ExporterHealth} how each export ended.
 * Whatever the exporter throws (an {@link Error} other than a fatal
 * {@link VirtualMachineError} included) is an export that failed: it is recorded, logged
 * through {@link FailSafe} (one WARN per exporter, rate-limited) and returned as a failed
 * result, never thrown at the span processor's thread.
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
		int count = spans.size();
		CompletableResultCode result;
		try {
			result = this.delegate.export(spans);
		}
		catch (Throwable ex) {
			FailSafe.failed(this.delegate, ex);
			this.health.record(this.name, count, false);
			return CompletableResultCode.ofFailure();
		}
		result.whenComplete(() -> this.health.record(this.name, count, result.isSuccess()));
		return result;
	}

	@Override
	public CompletableResultCode flush() {
		try {
			return this.delegate.flush();
		}
		catch (Throwable ex) {
			FailSafe.failed(this.delegate, ex);
			return CompletableResultCode.ofFailure();
		}
	}

	@Override
	public CompletableResultCode shutdown() {
		try {
			return this.delegate.shutdown();
		}
		catch (Throwable ex) {
			FailSafe.failed(this.delegate, ex);
			return CompletableResultCode.ofFailure();
		}
	}

	@Override
	public String toString() {
		return this.delegate.toString();
	}

}
