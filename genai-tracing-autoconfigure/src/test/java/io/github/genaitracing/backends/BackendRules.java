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

package io.github.genaitracing.backends;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.opentelemetry.proto.trace.v1.Span;
import org.jspecify.annotations.Nullable;

import io.github.genaitracing.test.OtlpTestReceiver;

/**
 * What each backend shows of one exported span, encoded from its published ingestion code
 * (the ranking rules, first match wins). Each rule names the file and version it was read
 * from; docs/backends.md has the same table in words.
 */
enum BackendRules {

	/**
	 * Langfuse 4.16.0 (langfuse/langfuse@62751446),
	 * packages/shared/src/server/otel/ObservationTypeMapper.ts and
	 * OtelIngestionProcessor.ts (extractInputAndOutput, extractSessionId, extractUserId,
	 * extractModelName, extractGenericGenAiUsageDetails).
	 */
	LANGFUSE(
			(span) -> first(span, "langfuse.observation.type").map(String::toUpperCase)
				.or(() -> mapped(span, "openinference.span.kind",
						Map.of("LLM", "GENERATION", "EMBEDDING", "EMBEDDING", "AGENT", "AGENT", "TOOL", "TOOL",
								"CHAIN", "CHAIN", "RETRIEVER", "RETRIEVER")))
				.or(() -> mapped(span, "gen_ai.operation.name",
						Map.of("chat", "GENERATION", "text_completion", "GENERATION", "generate_content", "GENERATION",
								"embeddings", "EMBEDDING", "invoke_agent", "AGENT", "create_agent", "AGENT",
								"execute_tool", "TOOL")))
				.orElse("SPAN"),
			List.of("langfuse.observation.input", "mlflow.spanInputs", "traceloop.entity.input", "input.value",
					"input", "gen_ai.input.messages", "gen_ai.tool.call.arguments"),
			List.of("langfuse.observation.output", "mlflow.spanOutputs", "traceloop.entity.output", "output.value",
					"output", "gen_ai.output.messages", "gen_ai.tool.call.result"),
			List.of("langfuse.session.id", "session.id", "gen_ai.conversation.id"),
			List.of("langfuse.user.id", "user.id"),
			List.of("gen_ai.usage.prompt_tokens", "gen_ai.usage.input_tokens", "llm.token_count.prompt"),
			List.of("gen_ai.usage.completion_tokens", "gen_ai.usage.output_tokens", "llm.token_count.completion"),
			List.of("langfuse.observation.model.name", "gen_ai.response.model", "gen_ai.request.model",
					"llm.model_name")),

	/**
	 * MLflow (mlflow/mlflow@33a5d307), mlflow/tracing/otel/translation/__init__.py,
	 * base.py, open_inference.py, genai_semconv.py: an explicit {@code mlflow.*} key
	 * wins, then OpenInference, then the GenAI conventions.
	 */
	MLFLOW(
			(span) -> first(span, "mlflow.spanType")
				.or(() -> mapped(span, "openinference.span.kind",
						Map.of("LLM", "LLM", "EMBEDDING", "EMBEDDING", "AGENT", "AGENT", "TOOL", "TOOL", "CHAIN",
								"CHAIN", "RETRIEVER", "RETRIEVER")))
				.or(() -> mapped(span, "gen_ai.operation.name",
						Map.of("chat", "CHAT_MODEL", "text_completion", "LLM", "generate_content", "LLM",
								"embeddings", "EMBEDDING", "execute_tool", "TOOL", "invoke_agent", "AGENT",
								"create_agent", "AGENT")))
				.orElse("UNKNOWN"),
			List.of("mlflow.spanInputs", "input.value", "gen_ai.input.messages", "gen_ai.tool.call.arguments"),
			List.of("mlflow.spanOutputs", "output.value", "gen_ai.output.messages", "gen_ai.tool.call.result"),
			List.of("mlflow.trace.session", "session.id", "gen_ai.conversation.id"),
			List.of("mlflow.trace.user", "user.id"), List.of("llm.token_count.prompt", "gen_ai.usage.input_tokens"),
			List.of("llm.token_count.completion", "gen_ai.usage.output_tokens"),
			List.of("mlflow.llm.model", "llm.response.model_name", "llm.model_name", "embedding.model_name",
					"gen_ai.response.model", "gen_ai.request.model")),

	/**
	 * Arize Phoenix 15.10+ (Arize-ai/phoenix), src/phoenix/trace/gen_ai/conversion.py:
	 * OpenInference keys first; {@code gen_ai.*} fill only what is missing.
	 */
	PHOENIX(
			(span) -> first(span, "openinference.span.kind")
				.or(() -> mapped(span, "gen_ai.operation.name",
						Map.of("chat", "LLM", "text_completion", "LLM", "generate_content", "LLM", "embeddings",
								"EMBEDDING", "execute_tool", "TOOL", "retrieval", "RETRIEVER", "invoke_agent",
								"AGENT", "create_agent", "AGENT")))
				.orElse("UNKNOWN"),
			List.of("input.value", "gen_ai.tool.call.arguments"), List.of("output.value", "gen_ai.tool.call.result"),
			List.of("session.id", "gen_ai.conversation.id"), List.of("user.id"),
			List.of("llm.token_count.prompt", "gen_ai.usage.input_tokens"),
			List.of("llm.token_count.completion", "gen_ai.usage.output_tokens"),
			List.of("llm.model_name", "embedding.model_name", "gen_ai.request.model")),

	/**
	 * Jaeger, Grafana Tempo and a plain Collector show the span as it is: the standard
	 * keys, no ranking.
	 */
	JAEGER_TEMPO(
			(span) -> first(span, "gen_ai.operation.name").orElse("none"),
			List.of("gen_ai.input.messages", "gen_ai.tool.call.arguments"),
			List.of("gen_ai.output.messages", "gen_ai.tool.call.result"), List.of("gen_ai.conversation.id"),
			List.of("user.id"), List.of("gen_ai.usage.input_tokens"), List.of("gen_ai.usage.output_tokens"),
			List.of("gen_ai.response.model", "gen_ai.request.model"));

	private final Function<Span, String> type;

	private final List<String> input;

	private final List<String> output;

	private final List<String> session;

	private final List<String> user;

	private final List<String> inputTokens;

	private final List<String> outputTokens;

	private final List<String> model;

	BackendRules(Function<Span, String> type, List<String> input, List<String> output, List<String> session,
			List<String> user, List<String> inputTokens, List<String> outputTokens, List<String> model) {
		this.type = type;
		this.input = input;
		this.output = output;
		this.session = session;
		this.user = user;
		this.inputTokens = inputTokens;
		this.outputTokens = outputTokens;
		this.model = model;
	}

	/**
	 * What the backend shows of a span.
	 */
	Reading read(Span span) {
		return new Reading(this.type.apply(span), firstOf(span, this.input), firstOf(span, this.output),
				firstOf(span, this.session), firstOf(span, this.user), firstOf(span, this.inputTokens),
				firstOf(span, this.outputTokens), firstOf(span, this.model));
	}

	/**
	 * The key whose value the backend shows as the input, or {@code null}.
	 */
	@Nullable String inputKey(Span span) {
		return this.input.stream().filter((key) -> present(span, key)).findFirst().orElse(null);
	}

	record Reading(String type, @Nullable Object input, @Nullable Object output, @Nullable Object session,
			@Nullable Object user, @Nullable Object inputTokens, @Nullable Object outputTokens,
			@Nullable Object model) {
	}

	private static @Nullable Object firstOf(Span span, List<String> keys) {
		for (String key : keys) {
			if (present(span, key)) {
				return OtlpTestReceiver.attribute(span, key);
			}
		}
		return null;
	}

	private static boolean present(Span span, String key) {
		Object value = OtlpTestReceiver.attribute(span, key);
		return value != null && !"".equals(value);
	}

	private static java.util.Optional<String> first(Span span, String key) {
		Object value = OtlpTestReceiver.attribute(span, key);
		return (value != null) ? java.util.Optional.of(value.toString()) : java.util.Optional.empty();
	}

	private static java.util.Optional<String> mapped(Span span, String key, Map<String, String> mapping) {
		return first(span, key).map(mapping::get);
	}

}
