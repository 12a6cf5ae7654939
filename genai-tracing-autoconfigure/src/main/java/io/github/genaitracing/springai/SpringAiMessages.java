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
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;

import io.github.genaitracing.content.GenAiToolDefinition;
import io.github.genaitracing.spi.GenAiMessage;

/**
 * Converts Spring AI messages to the semantic conventions' message model.
 */
final class SpringAiMessages {

	private SpringAiMessages() {
	}

	static List<GenAiMessage> input(List<Message> messages) {
		List<GenAiMessage> result = new ArrayList<>(messages.size());
		for (Message message : messages) {
			result.add(message(message, null, false));
		}
		return result;
	}

	/**
	 * The text of the system messages, recorded as {@code gen_ai.system_instructions} for
	 * a provider whose API takes them apart from the chat history (the semconv vocabulary
	 * then leaves them out of {@code gen_ai.input.messages}).
	 */
	static List<GenAiMessage.Part> systemInstructions(List<Message> messages) {
		List<GenAiMessage.Part> parts = new ArrayList<>();
		for (Message message : messages) {
			if (message.getMessageType() == MessageType.SYSTEM && message.getText() != null
					&& !message.getText().isEmpty()) {
				parts.add(new GenAiMessage.Text(message.getText()));
			}
		}
		return parts;
	}

	/**
	 * The definitions of the tools offered to the model through tool-calling options.
	 */
	static List<GenAiToolDefinition> toolDefinitions(@Nullable ChatOptions options) {
		if (!(options instanceof ToolCallingChatOptions toolOptions) || toolOptions.getToolCallbacks() == null) {
			return List.of();
		}
		List<GenAiToolDefinition> definitions = new ArrayList<>();
		for (ToolCallback callback : toolOptions.getToolCallbacks()) {
			ToolDefinition definition = callback.getToolDefinition();
			definitions.add(new GenAiToolDefinition(definition.name(), definition.description(),
					definition.inputSchema()));
		}
		return definitions;
	}

	static List<GenAiMessage> output(ChatResponse response) {
		List<GenAiMessage> result = new ArrayList<>();
		for (Generation generation : response.getResults()) {
			result.add(message(generation.getOutput(), finishReason(generation.getMetadata().getFinishReason()), true));
		}
		return result;
	}

	static List<String> finishReasons(ChatResponse response) {
		List<String> reasons = new ArrayList<>();
		for (Generation generation : response.getResults()) {
			String reason = finishReason(generation.getMetadata().getFinishReason());
			if (reason != null) {
				reasons.add(reason);
			}
		}
		return reasons;
	}

	/**
	 * Maps a provider finish reason (Spring AI passes OpenAI's upper-cased) to the
	 * semantic conventions' lower-case values.
	 */
	static @Nullable String finishReason(@Nullable String reason) {
		if (reason == null || reason.isBlank()) {
			return null;
		}
		String lower = reason.toLowerCase(Locale.ROOT);
		return switch (lower) {
			case "tool_calls", "function_call", "tool_use" -> "tool_call";
			case "end_turn", "stop_sequence" -> "stop";
			case "max_tokens" -> "length";
			default -> lower;
		};
	}

	/**
	 * A message in the conventions' shape; only output messages carry a finish reason
	 * (the input schema has none, and a past assistant turn's reason is not known).
	 */
	private static GenAiMessage message(Message message, @Nullable String finishReason, boolean output) {
		String role = switch (message.getMessageType()) {
			case USER -> "user";
			case ASSISTANT -> "assistant";
			case SYSTEM -> "system";
			case TOOL -> "tool";
		};
		List<GenAiMessage.Part> parts = new ArrayList<>();
		if (message instanceof ToolResponseMessage toolResponse) {
			for (ToolResponseMessage.ToolResponse response : toolResponse.getResponses()) {
				parts.add(new GenAiMessage.ToolCallResponse(response.id(), String.valueOf(response.responseData())));
			}
		}
		else {
			String text = message.getText();
			if (text != null && !text.isEmpty()) {
				parts.add(new GenAiMessage.Text(text));
			}
			if (message instanceof AssistantMessage assistant && assistant.getToolCalls() != null) {
				for (AssistantMessage.ToolCall call : assistant.getToolCalls()) {
					parts.add(new GenAiMessage.ToolCall(call.id(), call.name(), call.arguments()));
				}
			}
		}
		if (!output) {
			return new GenAiMessage(role, parts, null);
		}
		return new GenAiMessage(role, parts, (finishReason != null) ? finishReason : "stop");
	}

}
