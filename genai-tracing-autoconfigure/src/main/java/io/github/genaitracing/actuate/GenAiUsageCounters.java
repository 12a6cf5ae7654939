package io.github.genaitracing.actuate;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts GenAI spans, errors and tokens per agent and per model since the application
 * started. Each side keeps at most {@code maxKeys} names; further names count under
 * {@value #OTHER}.
 *
 * @since 0.1.0
 */
public final class GenAiUsageCounters {

	/** The name under which names past the bound are counted. */
	public static final String OTHER = "_other";

	private final int maxKeys;

	private final Map<String, Counter> agents = new ConcurrentHashMap<>();

	private final Map<String, Counter> models = new ConcurrentHashMap<>();

	/**
	 * Creates counters.
	 * @param maxKeys the most agent (and model) names counted separately
	 */
	public GenAiUsageCounters(int maxKeys) {
		this.maxKeys = maxKeys;
	}

	/**
	 * Counts a span of an agent.
	 * @param agent the agent name
	 * @param error whether the span failed
	 * @param inputTokens its input tokens
	 * @param outputTokens its output tokens
	 */
	public void agent(String agent, boolean error, long inputTokens, long outputTokens) {
		counter(this.agents, agent).add(error, inputTokens, outputTokens);
	}

	/**
	 * Counts a span of a model call.
	 * @param model the model name
	 * @param error whether the span failed
	 * @param inputTokens its input tokens
	 * @param outputTokens its output tokens
	 */
	public void model(String model, boolean error, long inputTokens, long outputTokens) {
		counter(this.models, model).add(error, inputTokens, outputTokens);
	}

	/**
	 * Returns the counts per agent, by name.
	 * @return the counts
	 */
	public Map<String, Counts> agents() {
		return snapshot(this.agents);
	}

	/**
	 * Returns the counts per model, by name.
	 * @return the counts
	 */
	public Map<String, Counts> models() {
		return snapshot(this.models);
	}

	private Counter counter(Map<String, Counter> counters, String name) {
		Counter counter = counters.get(name);
		if (counter != null) {
			return counter;
		}
		String key = (counters.size() < this.maxKeys) ? name : OTHER;
		return counters.computeIfAbsent(key, (k) -> new Counter());
	}

	private static Map<String, Counts> snapshot(Map<String, Counter> counters) {
		Map<String, Counts> snapshot = new TreeMap<>();
		counters.forEach((name, counter) -> snapshot.put(name, counter.counts()));
		return snapshot;
	}

	private static final class Counter {

		private final LongAdder spans = new LongAdder();

		private final LongAdder errors = new LongAdder();

		private final LongAdder inputTokens = new LongAdder();

		private final LongAdder outputTokens = new LongAdder();

		void add(boolean error, long input, long output) {
			this.spans.increment();
			if (error) {
				this.errors.increment();
			}
			this.inputTokens.add(input);
			this.outputTokens.add(output);
		}

		Counts counts() {
			return new Counts(this.spans.sum(), this.errors.sum(), this.inputTokens.sum(), this.outputTokens.sum());
		}

	}

	/**
	 * Counts of one agent or model.
	 *
	 * @param spans the spans
	 * @param errors the spans with status ERROR
	 * @param inputTokens the input tokens
	 * @param outputTokens the output tokens
	 */
	public record Counts(long spans, long errors, long inputTokens, long outputTokens) {
	}

}
