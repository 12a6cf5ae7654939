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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.github.genaitracing.autoconfigure.CaptureMode;
import io.github.genaitracing.spi.CapturedContent;
import io.github.genaitracing.spi.ContentRedactor;
import io.github.genaitracing.spi.GenAiMessage;
import io.github.genaitracing.spi.SensitiveKeyRule;

/**
 * The one place that decides what content may be recorded: nothing when capture is off;
 * otherwise every text value is redacted, the value under a sensitive key (at any depth,
 * in maps, records, beans and JSON text) is replaced, and the whole value is serialized
 * to at most {@code maxLength} characters, JSON structure included, stopping at the
 * budget, at a depth limit and on cycles, so that JSON stays valid and the object graph
 * is never walked further than what is kept.
 *
 * @since 0.1.0
 */
public final class ContentPolicy {

	/**
	 * Appended to a value that was cut.
	 */
	public static final String TRUNCATION_MARKER = "…[truncated]";

	/**
	 * Characters past the cut that are redacted with the kept text, so that a secret
	 * crossing the cut is recognised.
	 */
	static final int REDACTION_MARGIN = 1024;

	/** JSON characters of a message beside its parts ({@code {"role":"…","parts":[]}}). */
	private static final int MESSAGE_OVERHEAD = 32;

	/** JSON characters of a part beside its content ({@code {"type":"text","content":""}}). */
	private static final int PART_OVERHEAD = 28;

	/** Room given to a JSON value even when the budget is spent, so that it stays JSON. */
	private static final int MIN_JSON_LENGTH = 48;

	private static final ContentPolicy DISABLED = new ContentPolicy(CaptureMode.NONE, 0, List.of());

	private final CaptureMode mode;

	private final int maxLength;

	private final List<ContentRedactor> redactors;

	private final SensitiveKeyRule keys;

	private final String replacement;

	private final ContentJson json = new ContentJson();

	/**
	 * Creates a policy with the {@link SensitiveKeys#defaults() default sensitive keys}.
	 * @param mode where content is recorded
	 * @param maxLength maximum number of characters of one captured value
	 * @param redactors redactors applied, in order, to every text value
	 */
	public ContentPolicy(CaptureMode mode, int maxLength, List<ContentRedactor> redactors) {
		this(mode, maxLength, redactors, SensitiveKeys.defaults(), RegexContentRedactor.DEFAULT_REPLACEMENT);
	}

	/**
	 * Creates a policy.
	 * @param mode where content is recorded
	 * @param maxLength maximum number of characters of one captured value, JSON structure
	 * included
	 * @param redactors redactors applied, in order, to every text value and key
	 * @param keys the keys whose values are replaced, at any depth
	 * @param replacement what replaces a value under a sensitive key
	 */
	public ContentPolicy(CaptureMode mode, int maxLength, List<ContentRedactor> redactors, SensitiveKeyRule keys,
			String replacement) {
		this.mode = mode;
		this.maxLength = Math.max(0, maxLength);
		this.redactors = List.copyOf(redactors);
		this.keys = keys;
		this.replacement = replacement;
	}

	/**
	 * Returns a policy that records no content.
	 * @return the disabled policy
	 */
	public static ContentPolicy disabled() {
		return DISABLED;
	}

	/**
	 * Returns whether content is recorded on spans.
	 * @return whether span content capture is on
	 */
	public boolean isEnabled() {
		return this.mode.onSpans();
	}

	/**
	 * Returns whether content is recorded in the inference events.
	 * @return whether event content capture is on
	 */
	public boolean isEventEnabled() {
		return this.mode.inEvents();
	}

	private boolean captures() {
		return this.mode != CaptureMode.NONE;
	}

	/**
	 * Returns the capture mode.
	 * @return the capture mode
	 */
	public CaptureMode mode() {
		return this.mode;
	}

	/**
	 * Returns the maximum number of characters of one captured value.
	 * @return the maximum length
	 */
	public int maxLength() {
		return this.maxLength;
	}

	/**
	 * Captures a value: text stays text (a text holding a JSON object or array is
	 * redacted by key as well); any other object is serialized to JSON of at most
	 * {@link #maxLength()} characters, values under sensitive keys replaced.
	 * @param value the value
	 * @return the captured content, or {@code null} when capture is off or the value is
	 * {@code null}
	 */
	public @Nullable CapturedContent capture(@Nullable Object value) {
		if (!captures() || value == null) {
			return null;
		}
		if (value instanceof CharSequence text) {
			String string = text.toString();
			String json = render(string, this.maxLength);
			return new Captured((json != null) ? json : new Budget().text(string), false, null, this.json);
		}
		ContentSerializer serializer = serializer(this.maxLength);
		serializer.value(value);
		return new Captured(serializer.finish(), true, null, this.json);
	}

	/**
	 * Captures named arguments as a JSON object; the value of an argument whose name is
	 * sensitive (such as {@code password}) is replaced.
	 * @param arguments argument names and values, in order
	 * @return the captured content, or {@code null} when capture is off
	 */
	public @Nullable CapturedContent captureArguments(Map<String, @Nullable Object> arguments) {
		if (!captures()) {
			return null;
		}
		ContentSerializer serializer = serializer(this.maxLength);
		serializer.object(arguments);
		return new Captured(serializer.finish(), true, null, this.json);
	}

	/**
	 * Captures a value that is a JSON document when it parses, and text otherwise, such as
	 * tool call arguments from a model.
	 * @param value the value
	 * @return the captured content, or {@code null} when capture is off or the value is
	 * {@code null}
	 */
	public @Nullable CapturedContent captureJsonOrText(@Nullable String value) {
		if (!captures() || value == null) {
			return null;
		}
		String json = render(value, this.maxLength);
		if (json == null) {
			return new Captured(new Budget().text(value), false, null, this.json);
		}
		return new Captured(json, true, null, this.json);
	}

	/**
	 * Captures chat messages: text parts are redacted and truncated, tool call arguments
	 * and responses become valid JSON; messages past the budget are replaced by one
	 * marker.
	 * @param messages the messages
	 * @return the captured content, or {@code null} when capture is off
	 */
	public @Nullable CapturedContent captureMessages(List<GenAiMessage> messages) {
		if (!captures()) {
			return null;
		}
		Budget budget = new Budget();
		List<GenAiMessage> sanitized = new ArrayList<>(Math.min(messages.size(), 64));
		for (GenAiMessage message : messages) {
			if (budget.isExhausted()) {
				sanitized.add(new GenAiMessage(message.role(), List.of(new GenAiMessage.Text(TRUNCATION_MARKER)),
						null));
				break;
			}
			budget.spend(MESSAGE_OVERHEAD);
			sanitized.add(new GenAiMessage(message.role(), budget.parts(message.parts()), message.finishReason()));
		}
		String messagesJson = this.json.messages(sanitized);
		return new Captured(messagesJson, true, sanitized, this.json);
	}

	/**
	 * Captures system instructions as a JSON array of parts.
	 * @param parts the instruction parts
	 * @return the JSON, or {@code null} when capture is off
	 */
	public @Nullable String captureSystemInstructions(List<GenAiMessage.Part> parts) {
		if (!captures()) {
			return null;
		}
		return this.json.parts(new Budget().parts(parts));
	}

	/**
	 * Captures tool definitions as a JSON array; parameter schemas are kept whole up to
	 * the budget (their property names are not values, so no key is redacted).
	 * @param definitions the tool definitions
	 * @return the JSON, or {@code null} when capture is off
	 */
	public @Nullable String captureToolDefinitions(List<GenAiToolDefinition> definitions) {
		if (!captures()) {
			return null;
		}
		Budget budget = new Budget();
		List<GenAiToolDefinition> sanitized = new ArrayList<>(Math.min(definitions.size(), 64));
		for (GenAiToolDefinition definition : definitions) {
			if (budget.isExhausted()) {
				break;
			}
			budget.spend(MESSAGE_OVERHEAD + definition.name().length());
			String description = (definition.description() != null) ? budget.text(definition.description()) : null;
			String parameters = (definition.parameters() != null) ? budget.schema(definition.parameters()) : null;
			sanitized.add(new GenAiToolDefinition(definition.name(), description, parameters));
		}
		return this.json.toolDefinitions(sanitized);
	}

	/**
	 * Applies the redactors to a text.
	 * @param text the text
	 * @return the redacted text
	 */
	public String redact(String text) {
		String result = text;
		for (ContentRedactor redactor : this.redactors) {
			result = redactor.redact(result);
		}
		return result;
	}

	/**
	 * Returns the rule deciding which keys' values are replaced.
	 * @return the sensitive keys
	 */
	public SensitiveKeyRule sensitiveKeys() {
		return this.keys;
	}

	private ContentSerializer serializer(int limit) {
		return new ContentSerializer(this.json.mapper(), this.keys, this::redact, this.replacement, limit);
	}

	private @Nullable String render(String value, int limit) {
		return ContentSerializer.render(this.json.mapper(), this.keys, this::redact, this.replacement, value, limit);
	}

	/**
	 * The characters left for one attribute value.
	 */
	private final class Budget {

		private int remaining = ContentPolicy.this.maxLength;

		boolean isExhausted() {
			return this.remaining <= 0;
		}

		void spend(int characters) {
			this.remaining -= characters;
		}

		String text(String value) {
			// Only what can be kept is redacted, plus a margin so that a secret crossing
			// the cut is still seen whole by the rules.
			int room = Math.max(this.remaining, 0);
			boolean cut = value.length() > room + REDACTION_MARGIN;
			String redacted = redact(cut ? value.substring(0, room + REDACTION_MARGIN) : value);
			if (redacted.length() <= room && !cut) {
				this.remaining -= redacted.length();
				return redacted;
			}
			int keep = Math.min(room, redacted.length());
			if (keep > 0 && Character.isHighSurrogate(redacted.charAt(keep - 1))) {
				keep--;
			}
			this.remaining = 0;
			return redacted.substring(0, keep) + TRUNCATION_MARKER;
		}

		/**
		 * Returns a JSON value: the value redacted and bounded when it is a JSON object or
		 * array, otherwise the value as a JSON string.
		 */
		String json(String value) {
			String json = render(value, Math.max(this.remaining, MIN_JSON_LENGTH));
			if (json == null) {
				return ContentPolicy.this.json.quote(text(value));
			}
			this.remaining -= json.length();
			return json;
		}

		String schema(String value) {
			String json = ContentSerializer.render(ContentPolicy.this.json.mapper(), SensitiveKeys.none(),
					ContentPolicy.this::redact, ContentPolicy.this.replacement, value,
					Math.max(this.remaining, MIN_JSON_LENGTH));
			if (json == null) {
				return ContentPolicy.this.json.quote(text(value));
			}
			this.remaining -= json.length();
			return json;
		}

		List<GenAiMessage.Part> parts(List<GenAiMessage.Part> parts) {
			List<GenAiMessage.Part> sanitized = new ArrayList<>(Math.min(parts.size(), 64));
			for (GenAiMessage.Part part : parts) {
				if (isExhausted()) {
					sanitized.add(new GenAiMessage.Text(TRUNCATION_MARKER));
					break;
				}
				spend(PART_OVERHEAD);
				sanitized.add(part(part));
			}
			return sanitized;
		}

		private GenAiMessage.Part part(GenAiMessage.Part part) {
			if (part instanceof GenAiMessage.Text text) {
				return new GenAiMessage.Text(text(text.content()));
			}
			if (part instanceof GenAiMessage.ToolCall call) {
				return new GenAiMessage.ToolCall(call.id(), call.name(),
						(call.arguments() != null) ? json(call.arguments()) : null);
			}
			if (part instanceof GenAiMessage.ToolCallResponse response) {
				return new GenAiMessage.ToolCallResponse(response.id(), json(response.response()));
			}
			if (part instanceof GenAiMessage.Reasoning reasoning) {
				return new GenAiMessage.Reasoning(text(reasoning.content()));
			}
			return part;
		}

	}

}
