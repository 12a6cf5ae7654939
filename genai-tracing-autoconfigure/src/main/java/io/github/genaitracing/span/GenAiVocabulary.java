package io.github.genaitracing.span;

import org.jspecify.annotations.Nullable;

import io.github.genaitracing.content.CapturedContent;
import io.github.genaitracing.semconv.GenAiAttributes;

/**
 * Writes the OpenTelemetry GenAI semantic conventions (baseline v1.41).
 *
 * @since 0.1.0
 */
public final class GenAiVocabulary implements SpanVocabulary {

	private static final String USER = "user";

	private static final String ASSISTANT = "assistant";

	private static final String STOP = "stop";

	@Override
	public void onStart(GenAiOperation operation, AttributeSink sink) {
		sink.put(GenAiAttributes.OPERATION_NAME, operation.operationName());
		if (operation.type() != GenAiOperation.Type.EXECUTE_TOOL) {
			sink.put(GenAiAttributes.PROVIDER_NAME, operation.providerName());
		}
		sink.put(GenAiAttributes.CONVERSATION_ID, operation.conversationId());
		switch (operation.type()) {
			case INVOKE_AGENT -> {
				sink.put(GenAiAttributes.AGENT_NAME, operation.agentName());
				sink.put(GenAiAttributes.AGENT_ID, operation.agentId());
				sink.put(GenAiAttributes.AGENT_DESCRIPTION, operation.agentDescription());
				sink.put(GenAiAttributes.AGENT_VERSION, operation.agentVersion());
				sink.put(GenAiAttributes.REQUEST_MODEL, operation.requestModel());
			}
			case EXECUTE_TOOL -> {
				sink.put(GenAiAttributes.TOOL_NAME, operation.toolName());
				sink.put(GenAiAttributes.TOOL_DESCRIPTION, operation.toolDescription());
				sink.put(GenAiAttributes.TOOL_TYPE, operation.toolType());
				sink.put(GenAiAttributes.TOOL_CALL_ID, operation.toolCallId());
			}
			case CHAT, EMBEDDINGS -> {
				sink.put(GenAiAttributes.REQUEST_MODEL, operation.requestModel());
				requestOptions(operation.requestOptions(), sink);
			}
		}
		sink.put(GenAiAttributes.SERVER_ADDRESS, operation.serverAddress());
		if (operation.serverAddress() != null) {
			sink.put(GenAiAttributes.SERVER_PORT, operation.serverPort());
		}
	}

	private void requestOptions(GenAiOperation.RequestOptions options, AttributeSink sink) {
		sink.put(GenAiAttributes.REQUEST_TEMPERATURE, options.temperature());
		sink.put(GenAiAttributes.REQUEST_TOP_P, options.topP());
		sink.put(GenAiAttributes.REQUEST_TOP_K, options.topK());
		sink.put(GenAiAttributes.REQUEST_FREQUENCY_PENALTY, options.frequencyPenalty());
		sink.put(GenAiAttributes.REQUEST_PRESENCE_PENALTY, options.presencePenalty());
		sink.put(GenAiAttributes.REQUEST_MAX_TOKENS, options.maxTokens());
		sink.put(GenAiAttributes.REQUEST_SEED, options.seed());
		if (options.choiceCount() != null && options.choiceCount() != 1L) {
			sink.put(GenAiAttributes.REQUEST_CHOICE_COUNT, options.choiceCount());
		}
		if (options.stopSequences() != null && !options.stopSequences().isEmpty()) {
			sink.put(GenAiAttributes.REQUEST_STOP_SEQUENCES, options.stopSequences());
		}
		if (Boolean.TRUE.equals(options.stream())) {
			sink.put(GenAiAttributes.REQUEST_STREAM, true);
		}
		if (options.encodingFormats() != null && !options.encodingFormats().isEmpty()) {
			sink.put(GenAiAttributes.REQUEST_ENCODING_FORMATS, options.encodingFormats());
		}
	}

	@Override
	public void onInput(GenAiOperation operation, CapturedContent input, AttributeSink sink) {
		if (operation.type() == GenAiOperation.Type.EXECUTE_TOOL) {
			sink.put(GenAiAttributes.TOOL_CALL_ARGUMENTS, input.jsonValue());
		}
		else {
			sink.put(GenAiAttributes.INPUT_MESSAGES, input.messagesJson(USER, null));
		}
	}

	@Override
	public void onOutput(GenAiOperation operation, CapturedContent output, @Nullable String finishReason,
			AttributeSink sink) {
		if (operation.type() == GenAiOperation.Type.EXECUTE_TOOL) {
			sink.put(GenAiAttributes.TOOL_CALL_RESULT, output.jsonValue());
		}
		else {
			sink.put(GenAiAttributes.OUTPUT_MESSAGES,
					output.messagesJson(ASSISTANT, (finishReason != null) ? finishReason : STOP));
		}
	}

	@Override
	public void onSystemInstructions(GenAiOperation operation, String instructionsJson, AttributeSink sink) {
		sink.put(GenAiAttributes.SYSTEM_INSTRUCTIONS, instructionsJson);
	}

	@Override
	public void onToolDefinitions(GenAiOperation operation, String definitionsJson, AttributeSink sink) {
		sink.put(GenAiAttributes.TOOL_DEFINITIONS, definitionsJson);
	}

	@Override
	public void onResponse(GenAiOperation operation, GenAiResponse response, AttributeSink sink) {
		if (operation.type() == GenAiOperation.Type.CHAT || operation.type() == GenAiOperation.Type.EMBEDDINGS) {
			sink.put(GenAiAttributes.RESPONSE_ID, response.id());
			sink.put(GenAiAttributes.RESPONSE_MODEL, response.model());
			sink.put(GenAiAttributes.EMBEDDINGS_DIMENSION_COUNT, response.embeddingDimensions());
		}
		if (!response.finishReasons().isEmpty()) {
			sink.put(GenAiAttributes.RESPONSE_FINISH_REASONS, response.finishReasons());
		}
	}

	@Override
	public void onUsage(GenAiOperation operation, TokenUsage usage, AttributeSink sink) {
		sink.put(GenAiAttributes.USAGE_INPUT_TOKENS, usage.inputTokens());
		sink.put(GenAiAttributes.USAGE_OUTPUT_TOKENS, usage.outputTokens());
		sink.put(GenAiAttributes.USAGE_CACHE_READ_INPUT_TOKENS, usage.cacheReadInputTokens());
		sink.put(GenAiAttributes.USAGE_CACHE_CREATION_INPUT_TOKENS, usage.cacheCreationInputTokens());
		sink.put(GenAiAttributes.USAGE_REASONING_OUTPUT_TOKENS, usage.reasoningOutputTokens());
	}

}
