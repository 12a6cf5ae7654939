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

import java.util.List;
import java.util.Map;

import io.opentelemetry.api.common.AttributeKey;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.github.genaitracing.semconv.GenAiAttributes.ProviderName;
import io.github.genaitracing.semconv.OpenInferenceAttributes;
import io.github.genaitracing.semconv.OpenInferenceAttributes.MimeType;
import io.github.genaitracing.semconv.OpenInferenceAttributes.SpanKind;
import io.github.genaitracing.spi.AgentInvocation;
import io.github.genaitracing.spi.AgentRequest;
import io.github.genaitracing.spi.McpRequest;
import io.github.genaitracing.spi.AttributeSink;
import io.github.genaitracing.spi.CapturedContent;
import io.github.genaitracing.spi.ChatCall;
import io.github.genaitracing.spi.GenAiMessage;
import io.github.genaitracing.spi.GenAiOperation;
import io.github.genaitracing.spi.GenAiResponse;
import io.github.genaitracing.spi.ModelCall;
import io.github.genaitracing.spi.RequestOptions;
import io.github.genaitracing.spi.SpanVocabulary;
import io.github.genaitracing.spi.TokenUsage;
import io.github.genaitracing.spi.ToolExecution;

/**
 * Writes the OpenInference conventions read by Arize Phoenix.
 *
 * @since 0.1.0
 */
public final class OpenInferenceVocabulary implements SpanVocabulary {

	// gen_ai.provider.name -> (llm.provider, llm.system), after Phoenix's own gen_ai conversion table
	private static final Map<String, String[]> PROVIDERS = Map.ofEntries(
			Map.entry(ProviderName.OPENAI, new String[] { "openai", "openai" }),
			Map.entry(ProviderName.ANTHROPIC, new String[] { "anthropic", "anthropic" }),
			Map.entry(ProviderName.GCP_VERTEX_AI, new String[] { "google", "vertexai" }),
			Map.entry(ProviderName.GCP_GEMINI, new String[] { "google", "vertexai" }),
			Map.entry(ProviderName.GCP_GEN_AI, new String[] { "google", "vertexai" }),
			Map.entry(ProviderName.AWS_BEDROCK, new String[] { "aws", "amazon" }),
			Map.entry(ProviderName.AZURE_AI_OPENAI, new String[] { "azure", "openai" }),
			Map.entry(ProviderName.AZURE_AI_INFERENCE, new String[] { "azure", null }),
			Map.entry(ProviderName.MISTRAL_AI, new String[] { "mistralai", "mistralai" }),
			Map.entry(ProviderName.COHERE, new String[] { "cohere", "cohere" }),
			Map.entry(ProviderName.DEEPSEEK, new String[] { "deepseek", "deepseek" }),
			Map.entry(ProviderName.GROQ, new String[] { "groq", null }),
			Map.entry(ProviderName.X_AI, new String[] { "xai", "xai" }),
			Map.entry(ProviderName.PERPLEXITY, new String[] { "perplexity", null }),
			Map.entry(ProviderName.OLLAMA, new String[] { "ollama", null }));

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

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
		if (operation instanceof AgentRequest || operation instanceof McpRequest) {
			return;
		}
		if (operation instanceof AgentInvocation agent) {
			sink.put(OpenInferenceAttributes.SPAN_KIND, SpanKind.AGENT);
			sink.put(OpenInferenceAttributes.AGENT_NAME, agent.agentName());
			sink.put(OpenInferenceAttributes.USER_ID, agent.userId());
		}
		else if (operation instanceof ToolExecution tool) {
			sink.put(OpenInferenceAttributes.SPAN_KIND, SpanKind.TOOL);
			sink.put(OpenInferenceAttributes.TOOL_NAME, tool.toolName());
			sink.put(OpenInferenceAttributes.TOOL_DESCRIPTION, tool.toolDescription());
			sink.put(OpenInferenceAttributes.TOOL_ID, tool.toolCallId());
		}
		else if (operation instanceof ModelCall model) {
			sink.put(OpenInferenceAttributes.SPAN_KIND,
					(operation instanceof ChatCall) ? SpanKind.LLM : SpanKind.EMBEDDING);
			sink.put((operation instanceof ChatCall) ? OpenInferenceAttributes.LLM_MODEL_NAME
					: OpenInferenceAttributes.EMBEDDING_MODEL_NAME, model.requestModel());
			String[] provider = (operation.providerName() != null) ? PROVIDERS.get(operation.providerName()) : null;
			sink.put(OpenInferenceAttributes.LLM_PROVIDER, (provider != null) ? provider[0] : operation.providerName());
			sink.put(OpenInferenceAttributes.LLM_SYSTEM, (provider != null) ? provider[1] : null);
			sink.put(OpenInferenceAttributes.LLM_INVOCATION_PARAMETERS, invocationParameters(model.requestOptions()));
		}
		sink.put(OpenInferenceAttributes.SESSION_ID, conversationId);
	}

	@Override
	public void onInput(GenAiOperation operation, CapturedContent input, AttributeSink sink) {
		sink.put(OpenInferenceAttributes.INPUT_VALUE, input.value());
		sink.put(OpenInferenceAttributes.INPUT_MIME_TYPE, input.isJson() ? MimeType.JSON : MimeType.TEXT);
		if (input.messages() != null) {
			flatten(OpenInferenceAttributes.LLM_INPUT_MESSAGES, input.messages(), sink);
		}
	}

	@Override
	public void onOutput(GenAiOperation operation, CapturedContent output, @Nullable String finishReason,
			AttributeSink sink) {
		sink.put(OpenInferenceAttributes.OUTPUT_VALUE, output.value());
		sink.put(OpenInferenceAttributes.OUTPUT_MIME_TYPE, output.isJson() ? MimeType.JSON : MimeType.TEXT);
		if (output.messages() != null) {
			flatten(OpenInferenceAttributes.LLM_OUTPUT_MESSAGES, output.messages(), sink);
		}
	}

	@Override
	public void onToolDefinitions(GenAiOperation operation, String definitionsJson, AttributeSink sink) {
		JsonNode definitions;
		try {
			definitions = MAPPER.readTree(definitionsJson);
		}
		catch (RuntimeException ex) {
			return;
		}
		int index = 0;
		for (JsonNode definition : definitions.values()) {
			// OpenAI's tool shape: the type once, outside the function object
			JsonNode function = (definition instanceof ObjectNode object) ? object.deepCopy().without("type")
					: definition;
			String schema = "{\"type\":\"function\",\"function\":" + MAPPER.writeValueAsString(function) + "}";
			sink.put(AttributeKey.stringKey(OpenInferenceAttributes.LLM_TOOLS + "." + index + "."
					+ OpenInferenceAttributes.TOOL_JSON_SCHEMA), schema);
			index++;
		}
	}

	@Override
	public void onResponse(GenAiOperation operation, GenAiResponse response, AttributeSink sink) {
		if (operation instanceof ModelCall) {
			sink.put((operation instanceof ChatCall) ? OpenInferenceAttributes.LLM_MODEL_NAME
					: OpenInferenceAttributes.EMBEDDING_MODEL_NAME, response.model());
		}
	}

	@Override
	public void onUsage(GenAiOperation operation, TokenUsage usage, AttributeSink sink) {
		sink.put(OpenInferenceAttributes.LLM_TOKEN_COUNT_PROMPT, usage.inputTokens());
		sink.put(OpenInferenceAttributes.LLM_TOKEN_COUNT_COMPLETION, usage.outputTokens());
		sink.put(OpenInferenceAttributes.LLM_TOKEN_COUNT_TOTAL, usage.totalTokens());
		sink.put(OpenInferenceAttributes.LLM_TOKEN_COUNT_PROMPT_CACHE_READ, usage.cacheReadInputTokens());
		sink.put(OpenInferenceAttributes.LLM_TOKEN_COUNT_PROMPT_CACHE_WRITE, usage.cacheCreationInputTokens());
		sink.put(OpenInferenceAttributes.LLM_TOKEN_COUNT_COMPLETION_REASONING, usage.reasoningOutputTokens());
	}

	private void flatten(String prefix, List<GenAiMessage> messages, AttributeSink sink) {
		for (int i = 0; i < messages.size(); i++) {
			GenAiMessage message = messages.get(i);
			String base = prefix + "." + i + ".";
			sink.put(key(base + OpenInferenceAttributes.MESSAGE_ROLE), message.role());
			StringBuilder text = new StringBuilder();
			int toolCall = 0;
			for (GenAiMessage.Part part : message.parts()) {
				if (part instanceof GenAiMessage.Text textPart) {
					text.append(textPart.content());
				}
				else if (part instanceof GenAiMessage.ToolCallResponse response) {
					text.append(toolResult(response.response()));
					sink.put(key(base + OpenInferenceAttributes.MESSAGE_TOOL_CALL_ID), response.id());
				}
				else if (part instanceof GenAiMessage.ToolCall call) {
					String callBase = base + OpenInferenceAttributes.MESSAGE_TOOL_CALLS + "." + toolCall + ".";
					sink.put(key(callBase + OpenInferenceAttributes.TOOL_CALL_ID), call.id());
					sink.put(key(callBase + OpenInferenceAttributes.TOOL_CALL_FUNCTION_NAME), call.name());
					sink.put(key(callBase + OpenInferenceAttributes.TOOL_CALL_FUNCTION_ARGUMENTS), call.arguments());
					toolCall++;
				}
			}
			if (!text.isEmpty()) {
				sink.put(key(base + OpenInferenceAttributes.MESSAGE_CONTENT), text.toString());
			}
		}
	}

	/**
	 * A tool result as the text of a tool message: the captured JSON value itself, except
	 * that a JSON string is its text, not quoted (a tool that answered JSON text shows that
	 * text).
	 */
	private static String toolResult(String json) {
		if (json.length() < 2 || json.charAt(0) != '"') {
			return json;
		}
		try {
			JsonNode node = MAPPER.readTree(json);
			return node.isString() ? node.asString() : json;
		}
		catch (RuntimeException ex) {
			return json;
		}
	}

	private static AttributeKey<String> key(String name) {
		return AttributeKey.stringKey(name);
	}

	private static @Nullable String invocationParameters(RequestOptions options) {
		StringBuilder json = new StringBuilder(64).append('{');
		field(json, "temperature", options.temperature());
		field(json, "top_p", options.topP());
		field(json, "top_k", options.topK());
		field(json, "frequency_penalty", options.frequencyPenalty());
		field(json, "presence_penalty", options.presencePenalty());
		field(json, "max_tokens", options.maxTokens());
		field(json, "seed", options.seed());
		field(json, "n", options.choiceCount());
		field(json, "stream", options.stream());
		if (options.stopSequences() != null && !options.stopSequences().isEmpty()) {
			separate(json).append("\"stop\":[");
			for (int i = 0; i < options.stopSequences().size(); i++) {
				if (i > 0) {
					json.append(',');
				}
				json.append('"');
				JsonStringEncoder.getInstance().quoteAsString(options.stopSequences().get(i), json);
				json.append('"');
			}
			json.append(']');
		}
		return (json.length() > 1) ? json.append('}').toString() : null;
	}

	private static void field(StringBuilder json, String name, @Nullable Object value) {
		if (value != null) {
			separate(json).append('"').append(name).append("\":").append(value);
		}
	}

	private static StringBuilder separate(StringBuilder json) {
		return (json.length() > 1) ? json.append(',') : json;
	}

}
