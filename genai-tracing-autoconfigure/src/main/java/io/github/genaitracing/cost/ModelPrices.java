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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.github.genaitracing.spi.Cost;

/**
 * Prices per model: the bundled default table ({@value #DEFAULTS}, with the date its
 * prices were taken) and configured prices, which win. A model is priced when its name
 * is in the table (ignoring case) or is a dated snapshot of a name in the table
 * ({@code gpt-4o-mini-2024-07-18}, {@code claude-sonnet-4-20250514}); any other model
 * has no price, never a guessed one.
 *
 * @since 0.1.0
 */
public final class ModelPrices {

	/** The bundled default table. */
	public static final String DEFAULTS = "META-INF/genai-tracing/model-prices.csv";

	private static final Pattern TAKEN = Pattern.compile("#\\s*prices taken:\\s*(\\S+).*");

	private static final Pattern SNAPSHOT = Pattern.compile("(.+)-(\\d{4}-\\d{2}-\\d{2}|\\d{8}|\\d{4}|latest)");

	private static final ModelPrices EMPTY = new ModelPrices(Map.of(), null);

	private final Map<String, ModelPrice> prices;

	private final @Nullable String defaultsTaken;

	private ModelPrices(Map<String, ModelPrice> prices, @Nullable String defaultsTaken) {
		this.prices = prices;
		this.defaultsTaken = defaultsTaken;
	}

	/**
	 * Returns a table without prices.
	 * @return the empty table
	 */
	public static ModelPrices empty() {
		return EMPTY;
	}

	/**
	 * Returns the bundled default table.
	 * @return the default table
	 */
	public static ModelPrices defaults() {
		try (InputStream in = ModelPrices.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
			if (in == null) {
				throw new IllegalStateException(DEFAULTS + " is missing");
			}
			return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ModelPrices parse(BufferedReader reader) throws IOException {
		Map<String, ModelPrice> prices = new LinkedHashMap<>();
		String taken = null;
		String line;
		int number = 0;
		while ((line = reader.readLine()) != null) {
			number++;
			String trimmed = line.trim();
			Matcher matcher = TAKEN.matcher(trimmed);
			if (matcher.matches()) {
				taken = matcher.group(1);
			}
			if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("model,")) {
				continue;
			}
			String[] fields = trimmed.split(",", -1);
			if (fields.length != 6) {
				throw new IllegalStateException(DEFAULTS + " line " + number + ": 6 fields expected");
			}
			prices.put(key(fields[0]), new ModelPrice(new BigDecimal(fields[1].trim()), decimalOrZero(fields[2]),
					decimal(fields[3]), decimal(fields[4]), fields[5].trim()));
		}
		return new ModelPrices(Collections.unmodifiableMap(prices), taken);
	}

	private static BigDecimal decimalOrZero(String field) {
		BigDecimal value = decimal(field);
		return (value != null) ? value : BigDecimal.ZERO;
	}

	private static @Nullable BigDecimal decimal(String field) {
		String trimmed = field.trim();
		return trimmed.isEmpty() ? null : new BigDecimal(trimmed);
	}

	/**
	 * Returns this table with more prices, which win over the ones of this table.
	 * @param overrides prices by model name
	 * @return the combined table
	 */
	public ModelPrices with(Map<String, ModelPrice> overrides) {
		if (overrides.isEmpty()) {
			return this;
		}
		Map<String, ModelPrice> prices = new LinkedHashMap<>(this.prices);
		overrides.forEach((model, price) -> prices.put(key(model), price));
		return new ModelPrices(Collections.unmodifiableMap(prices), this.defaultsTaken);
	}

	/**
	 * Returns the price of a model.
	 * @param model the model name, such as {@code gpt-4o-mini-2024-07-18}
	 * @return the price, or {@code null} when the model is not priced
	 */
	public @Nullable ModelPrice find(@Nullable String model) {
		if (model == null || model.isBlank()) {
			return null;
		}
		String key = key(model);
		ModelPrice price = this.prices.get(key);
		if (price != null) {
			return price;
		}
		Matcher snapshot = SNAPSHOT.matcher(key);
		return snapshot.matches() ? this.prices.get(snapshot.group(1)) : null;
	}

	/**
	 * Returns what a model call cost: priced by its response model, else by its request
	 * model.
	 * @param responseModel the response model, if known
	 * @param requestModel the request model, if known
	 * @param inputTokens the input tokens, cached ones included
	 * @param outputTokens the output tokens, or {@code null} for none (embeddings)
	 * @param cacheReadTokens the input tokens read from a cache, if known
	 * @param cacheWriteTokens the input tokens written to a cache, if known
	 * @return the cost, or {@code null} when neither model is priced or no token count is
	 * known
	 */
	public @Nullable Cost cost(@Nullable String responseModel, @Nullable String requestModel,
			@Nullable Long inputTokens, @Nullable Long outputTokens, @Nullable Long cacheReadTokens,
			@Nullable Long cacheWriteTokens) {
		if (inputTokens == null && outputTokens == null) {
			return null;
		}
		ModelPrice price = find(responseModel);
		if (price == null) {
			price = find(requestModel);
		}
		if (price == null) {
			return null;
		}
		return new Cost(price.cost((inputTokens != null) ? inputTokens : 0, outputTokens, cacheReadTokens,
				cacheWriteTokens), price.currency());
	}

	/**
	 * Returns the date the bundled prices were taken, when the bundled table is part of
	 * this one.
	 * @return the date, such as {@code 2025-08-15}, or {@code null}
	 */
	public @Nullable String defaultsTaken() {
		return this.defaultsTaken;
	}

	/**
	 * Returns how many models are priced.
	 * @return the number of models
	 */
	public int size() {
		return this.prices.size();
	}

	private static String key(String model) {
		return model.trim().toLowerCase(Locale.ROOT);
	}

}
