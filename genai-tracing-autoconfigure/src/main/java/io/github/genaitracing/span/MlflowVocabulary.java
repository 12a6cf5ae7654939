package io.github.genaitracing.span;

import org.jspecify.annotations.Nullable;

import io.github.genaitracing.content.CapturedContent;
import io.github.genaitracing.semconv.MlflowAttributes;
import io.github.genaitracing.semconv.OpenInferenceAttributes;

/**
 * Writes the span attributes MLflow reads: span type, inputs, outputs, token usage, and
 * the session and user of agent spans (MLflow takes them from the root span).
 *
 * @since 0.1.0
 */
public final class MlflowVocabulary implements SpanVocabulary {

	@Override
	public void onStart(GenAiOperation operation, AttributeSink sink) {
		sink.put(MlflowAttributes.SPAN_TYPE, switch (operation.type()) {
			case INVOKE_AGENT -> MlflowAttributes.SpanType.AGENT;
			case EXECUTE_TOOL -> MlflowAttributes.SpanType.TOOL;
			case CHAT -> MlflowAttributes.SpanType.CHAT_MODEL;
			case EMBEDDINGS -> MlflowAttributes.SpanType.EMBEDDING;
		});
		if (operation.type() == GenAiOperation.Type.INVOKE_AGENT) {
			sink.put(OpenInferenceAttributes.SESSION_ID, operation.conversationId());
			sink.put(OpenInferenceAttributes.USER_ID, operation.userId());
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
