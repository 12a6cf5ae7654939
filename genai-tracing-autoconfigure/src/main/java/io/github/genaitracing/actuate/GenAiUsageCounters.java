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

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

import io.github.genaitracing.spi.Cost;

/**
 * Counts GenAI spans, errors, tokens and cost per agent and per model since the application
 * started. Each side keeps at most {@code maxKeys} names; further names count under
 * {@value #OTHER}.
 *
 * @since 0.1.0
 */
public final class GenAiUsageCounters {

	/** The name under which names past the bound are counted. */
	public static final String OTHER = "_other";

	private static final int MAX_CURRENCIES = 8;

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
		agent(agent, error, inputTokens, outputTokens, null);
	}

	/**
	 * Counts a span of an agent, with the cost of its run.
	 * @param agent the agent name
	 * @param error whether the span failed
	 * @param inputTokens its input tokens
	 * @param outputTokens its output tokens
	 * @param cost what its run cost, or {@code null} when unknown
	 */
	public void agent(String agent, boolean error, long inputTokens, long outputTokens, @Nullable Cost cost) {
		counter(this.agents, agent).add(error, inputTokens, outputTokens, cost);
	}

	/**
	 * Counts a span of a model call.
	 * @param model the model name
	 * @param error whether the span failed
	 * @param inputTokens its input tokens
	 * @param outputTokens its output tokens
	 */
	public void model(String model, boolean error, long inputTokens, long outputTokens) {
		model(model, error, inputTokens, outputTokens, null);
	}

	/**
	 * Counts a span of a model call, with its cost.
	 * @param model the model name
	 * @param error whether the span failed
	 * @param inputTokens its input tokens
	 * @param outputTokens its output tokens
	 * @param cost what it cost, or {@code null} when its model is not priced
	 */
	public void model(String model, boolean error, long inputTokens, long outputTokens, @Nullable Cost cost) {
		counter(this.models, model).add(error, inputTokens, outputTokens, cost);
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

		private final Map<String, BigDecimal> cost = new TreeMap<>();

		void add(boolean error, long input, long output, @Nullable Cost cost) {
			this.spans.increment();
			if (error) {
				this.errors.increment();
			}
			this.inputTokens.add(input);
			this.outputTokens.add(output);
			if (cost != null) {
				synchronized (this.cost) {
					if (this.cost.size() < MAX_CURRENCIES || this.cost.containsKey(cost.currency())) {
						this.cost.merge(cost.currency(), cost.amount(), BigDecimal::add);
					}
				}
			}
		}

		Counts counts() {
			Map<String, Double> cost = new TreeMap<>();
			synchronized (this.cost) {
				this.cost.forEach((currency, amount) -> cost.put(currency, amount.doubleValue()));
			}
			return new Counts(this.spans.sum(), this.errors.sum(), this.inputTokens.sum(), this.outputTokens.sum(),
					cost);
		}

	}

	/**
	 * Counts of one agent or model.
	 *
	 * @param spans the spans
	 * @param errors the spans with status ERROR
	 * @param inputTokens the input tokens
	 * @param outputTokens the output tokens
	 * @param cost the cost of the priced ones, by currency
	 */
	public record Counts(long spans, long errors, long inputTokens, long outputTokens, Map<String, Double> cost) {
	}

}
