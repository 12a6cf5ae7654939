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

package io.github.genaitracing.autoconfigure;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Where prompt, response and tool content is recorded.
 *
 * @since 0.1.0
 */
public enum CaptureMode {

	/**
	 * No content is recorded anywhere.
	 */
	NONE,

	/**
	 * Content is recorded as span attributes, redacted and truncated.
	 */
	SPAN,

	/**
	 * Content is recorded only in the {@code gen_ai.client.inference.operation.details}
	 * event of each chat and embeddings call, redacted and truncated; spans carry none.
	 */
	EVENT_ONLY,

	/**
	 * Content is recorded both as span attributes and in the
	 * {@code gen_ai.client.inference.operation.details} events.
	 */
	SPAN_AND_EVENT;

	/**
	 * Environment variable honoured when {@code genai.tracing.capture-content} is not set.
	 */
	public static final String ENVIRONMENT_VARIABLE = "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT";

	/**
	 * System property equivalent of {@link #ENVIRONMENT_VARIABLE}.
	 */
	public static final String SYSTEM_PROPERTY = "otel.instrumentation.genai.capture-message-content";

	/**
	 * Returns whether content goes on spans.
	 * @return whether spans carry content
	 */
	public boolean onSpans() {
		return this == SPAN || this == SPAN_AND_EVENT;
	}

	/**
	 * Returns whether content goes in the inference events.
	 * @return whether events carry content
	 */
	public boolean inEvents() {
		return this == EVENT_ONLY || this == SPAN_AND_EVENT;
	}

	/**
	 * Reads the value of {@link #ENVIRONMENT_VARIABLE}: {@code true}/{@code false}, or
	 * {@code NO_CONTENT}, {@code SPAN_ONLY}, {@code EVENT_ONLY}, {@code SPAN_AND_EVENT}.
	 * @param value the variable's value
	 * @return the capture mode, or {@code null} when the value is absent or unknown
	 */
	public static @Nullable CaptureMode fromEnvironmentValue(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return switch (value.trim().toUpperCase(Locale.ROOT)) {
			case "TRUE", "SPAN_ONLY" -> SPAN;
			case "SPAN_AND_EVENT" -> SPAN_AND_EVENT;
			case "EVENT_ONLY" -> EVENT_ONLY;
			case "FALSE", "NO_CONTENT" -> NONE;
			default -> null;
		};
	}

}
