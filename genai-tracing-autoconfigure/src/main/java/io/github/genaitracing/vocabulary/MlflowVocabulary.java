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

package io.github.genaitracing.vocabulary;

import org.jspecify.annotations.Nullable;

import io.github.genaitracing.semconv.MlflowAttributes;
import io.github.genaitracing.semconv.OpenInferenceAttributes;
import io.github.genaitracing.spi.AgentInvocation;
import io.github.genaitracing.spi.AttributeSink;
import io.github.genaitracing.spi.CapturedContent;
import io.github.genaitracing.spi.GenAiOperation;
import io.github.genaitracing.spi.SpanVocabulary;
import io.github.genaitracing.spi.TokenUsage;

/**
 * Writes the span attributes MLflow reads: span type, inputs, outputs, token usage, and
 * the session and user of agent spans (MLflow takes them from the root span).
 *
 * @since 0.1.0
 */
public final class MlflowVocabulary implements SpanVocabulary {

	/**
	 * {@inheritDoc} The start attributes depend only on the operation, the conversation
	 * id and this vocabulary's settings, fixed when it is made.
	 */
	@Override
	public boolean isStartRepeatable() {
		return true;
	}

	@Override
	public void onStart(GenAiOperation operation, @Nullable String conversationId, AttributeSink sink) {
		String spanType = switch (operation.kind()) {
			case INVOKE_AGENT -> MlflowAttributes.SpanType.AGENT;
			case EXECUTE_TOOL -> MlflowAttributes.SpanType.TOOL;
			case CHAT -> MlflowAttributes.SpanType.CHAT_MODEL;
			case EMBEDDINGS -> MlflowAttributes.SpanType.EMBEDDING;
			case AGENT_REQUEST, MCP -> null;
		};
		sink.put(MlflowAttributes.SPAN_TYPE, spanType);
		if (operation instanceof AgentInvocation agent) {
			sink.put(OpenInferenceAttributes.SESSION_ID, conversationId);
			sink.put(OpenInferenceAttributes.USER_ID, agent.userId());
		}
	}

	@Override
	public void onInput(GenAiOperation operation, CapturedContent input, AttributeSink sink) {
		sink.put(MlflowAttributes.SPAN_INPUTS, input.jsonValue());
	}

	@Override
	public void onOutput(GenAiOperation operation, CapturedContent output, @Nullable String finishReason,
			AttributeSink sink) {
		sink.put(MlflowAttributes.SPAN_OUTPUTS, output.jsonValue());
	}

	@Override
	public void onUsage(GenAiOperation operation, TokenUsage usage, AttributeSink sink) {
		if (usage.inputTokens() == null && usage.outputTokens() == null) {
			return;
		}
		StringBuilder json = new StringBuilder(96).append('{');
		appendField(json, "input_tokens", usage.inputTokens());
		appendField(json, "output_tokens", usage.outputTokens());
		appendField(json, "total_tokens", usage.totalTokens());
		appendField(json, "cache_read_input_tokens", usage.cacheReadInputTokens());
		appendField(json, "cache_creation_input_tokens", usage.cacheCreationInputTokens());
		sink.put(MlflowAttributes.CHAT_TOKEN_USAGE, json.append('}').toString());
	}

	private void appendField(StringBuilder json, String name, @Nullable Long value) {
		if (value != null) {
			if (json.length() > 1) {
				json.append(',');
			}
			json.append('"').append(name).append("\":").append(value);
		}
	}

}
