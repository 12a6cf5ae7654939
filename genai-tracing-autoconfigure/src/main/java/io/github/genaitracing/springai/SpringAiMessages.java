package io.github.genaitracing.springai;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

import io.github.genaitracing.content.GenAiMessage;

/**
 * Converts Spring AI messages to the semantic conventions' message model.
 */
final class SpringAiMessages {

	private SpringAiMessages() {
	}

	static List<GenAiMessage> input(List<Message> messages) {
		List<GenAiMessage> result = new ArrayList<>(messages.size());
		for (Message message : messages) {
			result.add(message(message, null));
		}
		return result;
	}

	static List<GenAiMessage> output(ChatResponse response) {
		List<GenAiMessage> result = new ArrayList<>();
		for (Generation generation : response.getResults()) {
			result.add(message(generation.getOutput(), finishReason(generation.getMetadata().getFinishReason())));
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

	private static GenAiMessage message(Message message, @Nullable String finishReason) {
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
		return new GenAiMessage(role, parts, (finishReason != null || !"assistant".equals(role)) ? finishReason : "stop");
	}

}
