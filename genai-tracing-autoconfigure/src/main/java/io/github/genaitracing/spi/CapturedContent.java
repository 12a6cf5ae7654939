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

/**
 * Content that passed the content policy: redacted and bounded, ready to be written by
 * each vocabulary in its own shape.
 *
 * @since 0.1.0
 */
public interface CapturedContent {

	/**
	 * Returns the value: plain text, or a JSON document when {@link #isJson()}.
	 * @return the value
	 */
	String value();

	/**
	 * Returns whether {@link #value()} is a JSON document.
	 * @return whether the value is JSON
	 */
	boolean isJson();

	/**
	 * Returns the value as a JSON document: the value itself when it is JSON, otherwise a
	 * JSON string.
	 * @return the JSON-encoded value
	 */
	String jsonValue();

	/**
	 * Returns the chat messages when this content was captured from messages.
	 * @return the messages, or {@code null}
	 */
	@Nullable List<GenAiMessage> messages();

	/**
	 * Returns this content as a JSON array of semantic-convention messages: the captured
	 * messages, or one message of the given role with the value as a text part.
	 * @param role role of the single message when the content is not messages
	 * @param finishReason finish reason of the single message (output messages), or
	 * {@code null}
	 * @return the messages JSON
	 */
	String messagesJson(String role, @Nullable String finishReason);

	/**
	 * Returns the captured messages as a JSON array of semantic-convention messages,
	 * leaving out those of one role (the system messages of a provider that takes its
	 * system instructions apart from the chat history); the same as
	 * {@link #messagesJson(String, String)} when the content is not messages.
	 * @param role role of the single message when the content is not messages
	 * @param excludedRole the role whose messages are left out
	 * @return the messages JSON
	 */
	default String messagesJsonWithout(String role, String excludedRole) {
		return messagesJson(role, null);
	}

}
