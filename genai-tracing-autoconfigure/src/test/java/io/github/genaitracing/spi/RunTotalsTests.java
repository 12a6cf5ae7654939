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

import org.junit.jupiter.api.Test;

import io.github.genaitracing.cost.ModelPrices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RunTotals}: sums of tokens, and a cost only when every call was priced
 * in one currency.
 */
class RunTotalsTests {

	@Test
	void sumsTokensAndCostOfPricedCalls() {
		RunTotals totals = new RunTotals();
		assertThat(totals.isEmpty()).isTrue();
		assertThat(totals.cost()).isNull();
		totals.add(100L, 20L, 40L, null, new Cost(new BigDecimal("0.001"), "USD"));
		totals.add(50L, null, null, 10L, new Cost(new BigDecimal("0.0005"), "USD"));
		assertThat(totals.isEmpty()).isFalse();
		assertThat(totals.inputTokens()).isEqualTo(150);
		assertThat(totals.outputTokens()).isEqualTo(20);
		assertThat(totals.cacheReadTokens()).isEqualTo(40);
		assertThat(totals.cacheWriteTokens()).isEqualTo(10);
		assertThat(totals.cost()).isNotNull();
		assertThat(totals.cost().amount()).isEqualByComparingTo("0.0015");
		assertThat(totals.cost().currency()).isEqualTo("USD");
	}

	@Test
	void hasNoCostWhenACallWasNotPricedOrWasPricedInAnotherCurrency() {
		RunTotals unpriced = new RunTotals();
		unpriced.add(100L, 20L, null, null, new Cost(new BigDecimal("0.001"), "USD"));
		unpriced.add(100L, 20L, null, null, null);
		assertThat(unpriced.inputTokens()).isEqualTo(200);
		assertThat(unpriced.cost()).as("a partial sum would understate the run").isNull();

		RunTotals mixed = new RunTotals();
		mixed.add(100L, 20L, null, null, new Cost(new BigDecimal("0.001"), "USD"));
		mixed.add(100L, 20L, null, null, new Cost(new BigDecimal("0.001"), "EUR"));
		assertThat(mixed.cost()).isNull();
	}

	@Test
	void modelPricesCostByResponseModelElseRequestModelAndNothingForUnpricedModels() {
		ModelPrices prices = ModelPrices.defaults();
		Cost cost = prices.cost("gpt-4o-mini-2024-07-18", "gpt-4o-mini", 1_000_000L, 1_000_000L, null, null);
		assertThat(cost).isNotNull();
		assertThat(cost.amount()).isEqualByComparingTo("0.75");
		assertThat(prices.cost("my-model", "gpt-4o", 1_000_000L, 0L, null, null).amount())
			.isEqualByComparingTo("2.50");
		assertThat(prices.cost("my-model", "other-model", 10L, 10L, null, null)).isNull();
		assertThat(prices.cost("gpt-4o", null, null, null, null, null)).as("no usage, no cost").isNull();
	}

}
