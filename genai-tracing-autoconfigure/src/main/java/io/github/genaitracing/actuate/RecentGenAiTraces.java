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
 * with at most {@code maxSpansPerTrace} GenAI spans; the oldest trace leaves first. Spans
 * that are not GenAI spans (an HTTP server span between two agents) are remembered only
 * as parent links, so that the tree of GenAI spans can skip them.
 *
 * @since 0.1.0
 */
public final class RecentGenAiTraces {

	private static final int MAX_AGENT_NAMES = 20;

	private final int maxTraces;

	private final int maxSpansPerTrace;

	private final LinkedHashMap<String, Entry> traces = new LinkedHashMap<>(16, 0.75f, false);

	/**
	 * Creates a ring.
	 * @param maxTraces the most traces kept; 0 keeps none
	 * @param maxSpansPerTrace the most GenAI spans kept per trace
	 */
	public RecentGenAiTraces(int maxTraces, int maxSpansPerTrace) {
		this.maxTraces = Math.max(0, maxTraces);
		this.maxSpansPerTrace = Math.max(1, maxSpansPerTrace);
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
	 * Records an ended GenAI span.
	 * @param span the span
	 */
	public synchronized void add(RecordedSpan span) {
		if (this.maxTraces == 0) {
			return;
		}
		Entry entry = this.traces.get(span.traceId());
		if (entry == null) {
			entry = new Entry();
			this.traces.put(span.traceId(), entry);
			while (this.traces.size() > this.maxTraces) {
				String oldest = this.traces.keySet().iterator().next();
				this.traces.remove(oldest);
			}
		}
		if (entry.spans.size() < this.maxSpansPerTrace) {
			entry.spans.add(span);
		}
		else {
			entry.dropped++;
		}
	}

	/**
	 * Records the parent of an ended span that is not a GenAI span, when its trace is kept.
	 * @param traceId the trace id
	 * @param spanId the span id
	 * @param parentSpanId the parent span id, or {@code null}
	 */
	public synchronized void addLink(String traceId, String spanId, @Nullable String parentSpanId) {
		Entry entry = this.traces.get(traceId);
		if (entry != null && parentSpanId != null && entry.links.size() < this.maxSpansPerTrace) {
			entry.links.put(spanId, parentSpanId);
		}
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
