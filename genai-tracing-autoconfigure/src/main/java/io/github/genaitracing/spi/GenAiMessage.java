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

package io.github.genaitracing.spi;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.genaitracing.annotation.ToolCall;

/**
 * A chat message in the shape of the GenAI semantic conventions' message schema: a role
 * and ordered parts, plus a finish reason on output messages.
 *
 * @param role the role, such as {@code user}, {@code assistant}, {@code system} or
 * {@code tool}
 * @param parts the parts, in order
 * @param finishReason the finish reason of an output message, otherwise {@code null}
 * @since 0.1.0
 */
public record GenAiMessage(String role, List<Part> parts, @Nullable String finishReason) {

	/**
	 * Creates a message.
	 * @param role the role
	 * @param parts the parts
	 * @param finishReason the finish reason, or {@code null}
	 */
	public GenAiMessage {
		parts = List.copyOf(parts);
	}

	/**
	 * Creates an input message with one text part.
	 * @param role the role
	 * @param text the text
	 * @return the message
	 */
	public static GenAiMessage text(String role, String text) {
		return new GenAiMessage(role, List.of(new Text(text)), null);
	}

	/**
	 * A part of a message.
	 */
	public sealed interface Part permits Text, ToolCall, ToolCallResponse, Reasoning {

	}

	/**
	 * A text part.
	 *
	 * @param content the text
	 */
	public record Text(String content) implements Part {
	}

	/**
	 * A tool call requested by the model.
	 *
	 * @param id the call id, or {@code null}
	 * @param name the tool name
	 * @param arguments the arguments, usually a JSON object string, or {@code null}
	 */
	public record ToolCall(@Nullable String id, String name, @Nullable String arguments) implements Part {
	}

	/**
	 * The response of a tool call.
	 *
	 * @param id the call id, or {@code null}
	 * @param response the response, JSON or text
	 */
	public record ToolCallResponse(@Nullable String id, String response) implements Part {
	}

	/**
	 * Reasoning content.
	 *
	 * @param content the reasoning text
	 */
	public record Reasoning(String content) implements Part {
	}

}
