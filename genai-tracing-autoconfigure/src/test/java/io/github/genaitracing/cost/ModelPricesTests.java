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
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ModelPrices} and {@link ModelPrice}: the bundled table, overrides, which
 * model names are priced, and the cost of a call.
 */
class ModelPricesTests {

	@Test
	void bundledTableSaysWhenItsPricesWereTakenAndPricesWidelyUsedModels() {
		ModelPrices prices = ModelPrices.defaults();
		assertThat(prices.defaultsTaken()).matches("\\d{4}-\\d{2}-\\d{2}");
		assertThat(prices.size()).isGreaterThanOrEqualTo(20);
		ModelPrice mini = prices.find("gpt-4o-mini");
		assertThat(mini).isNotNull();
		assertThat(mini.input()).isEqualByComparingTo("0.15");
		assertThat(mini.output()).isEqualByComparingTo("0.60");
		assertThat(mini.cachedInput()).isEqualByComparingTo("0.075");
		assertThat(mini.currency()).isEqualTo("USD");
		assertThat(prices.find("claude-sonnet-4")).isNotNull();
		assertThat(prices.find("text-embedding-3-small").output()).isEqualByComparingTo("0");
	}

	@Test
	void datedSnapshotsOfAPricedModelArePricedAndOtherNamesAreNot() {
		ModelPrices prices = ModelPrices.defaults();
		assertThat(prices.find("gpt-4o-mini-2024-07-18")).isSameAs(prices.find("gpt-4o-mini"));
		assertThat(prices.find("claude-sonnet-4-20250514")).isSameAs(prices.find("claude-sonnet-4"));
		assertThat(prices.find("GPT-4o")).as("case is ignored").isSameAs(prices.find("gpt-4o"));
		assertThat(prices.find("gpt-4o-mini-tts")).as("a different model, not a snapshot").isNull();
		assertThat(prices.find("my-fine-tuned-model")).isNull();
		assertThat(prices.find("llama3.2")).isNull();
		assertThat(prices.find(null)).isNull();
		assertThat(prices.find(" ")).isNull();
	}

	@Test
	void configuredPricesWinOverTheBundledOnesAndAddModels() {
		ModelPrice eur = new ModelPrice(new BigDecimal("1"), new BigDecimal("2"), null, null, "EUR");
		ModelPrices prices = ModelPrices.defaults().with(Map.of("GPT-4o-mini", eur, "llama3.2", eur));
		assertThat(prices.find("gpt-4o-mini")).isSameAs(eur);
		assertThat(prices.find("gpt-4o-mini-2024-07-18")).isSameAs(eur);
		assertThat(prices.find("llama3.2")).isSameAs(eur);
		assertThat(prices.find("gpt-4o")).isNotNull();
		assertThat(ModelPrices.empty().with(Map.of("llama3.2", eur)).find("gpt-4o")).as("without the defaults").isNull();
	}

	@Test
	void costChargesCachedAndWrittenInputAtTheirPricesAndOutputAtTheOutputPrice() {
		ModelPrice price = new ModelPrice(new BigDecimal("3.00"), new BigDecimal("15.00"), new BigDecimal("0.30"),
				new BigDecimal("3.75"), "USD");
		// 1000 input of which 400 read from cache and 100 written to it; 200 output
		BigDecimal cost = price.cost(1000, 200L, 400L, 100L);
		// (500 * 3 + 400 * 0.30 + 100 * 3.75 + 200 * 15) / 1e6
		assertThat(cost).isEqualByComparingTo("0.004995");
	}

	@Test
	void costChargesCachedInputAsInputWhenTheProviderHasNoCachePrice() {
		ModelPrice price = new ModelPrice(new BigDecimal("0.30"), new BigDecimal("2.50"), null, null, "USD");
		assertThat(price.cost(1000, 100L, 600L, null)).isEqualByComparingTo("0.00055");
		assertThat(price.cost(1000, null, null, null)).as("embeddings: input only").isEqualByComparingTo("0.0003");
	}

}
