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

import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.semconv.GenAiProviders;
import io.github.genaitracing.semconv.McpAttributes;
import io.github.genaitracing.semconv.SemconvMode;
import io.github.genaitracing.spi.AgentInvocation;
import io.github.genaitracing.spi.AgentRequest;
import io.github.genaitracing.spi.AttributeSink;
import io.github.genaitracing.spi.CapturedContent;
import io.github.genaitracing.spi.Cost;
import io.github.genaitracing.spi.GenAiOperation;
import io.github.genaitracing.spi.GenAiResponse;
import io.github.genaitracing.spi.McpRequest;
import io.github.genaitracing.spi.ModelCall;
import io.github.genaitracing.spi.Outcome;
import io.github.genaitracing.spi.RequestOptions;
import io.github.genaitracing.spi.RunTotals;
import io.github.genaitracing.spi.SpanVocabulary;
import io.github.genaitracing.spi.TokenUsage;
import io.github.genaitracing.spi.ToolExecution;

/**
 * Writes the OpenTelemetry GenAI semantic conventions (baseline v1.41).
 *
 * @since 0.1.0
 */
public final class GenAiVocabulary implements SpanVocabulary {

	private static final String USER = "user";

	private static final String ASSISTANT = "assistant";

	private static final String STOP = "stop";

	private static final String SYSTEM = "system";

	private final SemconvMode mode;

	/**
	 * Creates the vocabulary with the v1.41 names.
	 */
	public GenAiVocabulary() {
		this(SemconvMode.V1_41);
	}

	/**
	 * Creates the vocabulary.
	 * @param mode which convention names to write
	 */
	public GenAiVocabulary(SemconvMode mode) {
		this.mode = mode;
	}

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
		if (operation instanceof AgentRequest request) {
			onServerRequest(request, conversationId, sink);
			return;
		}
		if (operation instanceof McpRequest mcp) {
			onMcpRequest(mcp, conversationId, sink);
			return;
		}
		sink.put(GenAiAttributes.OPERATION_NAME, operation.operationName());
		if (!(operation instanceof ToolExecution) && (this.mode.v141() || !inProcessAgent(operation))) {
			sink.put(GenAiAttributes.PROVIDER_NAME, operation.providerName());
		}
		sink.put(GenAiAttributes.CONVERSATION_ID, conversationId);
		if (operation instanceof AgentInvocation agent) {
			agent(agent, sink);
		}
		else if (operation instanceof ToolExecution tool) {
			sink.put(GenAiAttributes.TOOL_NAME, tool.toolName());
			sink.put(GenAiAttributes.TOOL_DESCRIPTION, tool.toolDescription());
			sink.put(GenAiAttributes.TOOL_TYPE, tool.toolType());
			sink.put(GenAiAttributes.TOOL_CALL_ID, tool.toolCallId());
		}
		else if (operation instanceof ModelCall model) {
			sink.put(GenAiAttributes.REQUEST_MODEL, model.requestModel());
			requestOptions(model.requestOptions(), sink);
		}
		server(operation, sink);
	}

	private void onServerRequest(AgentRequest request, @Nullable String conversationId, AttributeSink sink) {
		sink.put(GenAiAttributes.CONVERSATION_ID, conversationId);
		AgentInvocation agent = request.agent();
		sink.put(GenAiAttributes.AGENT_NAME, emptyToNull(agent.agentName()));
		sink.put(GenAiAttributes.AGENT_DESCRIPTION, emptyToNull(agent.agentDescription()));
		sink.put(GenAiAttributes.AGENT_VERSION, emptyToNull(agent.agentVersion()));
		sink.put(GenAiAttributes.CLIENT_ADDRESS, emptyToNull(request.clientAddress()));
		sink.put(GenAiAttributes.CLIENT_PORT, request.clientPort());
		server(request, sink);
	}

	/**
	 * The MCP conventions' client and server span attributes.
	 */
	private void onMcpRequest(McpRequest request, @Nullable String conversationId, AttributeSink sink) {
		sink.put(McpAttributes.METHOD_NAME, request.method());
		if (request.isToolExecution()) {
			sink.put(GenAiAttributes.OPERATION_NAME, GenAiAttributes.OperationName.EXECUTE_TOOL);
		}
		sink.put(GenAiAttributes.TOOL_NAME, request.toolName());
		sink.put(McpAttributes.PROMPT_NAME, request.promptName());
		sink.put(McpAttributes.RESOURCE_URI, request.resourceUri());
		sink.put(McpAttributes.JSONRPC_REQUEST_ID, request.requestId());
		sink.put(McpAttributes.SESSION_ID, request.sessionId());
		sink.put(McpAttributes.PROTOCOL_VERSION, request.protocolVersion());
		sink.put(McpAttributes.NETWORK_TRANSPORT, request.transport());
		sink.put(McpAttributes.NETWORK_PROTOCOL_NAME, request.networkProtocolName());
		sink.put(GenAiAttributes.CONVERSATION_ID, conversationId);
		sink.put(GenAiAttributes.CLIENT_ADDRESS, emptyToNull(request.clientAddress()));
		if (request.clientAddress() != null) {
			sink.put(GenAiAttributes.CLIENT_PORT, request.clientPort());
		}
		server(request, sink);
	}

	private void agent(AgentInvocation agent, AttributeSink sink) {
		sink.put(GenAiAttributes.AGENT_NAME, agent.agentName());
		sink.put(GenAiAttributes.AGENT_ID, agent.agentId());
		sink.put(GenAiAttributes.AGENT_DESCRIPTION, agent.agentDescription());
		sink.put(GenAiAttributes.AGENT_VERSION, agent.agentVersion());
	}

	private void server(GenAiOperation operation, AttributeSink sink) {
		String address = emptyToNull(operation.serverAddress());
		sink.put(GenAiAttributes.SERVER_ADDRESS, address);
		if (address != null) {
			sink.put(GenAiAttributes.SERVER_PORT, operation.serverPort());
		}
	}

	private static @Nullable String emptyToNull(@Nullable String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	private void requestOptions(RequestOptions options, AttributeSink sink) {
		sink.put(GenAiAttributes.REQUEST_TEMPERATURE, options.temperature());
		sink.put(GenAiAttributes.REQUEST_TOP_P, options.topP());
		sink.put(GenAiAttributes.REQUEST_TOP_K, options.topK());
		sink.put(GenAiAttributes.REQUEST_FREQUENCY_PENALTY, options.frequencyPenalty());
		sink.put(GenAiAttributes.REQUEST_PRESENCE_PENALTY, options.presencePenalty());
		sink.put(GenAiAttributes.REQUEST_MAX_TOKENS, options.maxTokens());
		sink.put(GenAiAttributes.REQUEST_SEED, options.seed());
		sink.put(GenAiAttributes.OUTPUT_TYPE, options.outputType());
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
		if (operation instanceof ToolExecution) {
			sink.put(GenAiAttributes.TOOL_CALL_ARGUMENTS, input.jsonValue());
		}
		else if (GenAiProviders.takesSystemInstructionsApart(operation.providerName())) {
			// the system messages are recorded once, in gen_ai.system_instructions
			sink.put(GenAiAttributes.INPUT_MESSAGES, input.messagesJsonWithout(USER, SYSTEM));
		}
		else {
			sink.put(GenAiAttributes.INPUT_MESSAGES, input.messagesJson(USER, null));
		}
	}

	@Override
	public void onOutput(GenAiOperation operation, CapturedContent output, @Nullable String finishReason,
			AttributeSink sink) {
		if (operation instanceof ToolExecution) {
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
		if (operation instanceof ModelCall) {
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
		if (this.mode.v141()) {
			sink.put(GenAiAttributes.USAGE_CACHE_CREATION_INPUT_TOKENS, usage.cacheCreationInputTokens());
		}
		if (this.mode.latest()) {
			sink.put(GenAiAttributes.USAGE_CACHE_WRITE_INPUT_TOKENS, usage.cacheCreationInputTokens());
		}
		sink.put(GenAiAttributes.USAGE_REASONING_OUTPUT_TOKENS, usage.reasoningOutputTokens());
	}

	@Override
	public void onCost(GenAiOperation operation, Cost cost, AttributeSink sink) {
		sink.put(GenAiAttributes.USAGE_COST, cost.amount().doubleValue());
		sink.put(GenAiAttributes.USAGE_COST_CURRENCY, cost.currency());
	}

	@Override
	public void onRunTotals(GenAiOperation operation, RunTotals totals, AttributeSink sink) {
		sink.put(GenAiAttributes.USAGE_INPUT_TOKENS, totals.inputTokens());
		sink.put(GenAiAttributes.USAGE_OUTPUT_TOKENS, totals.outputTokens());
		if (totals.cacheReadTokens() > 0) {
			sink.put(GenAiAttributes.USAGE_CACHE_READ_INPUT_TOKENS, totals.cacheReadTokens());
		}
		if (totals.cacheWriteTokens() > 0) {
			sink.put(GenAiAttributes.USAGE_CACHE_CREATION_INPUT_TOKENS, totals.cacheWriteTokens());
		}
		Cost cost = totals.cost();
		if (cost != null) {
			sink.put(GenAiAttributes.RUN_COST, cost.amount().doubleValue());
			sink.put(GenAiAttributes.RUN_COST_CURRENCY, cost.currency());
		}
	}

	@Override
	public void onServer(GenAiOperation operation, String address, @Nullable Long port, AttributeSink sink) {
		sink.put(GenAiAttributes.SERVER_ADDRESS, address);
		sink.put(GenAiAttributes.SERVER_PORT, port);
	}

	@Override
	public void onTimeToFirstChunk(GenAiOperation operation, long nanos, AttributeSink sink) {
		sink.put(GenAiAttributes.RESPONSE_TIME_TO_FIRST_CHUNK, nanos / 1e9);
	}

	@Override
	public void onError(GenAiOperation operation, Outcome outcome, AttributeSink sink) {
		sink.put(GenAiAttributes.ERROR_TYPE, outcome.errorType());
	}

	/**
	 * The newest draft drops the provider from the INTERNAL {@code invoke_agent} span of
	 * an in-process agent (a remote agent's CLIENT span keeps it).
	 */
	private static boolean inProcessAgent(GenAiOperation operation) {
		return operation instanceof AgentInvocation
				&& operation.spanKind() == io.opentelemetry.api.trace.SpanKind.INTERNAL;
	}

}
