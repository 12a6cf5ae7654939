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

import io.opentelemetry.api.common.AttributeKey;

/**
 * Span attribute keys MLflow reads when it ingests OTLP traces.
 *
 * @since 0.1.0
 */
public final class MlflowAttributes {

	// copied from mlflow/mlflow mlflow/tracing/constant.py (SpanAttributeKey, 2026-08)

	/** Span type: {@code AGENT}, {@code TOOL}, {@code CHAT_MODEL}, {@code EMBEDDING}, ... */
	public static final AttributeKey<String> SPAN_TYPE = AttributeKey.stringKey("mlflow.spanType");

	/** Span inputs, JSON-encoded (a top-level string is quoted). */
	public static final AttributeKey<String> SPAN_INPUTS = AttributeKey.stringKey("mlflow.spanInputs");

	/** Span outputs, JSON-encoded (a top-level string is quoted). */
	public static final AttributeKey<String> SPAN_OUTPUTS = AttributeKey.stringKey("mlflow.spanOutputs");

	/** Token usage, a JSON object with {@code input_tokens}, {@code output_tokens}, {@code total_tokens}. */
	public static final AttributeKey<String> CHAT_TOKEN_USAGE = AttributeKey.stringKey("mlflow.chat.tokenUsage");

	/** Model name. */
	public static final AttributeKey<String> LLM_MODEL = AttributeKey.stringKey("mlflow.llm.model");

	/** Model provider. */
	public static final AttributeKey<String> LLM_PROVIDER = AttributeKey.stringKey("mlflow.llm.provider");

	private MlflowAttributes() {
	}

	/**
	 * Values of {@code mlflow.spanType}.
	 */
	public static final class SpanType {

		/** An agent. */
		public static final String AGENT = "AGENT";

		/** A tool. */
		public static final String TOOL = "TOOL";

		/** A chat model call. */
		public static final String CHAT_MODEL = "CHAT_MODEL";

		/** A completion model call. */
		public static final String LLM = "LLM";

		/** An embedding call. */
		public static final String EMBEDDING = "EMBEDDING";

		private SpanType() {
		}

	}

}
