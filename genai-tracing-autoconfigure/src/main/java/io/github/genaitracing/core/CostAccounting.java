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

package io.github.genaitracing.core;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import io.github.genaitracing.cost.ModelPrices;
import io.github.genaitracing.spi.AgentInvocation;
import io.github.genaitracing.spi.Cost;
import io.github.genaitracing.spi.EmbeddingsCall;
import io.github.genaitracing.spi.GenAiOperation;
import io.github.genaitracing.spi.GenAiResponse;
import io.github.genaitracing.spi.ModelCall;
import io.github.genaitracing.spi.OperationRun;
import io.github.genaitracing.spi.RunTotals;
import io.github.genaitracing.spi.SpanVocabulary;
import io.github.genaitracing.spi.TokenUsage;

/**
 * Just before a span ends: prices a model call whose model is in the price table (through
 * the vocabularies' {@link SpanVocabulary#onCost}) and adds its usage and cost to every
 * agent run above it in this process that is still open; writes an agent run's sums
 * (through {@link SpanVocabulary#onRunTotals}). The agent runs above a call are found
 * through the context the call started in, so streams and work handed to other threads
 * count as long as they carry that context and end before the agent.
 *
 * @since 0.1.0
 */
public final class CostAccounting {

	/** Neither costs nor run totals. */
	public static final CostAccounting NONE = new CostAccounting(ModelPrices.empty(), false, false);

	/** The most an agent's span waits for the model calls below it, in milliseconds. */
	static final long DEFERRED_END_TIMEOUT_MILLIS = 5000;

	private final ModelPrices prices;

	private final boolean costs;

	private final boolean runTotals;

	/**
	 * Creates the accounting.
	 * @param prices the price table
	 * @param costs whether to price model calls
	 * @param runTotals whether agent runs carry the sums of the model calls below them
	 */
	public CostAccounting(ModelPrices prices, boolean costs, boolean runTotals) {
		this.prices = prices;
		this.costs = costs;
		this.runTotals = runTotals;
	}

	/**
	 * Returns whether the runs above a run must be known.
	 * @return whether agent runs sum what runs below them
	 */
	boolean tracksRuns() {
		return this.runTotals;
	}

	/**
	 * Returns the price table.
	 * @return the prices
	 */
	public ModelPrices prices() {
		return this.prices;
	}

	/**
	 * Runs a deferred end later, when the model calls it waits for do not end in time.
	 * @param end the end
	 */
	void scheduleDeferredEnd(Runnable end) {
		DeferredEnds.SCHEDULER.schedule(() -> FailSafe.run(this, end), DEFERRED_END_TIMEOUT_MILLIS,
				TimeUnit.MILLISECONDS);
	}

	void beforeEnd(SpanHandle handle, List<SpanVocabulary> vocabularies) {
		GenAiOperation operation = handle.operation();
		if (operation instanceof ModelCall model) {
			TokenUsage usage = handle.usage();
			if (usage == null) {
				return;
			}
			Cost cost = this.costs ? cost(model, handle.response(), usage) : null;
			if (cost != null) {
				handle.cost(cost);
				for (int i = 0; i < vocabularies.size(); i++) {
					SpanVocabulary vocabulary = vocabularies.get(i);
					try {
						vocabulary.onCost(operation, cost, handle.sink());
					}
					catch (Throwable ex) {
						FailSafe.failed(vocabulary, ex);
					}
				}
			}
			if (this.runTotals) {
				for (OperationRun run = handle.parent(); run != null; run = run.parent()) {
					if (run instanceof SpanHandle agent && agent.operation() instanceof AgentInvocation
							&& !agent.finished()) {
						agent.totalsToAdd()
							.add(usage.inputTokens(), usage.outputTokens(), usage.cacheReadInputTokens(),
									usage.cacheCreationInputTokens(), cost);
					}
				}
			}
		}
		else if (operation instanceof AgentInvocation && this.runTotals) {
			RunTotals totals = handle.runTotals();
			if (totals == null || totals.isEmpty()) {
				return;
			}
			for (int i = 0; i < vocabularies.size(); i++) {
				SpanVocabulary vocabulary = vocabularies.get(i);
				try {
					vocabulary.onRunTotals(operation, totals, handle.sink());
				}
				catch (Throwable ex) {
					FailSafe.failed(vocabulary, ex);
				}
			}
		}
	}

	private @Nullable Cost cost(ModelCall model, @Nullable GenAiResponse response, TokenUsage usage) {
		return this.prices.cost((response != null) ? response.model() : null, model.requestModel(),
				usage.inputTokens(), (model instanceof EmbeddingsCall) ? null : usage.outputTokens(),
				usage.cacheReadInputTokens(), usage.cacheCreationInputTokens());
	}

	/**
	 * One daemon thread, started on first use, for deferred ends that time out.
	 */
	private static final class DeferredEnds {

		static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "genai-tracing-deferred-end");
			thread.setDaemon(true);
			return thread;
		});

	}

}
