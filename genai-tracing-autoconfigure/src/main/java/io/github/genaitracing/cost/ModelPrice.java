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

package io.github.genaitracing.cost;

import java.math.BigDecimal;
import java.math.MathContext;

import org.jspecify.annotations.Nullable;

/**
 * The price of one model, per million tokens, in one currency.
 *
 * @param input price of a million input tokens
 * @param output price of a million output tokens (reasoning tokens included)
 * @param cachedInput price of a million input tokens read from a prompt cache, or
 * {@code null} when the provider charges them as input
 * @param cacheWriteInput price of a million input tokens written to a prompt cache, or
 * {@code null} when the provider charges them as input
 * @param currency the currency, such as {@code USD}
 * @since 0.1.0
 */
public record ModelPrice(BigDecimal input, BigDecimal output, @Nullable BigDecimal cachedInput,
		@Nullable BigDecimal cacheWriteInput, String currency) {

	private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

	/**
	 * Returns what a call cost: input tokens not read from or written to a cache at the
	 * input price, cached ones at their prices, output tokens at the output price.
	 * @param inputTokens the input tokens, cached ones included
	 * @param outputTokens the output tokens, or {@code null} for none (embeddings)
	 * @param cacheReadTokens the input tokens read from a cache, if known
	 * @param cacheWriteTokens the input tokens written to a cache, if known
	 * @return the cost in {@link #currency()}
	 */
	public BigDecimal cost(long inputTokens, @Nullable Long outputTokens, @Nullable Long cacheReadTokens,
			@Nullable Long cacheWriteTokens) {
		long read = Math.max(0, (cacheReadTokens != null) ? cacheReadTokens : 0);
		long written = Math.max(0, (cacheWriteTokens != null) ? cacheWriteTokens : 0);
		long plain = Math.max(0, inputTokens - read - written);
		BigDecimal total = this.input.multiply(BigDecimal.valueOf(plain))
			.add(((this.cachedInput != null) ? this.cachedInput : this.input).multiply(BigDecimal.valueOf(read)))
			.add(((this.cacheWriteInput != null) ? this.cacheWriteInput : this.input)
				.multiply(BigDecimal.valueOf(written)));
		if (outputTokens != null && outputTokens > 0) {
			total = total.add(this.output.multiply(BigDecimal.valueOf(outputTokens)));
		}
		return total.divide(MILLION, MathContext.DECIMAL64);
	}

}
