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

	RecordedSpan withParent(@Nullable String parent, @Nullable String remoteParent) {
		return new RecordedSpan(this.traceId, this.spanId, parent, remoteParent, this.name, this.kind,
				this.startEpochMicros, this.durationMicros, this.status, this.statusDescription, this.service,
				this.attributes);
	}

	boolean isError() {
		return "ERROR".equals(this.status);
	}

}
