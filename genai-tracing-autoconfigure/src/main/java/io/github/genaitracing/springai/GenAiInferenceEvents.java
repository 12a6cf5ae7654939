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

package io.github.genaitracing.springai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.context.Context;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.semconv.SemconvMode;
import io.github.genaitracing.spi.AttributeSink;
import io.github.genaitracing.spi.CapturedContent;
import io.github.genaitracing.spi.GenAiOperation;
import io.github.genaitracing.spi.GenAiResponse;
import io.github.genaitracing.spi.OperationRun;
import io.github.genaitracing.spi.TokenUsage;
import io.github.genaitracing.vocabulary.GenAiVocabulary;

/**
 * Emits the {@code gen_ai.client.inference.operation.details} event of each chat and
 * embeddings call through the OpenTelemetry Logs API: a log record with that event name,
 * in the context of the call's span (so it carries its trace and span ids), with the
 * attributes the GenAI vocabulary writes on the span and, when content capture includes
 * events, the content as structured values (messages, system instructions, tool
 * definitions), redacted and bounded by the content policy.
 *
 * @since 0.1.0
 */
public final class GenAiInferenceEvents {

	private static final String INSTRUMENTATION_NAME = "io.github.genaitracing";

	private static final List<AttributeKey<String>> STRUCTURED = List.of(GenAiAttributes.INPUT_MESSAGES,
			GenAiAttributes.OUTPUT_MESSAGES, GenAiAttributes.SYSTEM_INSTRUCTIONS, GenAiAttributes.TOOL_DEFINITIONS);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Logger logger;

	private final GenAiVocabulary vocabulary;

	/**
	 * Creates the events with the v1.41 names.
	 * @param openTelemetry the OpenTelemetry whose logger provider emits them
	 */
	public GenAiInferenceEvents(OpenTelemetry openTelemetry) {
		this(openTelemetry, SemconvMode.V1_41);
	}

	/**
	 * Creates the events.
	 * @param openTelemetry the OpenTelemetry whose logger provider emits them
	 * @param mode which convention names the attributes follow
	 */
	public GenAiInferenceEvents(OpenTelemetry openTelemetry, SemconvMode mode) {
		this.logger = openTelemetry.getLogsBridge().get(INSTRUMENTATION_NAME);
		this.vocabulary = new GenAiVocabulary(mode);
	}

	/**
	 * Emits the event of a finished (or ending) call.
	 * @param run the call's run: operation, response, usage, outcome
	 * @param content the content captured for the event, or {@code null} for none
	 */
	@SuppressWarnings("unchecked")
	public void emit(OperationRun run, @Nullable Content content) {
		Map<AttributeKey<?>, Object> attributes = new LinkedHashMap<>();
		AttributeSink sink = new AttributeSink() {

			@Override
			public <T> void put(AttributeKey<T> key, @Nullable T value) {
				if (value != null) {
					attributes.put(key, value);
				}
			}

		};
		GenAiOperation operation = run.operation();
		this.vocabulary.onStart(operation, run.conversationId(), sink);
		String serverAddress = run.serverAddress();
		if (serverAddress != null && !serverAddress.equals(operation.serverAddress())) {
			this.vocabulary.onServer(operation, serverAddress, run.serverPort(), sink);
		}
		if (content != null) {
			if (content.input != null) {
				this.vocabulary.onInput(operation, content.input, sink);
			}
			if (content.systemInstructions != null) {
				this.vocabulary.onSystemInstructions(operation, content.systemInstructions, sink);
			}
			if (content.toolDefinitions != null) {
				this.vocabulary.onToolDefinitions(operation, content.toolDefinitions, sink);
			}
		}
		GenAiResponse response = run.response();
		if (response != null) {
			this.vocabulary.onResponse(operation, response, sink);
		}
		TokenUsage usage = run.usage();
		if (usage != null) {
			this.vocabulary.onUsage(operation, usage, sink);
		}
		if (run.timeToFirstChunkNanos() >= 0) {
			this.vocabulary.onTimeToFirstChunk(operation, run.timeToFirstChunkNanos(), sink);
		}
		if (content != null && content.output != null) {
			this.vocabulary.onOutput(operation, content.output, content.finishReason, sink);
		}
		if (run.outcome().isError()) {
			this.vocabulary.onError(operation, run.outcome(), sink);
		}
		LogRecordBuilder record = this.logger.logRecordBuilder()
			.setEventName(GenAiAttributes.INFERENCE_OPERATION_DETAILS_EVENT)
			.setContext(Context.root().with(run.span()));
		for (Map.Entry<AttributeKey<?>, Object> attribute : attributes.entrySet()) {
			AttributeKey<?> key = attribute.getKey();
			Value<?> structured = STRUCTURED.contains(key) ? structured((String) attribute.getValue()) : null;
			if (structured != null) {
				record.setAttribute(AttributeKey.valueKey(key.getKey()), structured);
			}
			else {
				record.setAttribute((AttributeKey<Object>) key, attribute.getValue());
			}
		}
		record.emit();
	}

	/**
	 * The content of one call captured for its event, filled while the call runs.
	 */
	public static final class Content {

		private @Nullable CapturedContent input;

		private @Nullable String systemInstructions;

		private @Nullable String toolDefinitions;

		private @Nullable CapturedContent output;

		private @Nullable String finishReason;

		void input(@Nullable CapturedContent input, @Nullable String systemInstructions,
				@Nullable String toolDefinitions) {
			this.input = input;
			this.systemInstructions = systemInstructions;
			this.toolDefinitions = toolDefinitions;
		}

		void output(@Nullable CapturedContent output, @Nullable String finishReason) {
			this.output = output;
			this.finishReason = finishReason;
		}

	}

	/**
	 * The content JSON as a structured value, as the conventions want it on events.
	 */
	private static @Nullable Value<?> structured(String json) {
		try {
			return value(JSON.readTree(json));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static Value<?> value(JsonNode node) {
		if (node.isObject()) {
			Map<String, Value<?>> map = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				map.put(field.getKey(), value(field.getValue()));
			}
			return Value.of(map);
		}
		if (node.isArray()) {
			List<Value<?>> list = new ArrayList<>(node.size());
			for (JsonNode element : node) {
				list.add(value(element));
			}
			return Value.of(list);
		}
		if (node.isBoolean()) {
			return Value.of(node.booleanValue());
		}
		if (node.isIntegralNumber()) {
			return Value.of(node.longValue());
		}
		if (node.isNumber()) {
			return Value.of(node.doubleValue());
		}
		return Value.of(node.isNull() ? "" : node.asString());
	}

}
