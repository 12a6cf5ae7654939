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

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import io.github.genaitracing.semconv.GenAiAttributes;

/**
 * A bounded ring of the most recent GenAI traces: at most {@code maxTraces} traces, each
 * with at most {@code maxSpansPerTrace} GenAI spans, all of them together within
 * {@code maxBytes} (an estimate of the heap they take), each attribute value cut to
 * {@code maxAttributeLength} characters; the oldest trace leaves first. Spans
 * that are not GenAI spans (an HTTP server span between two agents) are remembered only
 * as parent links, so that the tree of GenAI spans can skip them.
 *
 * @since 0.1.0
 */
public final class RecentGenAiTraces {

	private static final int MAX_AGENT_NAMES = 20;

	private final int maxTraces;

	private final int maxSpansPerTrace;

	/** Estimated bytes of a parent link. */
	private static final long LINK_BYTES = 2 * RecordedSpan.stringBytes("0123456789abcdef") + 40;

	/** Estimated bytes of an empty trace entry, its id included. */
	private static final long ENTRY_BYTES = 160 + RecordedSpan.stringBytes("0123456789abcdef0123456789abcdef");

	/** Default of {@code maxBytes}: 16 MiB. */
	public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;

	/** Default of {@code maxAttributeLength}. */
	public static final int DEFAULT_MAX_ATTRIBUTE_LENGTH = 8192;

	private final long maxBytes;

	private final int maxAttributeLength;

	private final LinkedHashMap<String, Entry> traces = new LinkedHashMap<>(16, 0.75f, false);

	private long bytes;

	private long spans;

	private long evictedTraces;

	private long droppedSpans;

	/**
	 * Creates a ring within {@link #DEFAULT_MAX_BYTES} and
	 * {@link #DEFAULT_MAX_ATTRIBUTE_LENGTH}.
	 * @param maxTraces the most traces kept; 0 keeps none
	 * @param maxSpansPerTrace the most GenAI spans kept per trace
	 */
	public RecentGenAiTraces(int maxTraces, int maxSpansPerTrace) {
		this(maxTraces, maxSpansPerTrace, DEFAULT_MAX_BYTES, DEFAULT_MAX_ATTRIBUTE_LENGTH);
	}

	/**
	 * Creates a ring.
	 * @param maxTraces the most traces kept; 0 keeps none
	 * @param maxSpansPerTrace the most GenAI spans kept per trace
	 * @param maxBytes the most heap, estimated, all kept traces take
	 * @param maxAttributeLength the most characters of one kept attribute value
	 */
	public RecentGenAiTraces(int maxTraces, int maxSpansPerTrace, long maxBytes, int maxAttributeLength) {
		this.maxTraces = Math.max(0, maxTraces);
		this.maxSpansPerTrace = Math.max(1, maxSpansPerTrace);
		this.maxBytes = Math.max(0, maxBytes);
		this.maxAttributeLength = Math.max(0, maxAttributeLength);
	}

	/**
	 * Returns whether the ring keeps anything.
	 * @return whether traces are kept
	 */
	public boolean isEnabled() {
		return this.maxTraces > 0;
	}

	/**
	 * Returns the most traces kept.
	 * @return the capacity
	 */
	public int capacity() {
		return this.maxTraces;
	}

	/**
	 * Records an ended GenAI span; when the ring would take more than its bytes, the
	 * oldest traces leave, and a span that does not fit even then is dropped.
	 * @param span the span
	 */
	public synchronized void add(RecordedSpan span) {
		if (this.maxTraces == 0) {
			return;
		}
		RecordedSpan bounded = span.bounded(this.maxAttributeLength);
		long size = bounded.estimatedBytes();
		Entry entry = this.traces.get(bounded.traceId());
		if (entry == null) {
			if (size + ENTRY_BYTES > this.maxBytes) {
				this.droppedSpans++;
				return;
			}
			entry = new Entry();
			this.traces.put(bounded.traceId(), entry);
			entry.bytes = ENTRY_BYTES;
			this.bytes += ENTRY_BYTES;
			while (this.traces.size() > this.maxTraces) {
				evictOldest();
			}
		}
		if (entry.spans.size() >= this.maxSpansPerTrace || !makeRoom(size, entry)) {
			entry.dropped++;
			this.droppedSpans++;
			return;
		}
		entry.spans.add(bounded);
		entry.bytes += size;
		this.bytes += size;
		this.spans++;
	}

	/**
	 * Records the parent of an ended span that is not a GenAI span, when its trace is kept.
	 * @param traceId the trace id
	 * @param spanId the span id
	 * @param parentSpanId the parent span id, or {@code null}
	 */
	public synchronized void addLink(String traceId, String spanId, @Nullable String parentSpanId) {
		Entry entry = this.traces.get(traceId);
		if (entry != null && parentSpanId != null && entry.links.size() < this.maxSpansPerTrace
				&& makeRoom(LINK_BYTES, entry)) {
			if (entry.links.put(spanId, parentSpanId) == null) {
				entry.bytes += LINK_BYTES;
				this.bytes += LINK_BYTES;
			}
		}
	}

	/**
	 * Evicts the oldest traces other than the given one until the given bytes fit.
	 * @return whether they fit
	 */
	private boolean makeRoom(long size, Entry keep) {
		while (this.bytes + size > this.maxBytes) {
			Map.Entry<String, Entry> oldest = null;
			for (Map.Entry<String, Entry> candidate : this.traces.entrySet()) {
				if (candidate.getValue() != keep) {
					oldest = candidate;
					break;
				}
			}
			if (oldest == null) {
				return false;
			}
			remove(oldest.getKey());
		}
		return true;
	}

	private void evictOldest() {
		remove(this.traces.keySet().iterator().next());
	}

	private void remove(String traceId) {
		Entry removed = this.traces.remove(traceId);
		if (removed != null) {
			this.bytes -= removed.bytes;
			this.spans -= removed.spans.size();
			this.evictedTraces++;
		}
	}

	/**
	 * Returns what the ring holds and what it let go.
	 * @return the usage
	 */
	public synchronized Usage usage() {
		return new Usage(this.traces.size(), this.maxTraces, this.spans, this.bytes, this.maxBytes,
				this.maxAttributeLength, this.evictedTraces, this.droppedSpans);
	}

	/**
	 * Returns a summary of each kept trace, newest first.
	 * @return the summaries
	 */
	public synchronized List<TraceSummary> summaries() {
		List<TraceSummary> summaries = new ArrayList<>(this.traces.size());
		this.traces.forEach((traceId, entry) -> summaries.add(summary(traceId, entry)));
		summaries.sort(Comparator.comparing(TraceSummary::start).reversed());
		return summaries;
	}

	/**
	 * Returns the GenAI spans of a kept trace, each with its nearest GenAI ancestor as
	 * parent, in start order.
	 * @param traceId the trace id
	 * @return the trace, or {@code null} when it is not kept
	 */
	public synchronized @Nullable Trace trace(String traceId) {
		Entry entry = this.traces.get(traceId);
		if (entry == null) {
			return null;
		}
		return new Trace(summary(traceId, entry), tree(entry), Map.copyOf(entry.links));
	}

	private static List<RecordedSpan> tree(Entry entry) {
		Set<String> ids = new HashSet<>();
		entry.spans.forEach((span) -> ids.add(span.spanId()));
		List<RecordedSpan> spans = new ArrayList<>(entry.spans.size());
		for (RecordedSpan span : entry.spans) {
			String parent = span.parentSpanId();
			String furthest = parent;
			int hops = 0;
			while (parent != null && !ids.contains(parent) && hops++ <= entry.links.size()) {
				furthest = parent;
				parent = entry.links.get(parent);
			}
			boolean local = parent != null && ids.contains(parent);
			spans.add(span.withParent(local ? parent : null, local ? null : furthest));
		}
		spans.sort(Comparator.comparingLong(RecordedSpan::startEpochMicros));
		return spans;
	}

	private static TraceSummary summary(String traceId, Entry entry) {
		long start = Long.MAX_VALUE;
		long end = Long.MIN_VALUE;
		boolean error = false;
		long inputTokens = 0;
		long outputTokens = 0;
		String conversationId = null;
		RecordedSpan root = null;
		Set<String> agents = new TreeSet<>();
		for (RecordedSpan span : entry.spans) {
			if (span.attributes().get(GenAiAttributes.AGENT_NAME.getKey()) instanceof String agent
					&& agents.size() < MAX_AGENT_NAMES) {
				agents.add(agent);
			}
			start = Math.min(start, span.startEpochMicros());
			end = Math.max(end, span.startEpochMicros() + span.durationMicros());
			error |= span.isError();
			if (!GenAiAttributes.OperationName.INVOKE_AGENT
				.equals(span.attributes().get(GenAiAttributes.OPERATION_NAME.getKey()))) {
				// agent spans carry the sums of their descendants
				inputTokens += number(span.attributes().get(GenAiAttributes.USAGE_INPUT_TOKENS.getKey()));
				outputTokens += number(span.attributes().get(GenAiAttributes.USAGE_OUTPUT_TOKENS.getKey()));
			}
			if (conversationId == null && span.attributes().get(GenAiAttributes.CONVERSATION_ID.getKey()) instanceof String id) {
				conversationId = id;
			}
			if (root == null || span.startEpochMicros() < root.startEpochMicros()) {
				root = span;
			}
		}
		return new TraceSummary(traceId, (root != null) ? root.name() : "", Instant.ofEpochSecond(0, start * 1000),
				end - start, entry.spans.size(), entry.dropped, error, conversationId, List.copyOf(agents), inputTokens,
				outputTokens);
	}

	private static long number(@Nullable Object value) {
		return (value instanceof Number number) ? number.longValue() : 0;
	}

	private static final class Entry {

		private final List<RecordedSpan> spans = new ArrayList<>();

		private final Map<String, String> links = new HashMap<>();

		private int dropped;

		private long bytes;

	}

	/**
	 * What the ring holds, and what it let go, since it was created.
	 *
	 * @param traces the traces kept
	 * @param maxTraces the most traces kept
	 * @param spans the GenAI spans kept
	 * @param bytes the estimated heap the kept traces take
	 * @param maxBytes the most estimated heap they may take
	 * @param maxAttributeLength the most characters of one kept attribute value
	 * @param evictedTraces traces that left to make room
	 * @param droppedSpans spans not kept: over the per-trace bound or the bytes
	 */
	public record Usage(int traces, int maxTraces, long spans, long bytes, long maxBytes, int maxAttributeLength,
			long evictedTraces, long droppedSpans) {
	}

	/**
	 * One kept trace in short.
	 *
	 * @param traceId the trace id
	 * @param name the name of its earliest GenAI span
	 * @param start when its earliest GenAI span started
	 * @param durationMicros from the first start to the last end, in microseconds
	 * @param spans how many GenAI spans are kept
	 * @param droppedSpans how many GenAI spans were over the per-trace bound
	 * @param error whether a span has status ERROR
	 * @param conversationId the first conversation id seen, if any
	 * @param agents the agent names of its agent spans (at most 20)
	 * @param inputTokens the input tokens of its model spans
	 * @param outputTokens the output tokens of its model spans
	 */
	public record TraceSummary(String traceId, String name, Instant start, long durationMicros, int spans,
			int droppedSpans, boolean error, @Nullable String conversationId, List<String> agents, long inputTokens,
			long outputTokens) {
	}

	/**
	 * One kept trace in full.
	 *
	 * @param summary the summary
	 * @param spans its GenAI spans, in start order
	 * @param links the parent of each non-GenAI span of the trace seen here (by span id),
	 * for a view that merges the spans of several processes
	 */
	public record Trace(TraceSummary summary, List<RecordedSpan> spans, Map<String, String> links) {
	}

}
