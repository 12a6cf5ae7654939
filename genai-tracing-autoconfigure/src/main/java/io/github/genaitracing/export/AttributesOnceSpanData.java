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

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.jspecify.annotations.Nullable;

/**
 * A finished span whose attributes are read from the span it wraps once, on first use.
 */
final class AttributesOnceSpanData extends DelegatingSpanData {

	/**
	 * Micrometer Tracing's span data after its span filters: it builds its attributes on
	 * every read and counts them as its total, dropped ones not remembered.
	 */
	private static final String MICROMETER_SPAN_DATA = "io.micrometer.tracing.otel.bridge.OtelFinishedSpan$MutableSpanData";

	/** The OpenTelemetry SDK's span data: its attributes are built once, when the span ends. */
	private static final String SDK_SPAN_DATA = "io.opentelemetry.sdk.trace.AutoValue_SpanWrapper";

	private final SpanData delegate;

	private final boolean totalIsSize;

	private @Nullable Attributes attributes;

	private AttributesOnceSpanData(SpanData delegate) {
		super(delegate);
		this.delegate = delegate;
		this.totalIsSize = MICROMETER_SPAN_DATA.equals(delegate.getClass().getName());
	}

	static SpanData of(SpanData span) {
		return (span instanceof AttributesOnceSpanData || storesAttributes(span)) ? span
				: new AttributesOnceSpanData(span);
	}

	/**
	 * Whether a span is the OpenTelemetry SDK's own span data, which holds its attributes
	 * already built (the span a batch processor hands its exporter directly).
	 */
	private static boolean storesAttributes(SpanData span) {
		return SDK_SPAN_DATA.equals(span.getClass().getName());
	}

	@Override
	public Attributes getAttributes() {
		Attributes read = this.attributes;
		if (read == null) {
			read = this.delegate.getAttributes();
			this.attributes = read;
		}
		return read;
	}

	@Override
	public int getTotalAttributeCount() {
		return this.totalIsSize ? getAttributes().size() : this.delegate.getTotalAttributeCount();
	}

}
