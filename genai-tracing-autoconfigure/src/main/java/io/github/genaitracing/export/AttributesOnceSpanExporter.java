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

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import io.github.genaitracing.core.FailSafe;

/**
 * A span exporter that hands its delegate spans whose attributes are read once.
 * <p>
 * Micrometer Tracing's export bridge, which Spring Boot puts between the batch span
 * processor and every exporter, gives exporters a span whose attributes are rebuilt and
 * sorted each time they are read; the OTLP exporter reads them four times per span (the
 * message size, the dropped-attribute count, then the same two while writing). Each
 * attribute of a span then costs its export four times. This exporter reads them once
 * per span and passes the same values on; the OpenTelemetry SDK's own spans, which hold
 * their attributes built, it passes on as they are.
 *
 * @since 0.2.0
 */
public final class AttributesOnceSpanExporter implements SpanExporter {

	private final SpanExporter delegate;

	/**
	 * Wraps an exporter.
	 * @param delegate the exporter that sends the spans
	 */
	public AttributesOnceSpanExporter(SpanExporter delegate) {
		this.delegate = delegate;
	}

	/**
	 * Returns the exporter this one hands the spans to.
	 * @return the delegate
	 */
	public SpanExporter delegate() {
		return this.delegate;
	}

	@Override
	public CompletableResultCode export(Collection<SpanData> spans) {
		return this.delegate.export(readOnce(spans));
	}

	private static Collection<SpanData> readOnce(Collection<SpanData> spans) {
		try {
			List<SpanData> once = new ArrayList<>(spans.size());
			for (SpanData span : spans) {
				once.add(AttributesOnceSpanData.of(span));
			}
			return once;
		}
		catch (RuntimeException ex) {
			// the spans go out as they came
			FailSafe.failed(AttributesOnceSpanExporter.class, ex);
			return spans;
		}
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
	public void close() {
		this.delegate.close();
	}

	@Override
	public String toString() {
		return "AttributesOnceSpanExporter{" + this.delegate + "}";
	}

}
