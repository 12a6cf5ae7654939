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

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A GenAI span as the recent-trace ring keeps it.
 *
 * @param traceId the trace id
 * @param spanId the span id
 * @param parentSpanId the id of the nearest recorded GenAI ancestor, or {@code null} for
 * a root of the GenAI tree
 * @param remoteParentSpanId for a root of the GenAI tree that has a parent, the id of the
 * nearest ancestor known here (a span of another process, or a non-GenAI span), so that a
 * view merging several processes can place it; otherwise {@code null}
 * @param name the span name
 * @param kind the span kind ({@code INTERNAL}, {@code CLIENT}…)
 * @param startEpochMicros the start time, in microseconds since the epoch
 * @param durationMicros the duration, in microseconds
 * @param status the status code ({@code UNSET}, {@code OK}, {@code ERROR})
 * @param statusDescription the status description, if any
 * @param service the {@code service.name} of the process that made the span, if known
 * @param attributes the span's attributes by key
 * @since 0.1.0
 */
public record RecordedSpan(String traceId, String spanId, @Nullable String parentSpanId,
		@Nullable String remoteParentSpanId, String name, String kind, long startEpochMicros, long durationMicros,
		String status, @Nullable String statusDescription, @Nullable String service, Map<String, Object> attributes) {

	/**
	 * Appended to an attribute value the ring cut.
	 */
	public static final String TRUNCATION_MARKER = "…[truncated]";

	RecordedSpan withParent(@Nullable String parent, @Nullable String remoteParent) {
		return new RecordedSpan(this.traceId, this.spanId, parent, remoteParent, this.name, this.kind,
				this.startEpochMicros, this.durationMicros, this.status, this.statusDescription, this.service,
				this.attributes);
	}

	/**
	 * Returns a copy whose string attribute values (and string list elements) are cut to
	 * the given length.
	 * @param maxValueLength the most characters of one value
	 * @return this span, or a bounded copy
	 */
	RecordedSpan bounded(int maxValueLength) {
		Map<String, Object> bounded = null;
		for (Map.Entry<String, Object> attribute : this.attributes.entrySet()) {
			Object value = attribute.getValue();
			Object cut = cut(value, maxValueLength);
			if (cut != value) {
				if (bounded == null) {
					bounded = new java.util.TreeMap<>(this.attributes);
				}
				bounded.put(attribute.getKey(), cut);
			}
		}
		if (bounded == null) {
			return this;
		}
		return new RecordedSpan(this.traceId, this.spanId, this.parentSpanId, this.remoteParentSpanId, this.name,
				this.kind, this.startEpochMicros, this.durationMicros, this.status, this.statusDescription, this.service,
				bounded);
	}

	private static Object cut(Object value, int maxValueLength) {
		if (value instanceof String string && string.length() > maxValueLength) {
			int keep = maxValueLength;
			if (keep > 0 && Character.isHighSurrogate(string.charAt(keep - 1))) {
				keep--;
			}
			return string.substring(0, keep) + TRUNCATION_MARKER;
		}
		if (value instanceof java.util.List<?> list) {
			java.util.List<Object> copy = null;
			for (int i = 0; i < list.size(); i++) {
				Object element = list.get(i);
				Object cutElement = cut(element, maxValueLength);
				if (cutElement != element && copy == null) {
					copy = new java.util.ArrayList<>(list);
				}
				if (copy != null) {
					copy.set(i, cutElement);
				}
			}
			return (copy != null) ? java.util.List.copyOf(copy) : value;
		}
		return value;
	}

	/**
	 * Returns an estimate of the heap this span takes, in bytes: object headers, two
	 * bytes per character, an entry per attribute.
	 * @return the estimated size
	 */
	long estimatedBytes() {
		long bytes = 96 + stringBytes(this.traceId) + stringBytes(this.spanId) + stringBytes(this.parentSpanId)
				+ stringBytes(this.remoteParentSpanId) + stringBytes(this.name) + stringBytes(this.statusDescription)
				+ stringBytes(this.service) + 48;
		for (Map.Entry<String, Object> attribute : this.attributes.entrySet()) {
			bytes += 40 + stringBytes(attribute.getKey()) + valueBytes(attribute.getValue());
		}
		return bytes;
	}

	private static long valueBytes(@Nullable Object value) {
		if (value instanceof String string) {
			return stringBytes(string);
		}
		if (value instanceof java.util.List<?> list) {
			long bytes = 40 + 8L * list.size();
			for (Object element : list) {
				bytes += valueBytes(element);
			}
			return bytes;
		}
		return 24;
	}

	static long stringBytes(@Nullable String value) {
		return (value != null) ? 40 + 2L * value.length() : 0;
	}

	boolean isError() {
		return "ERROR".equals(this.status);
	}

}
