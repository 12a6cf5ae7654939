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

package io.github.genaitracing.content;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.genaitracing.spi.CapturedContent;
import io.github.genaitracing.spi.GenAiMessage;

/**
 * Content that passed the {@link ContentPolicy}: redacted and truncated, ready to be
 * written by each vocabulary in its own shape.
 *
 * @since 0.1.0
 */
final class Captured implements CapturedContent {

	private final String value;

	private final boolean json;

	private final @Nullable List<GenAiMessage> messages;

	private final ContentJson contentJson;

	private @Nullable String messagesJson;

	Captured(String value, boolean json, @Nullable List<GenAiMessage> messages, ContentJson contentJson) {
		this.value = value;
		this.json = json;
		this.messages = messages;
		this.contentJson = contentJson;
	}

	/**
	 * Returns the value: plain text, or a JSON document when {@link #isJson()}.
	 * @return the value
	 */
	@Override
	public String value() {
		return this.value;
	}

	/**
	 * Returns whether {@link #value()} is a JSON document.
	 * @return whether the value is JSON
	 */
	@Override
	public boolean isJson() {
		return this.json;
	}

	/**
	 * Returns the value as a JSON document: the value itself when it is JSON, otherwise a
	 * JSON string.
	 * @return the JSON-encoded value
	 */
	@Override
	public String jsonValue() {
		return this.json ? this.value : this.contentJson.quote(this.value);
	}

	/**
	 * Returns the chat messages when this content was captured from messages.
	 * @return the messages, or {@code null}
	 */
	@Override
	public @Nullable List<GenAiMessage> messages() {
		return this.messages;
	}

	/**
	 * Returns this content as a JSON array of semantic-convention messages: the captured
	 * messages, or one message of the given role with the value as a text part.
	 * @param role role of the single message when the content is not messages
	 * @param finishReason finish reason of the single message (output messages), or
	 * {@code null}
	 * @return the messages JSON
	 */
	@Override
	public String messagesJson(String role, @Nullable String finishReason) {
		String result = this.messagesJson;
		if (result == null) {
			List<GenAiMessage> source = (this.messages != null) ? this.messages
					: List.of(new GenAiMessage(role, List.of(new GenAiMessage.Text(this.value)), finishReason));
			result = this.contentJson.messages(source);
			this.messagesJson = result;
		}
		return result;
	}

	@Override
	public String messagesJsonWithout(String role, String excludedRole) {
		List<GenAiMessage> messages = this.messages;
		if (messages == null || messages.stream().noneMatch((message) -> excludedRole.equals(message.role()))) {
			return messagesJson(role, null);
		}
		return this.contentJson
			.messages(messages.stream().filter((message) -> !excludedRole.equals(message.role())).toList());
	}

	@Override
	public String toString() {
		return this.value;
	}

}
