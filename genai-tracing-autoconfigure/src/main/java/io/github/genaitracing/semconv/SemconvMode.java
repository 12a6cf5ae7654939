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

package io.github.genaitracing.semconv;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Which GenAI semantic-convention names genai-tracing emits: the v1.41 release (the
 * default), the newest draft of {@code semantic-conventions-genai} (experimental, opt-in
 * as OpenTelemetry instrumentations do with
 * {@code OTEL_SEMCONV_STABILITY_OPT_IN=gen_ai_latest_experimental}), or both.
 *
 * @since 0.1.0
 */
public enum SemconvMode {

	/**
	 * The names of semantic-conventions v1.41.
	 */
	V1_41,

	/**
	 * The names of the newest draft: {@code gen_ai.usage.cache_write.input_tokens},
	 * {@code gen_ai.client.inference.duration}, {@code gen_ai.client.inference.time_to_first_chunk},
	 * the {@code gen_ai.client.inference.usage.*} token counters, no provider on
	 * in-process agent spans.
	 */
	LATEST_EXPERIMENTAL,

	/**
	 * Both: every name of v1.41 and of the newest draft.
	 */
	DUP;

	/**
	 * Environment variable of OpenTelemetry's stability opt-in (a comma-separated list).
	 */
	public static final String ENVIRONMENT_VARIABLE = "OTEL_SEMCONV_STABILITY_OPT_IN";

	/**
	 * System property equivalent of {@link #ENVIRONMENT_VARIABLE}.
	 */
	public static final String SYSTEM_PROPERTY = "otel.semconv-stability.opt-in";

	private static final String LATEST = "gen_ai_latest_experimental";

	/**
	 * Returns whether the v1.41 names are emitted.
	 * @return whether v1.41 names are emitted
	 */
	public boolean v141() {
		return this != LATEST_EXPERIMENTAL;
	}

	/**
	 * Returns whether the newest draft's names are emitted.
	 * @return whether the draft's names are emitted
	 */
	public boolean latest() {
		return this != V1_41;
	}

	/**
	 * Reads OpenTelemetry's stability opt-in list: {@code gen_ai_latest_experimental}
	 * selects {@link #LATEST_EXPERIMENTAL}, {@code gen_ai_latest_experimental/dup}
	 * {@link #DUP}.
	 * @param value the variable's value
	 * @return the mode, or {@code null} when the list does not mention GenAI
	 */
	public static @Nullable SemconvMode fromOptIn(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		SemconvMode mode = null;
		for (String entry : value.split(",")) {
			String option = entry.trim().toLowerCase(Locale.ROOT);
			if (option.equals(LATEST + "/dup")) {
				return DUP;
			}
			if (option.equals(LATEST)) {
				mode = LATEST_EXPERIMENTAL;
			}
		}
		return mode;
	}

}
