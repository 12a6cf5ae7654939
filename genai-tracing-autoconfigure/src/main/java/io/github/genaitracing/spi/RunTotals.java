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

package io.github.genaitracing.spi;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * The sums over the model calls of one agent run: input, output, cache-read and
 * cache-write tokens, and the cost when every call with usage was priced in one currency
 * (otherwise no cost, never a partial one). Calls may end on any thread.
 *
 * @since 0.1.0
 */
public final class RunTotals {

	private long calls;

	private long inputTokens;

	private long outputTokens;

	private long cacheReadTokens;

	private long cacheWriteTokens;

	private BigDecimal cost = BigDecimal.ZERO;

	private @Nullable String currency;

	private boolean costKnown = true;

	/**
	 * Adds one model call.
	 * @param inputTokens its input tokens, if known
	 * @param outputTokens its output tokens, if known
	 * @param cacheReadTokens its cache-read input tokens, if known
	 * @param cacheWriteTokens its cache-write input tokens, if known
	 * @param callCost what it cost, or {@code null} when its model is not priced
	 */
	public synchronized void add(@Nullable Long inputTokens, @Nullable Long outputTokens,
			@Nullable Long cacheReadTokens, @Nullable Long cacheWriteTokens, @Nullable Cost callCost) {
		this.calls++;
		this.inputTokens += orZero(inputTokens);
		this.outputTokens += orZero(outputTokens);
		this.cacheReadTokens += orZero(cacheReadTokens);
		this.cacheWriteTokens += orZero(cacheWriteTokens);
		if (callCost == null || (this.currency != null && !this.currency.equals(callCost.currency()))) {
			this.costKnown = false;
			return;
		}
		this.currency = callCost.currency();
		this.cost = this.cost.add(callCost.amount());
	}

	/**
	 * Returns whether a model call was added.
	 * @return whether there is anything to report
	 */
	public synchronized boolean isEmpty() {
		return this.calls == 0;
	}

	/**
	 * Returns the summed input tokens.
	 * @return the input tokens
	 */
	public synchronized long inputTokens() {
		return this.inputTokens;
	}

	/**
	 * Returns the summed output tokens.
	 * @return the output tokens
	 */
	public synchronized long outputTokens() {
		return this.outputTokens;
	}

	/**
	 * Returns the summed cache-read input tokens.
	 * @return the cache-read input tokens
	 */
	public synchronized long cacheReadTokens() {
		return this.cacheReadTokens;
	}

	/**
	 * Returns the summed cache-write input tokens.
	 * @return the cache-write input tokens
	 */
	public synchronized long cacheWriteTokens() {
		return this.cacheWriteTokens;
	}

	/**
	 * Returns the summed cost, when every call added was priced in one currency.
	 * @return the cost, or {@code null}
	 */
	public synchronized @Nullable Cost cost() {
		return (this.calls > 0 && this.costKnown && this.currency != null) ? new Cost(this.cost, this.currency) : null;
	}

	private static long orZero(@Nullable Long value) {
		return (value != null) ? Math.max(0, value) : 0;
	}

}
