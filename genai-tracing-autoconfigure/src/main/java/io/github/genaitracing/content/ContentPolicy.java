package io.github.genaitracing.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one place that decides what content may be recorded: nothing when capture is off;
 * otherwise every text value is redacted, then truncated inside JSON strings so that JSON
 * stays valid and the text of one attribute value stays within {@code maxLength}
 * characters.
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
	private static final int REDACTION_MARGIN = 1024;

	private static final ContentPolicy DISABLED = new ContentPolicy(CaptureMode.NONE, 0, List.of());

	private final CaptureMode mode;

	private final int maxLength;

	private final List<ContentRedactor> redactors;

	private final ContentJson json = new ContentJson();

	/**
	 * Creates a policy.
	 * @param mode where content is recorded
	 * @param maxLength maximum number of text characters kept in one attribute value
	 * @param redactors redactors applied, in order, to every text value
	 */
	public ContentPolicy(CaptureMode mode, int maxLength, List<ContentRedactor> redactors) {
		this.mode = mode;
		this.maxLength = Math.max(0, maxLength);
		this.redactors = List.copyOf(redactors);
	}

	/**
	 * Returns a policy that records no content.
	 * @return the disabled policy
	 */
	public static ContentPolicy disabled() {
		return DISABLED;
	}

	/**
	 * Returns whether any content is recorded.
	 * @return whether content capture is on
	 */
	public boolean isEnabled() {
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
	 * Returns the maximum number of text characters kept in one attribute value.
	 * @return the maximum length
	 */
	public int maxLength() {
		return this.maxLength;
	}

	/**
	 * Captures a value: text stays text; any other object is converted to JSON.
	 * @param value the value
	 * @return the captured content, or {@code null} when capture is off or the value is
	 * {@code null}
	 */
	public @Nullable CapturedContent capture(@Nullable Object value) {
		if (!isEnabled() || value == null) {
			return null;
		}
		Budget budget = new Budget();
		if (value instanceof CharSequence text) {
			return new CapturedContent(budget.text(text.toString()), false, null, this.json);
		}
		JsonNode tree = toTree(value);
		if (tree == null) {
			return new CapturedContent(budget.text(String.valueOf(value)), false, null, this.json);
		}
		return new CapturedContent(this.json.tree(budget.tree(tree, 0)), true, null, this.json);
	}

	/**
	 * Captures named arguments as a JSON object.
	 * @param arguments argument names and values, in order
	 * @return the captured content, or {@code null} when capture is off
	 */
	public @Nullable CapturedContent captureArguments(Map<String, @Nullable Object> arguments) {
		if (!isEnabled()) {
			return null;
		}
		Budget budget = new Budget();
		ObjectNode object = JsonNodeFactory.instance.objectNode();
		arguments.forEach((name, value) -> {
			JsonNode tree = (value != null) ? toTree(value) : JsonNodeFactory.instance.nullNode();
			object.set(name, (tree != null) ? tree : JsonNodeFactory.instance.stringNode(String.valueOf(value)));
		});
		return new CapturedContent(this.json.tree(budget.tree(object, 0)), true, null, this.json);
	}

	/**
	 * Captures a value that is a JSON document when it parses, and text otherwise, such as
	 * tool call arguments from a model.
	 * @param value the value
	 * @return the captured content, or {@code null} when capture is off or the value is
	 * {@code null}
	 */
	public @Nullable CapturedContent captureJsonOrText(@Nullable String value) {
		if (!isEnabled() || value == null) {
			return null;
		}
		Budget budget = new Budget();
		JsonNode tree = parse(value);
		if (tree == null) {
			return new CapturedContent(budget.text(value), false, null, this.json);
		}
		return new CapturedContent(this.json.tree(budget.tree(tree, 0)), true, null, this.json);
	}

	/**
	 * Captures chat messages: text parts are redacted and truncated, tool call arguments
	 * and responses become valid JSON.
	 * @param messages the messages
	 * @return the captured content, or {@code null} when capture is off
	 */
	public @Nullable CapturedContent captureMessages(List<GenAiMessage> messages) {
		if (!isEnabled()) {
			return null;
		}
		Budget budget = new Budget();
		List<GenAiMessage> sanitized = new ArrayList<>(messages.size());
		for (GenAiMessage message : messages) {
			sanitized.add(new GenAiMessage(message.role(), budget.parts(message.parts()), message.finishReason()));
		}
		String messagesJson = this.json.messages(sanitized);
		return new CapturedContent(messagesJson, true, sanitized, this.json);
	}

	/**
	 * Captures system instructions as a JSON array of parts.
	 * @param parts the instruction parts
	 * @return the JSON, or {@code null} when capture is off
	 */
	public @Nullable String captureSystemInstructions(List<GenAiMessage.Part> parts) {
		if (!isEnabled()) {
			return null;
		}
		return this.json.parts(new Budget().parts(parts));
	}

	/**
	 * Captures tool definitions as a JSON array.
	 * @param definitions the tool definitions
	 * @return the JSON, or {@code null} when capture is off
	 */
	public @Nullable String captureToolDefinitions(List<GenAiToolDefinition> definitions) {
		if (!isEnabled()) {
			return null;
		}
		Budget budget = new Budget();
		List<GenAiToolDefinition> sanitized = new ArrayList<>(definitions.size());
		for (GenAiToolDefinition definition : definitions) {
			String description = (definition.description() != null) ? budget.text(definition.description()) : null;
			JsonNode parameters = (definition.parameters() != null) ? parse(definition.parameters()) : null;
			sanitized.add(new GenAiToolDefinition(definition.name(), description,
					(parameters != null) ? this.json.tree(budget.tree(parameters, 0)) : null));
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

	private @Nullable JsonNode toTree(Object value) {
		try {
			return this.json.mapper().valueToTree(value);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private @Nullable JsonNode parse(String value) {
		String trimmed = value.strip();
		if (trimmed.isEmpty()) {
			return null;
		}
		char first = trimmed.charAt(0);
		if (first != '{' && first != '[' && first != '"') {
			return null;
		}
		try {
			return this.json.mapper().readTree(trimmed);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * The text characters left for one attribute value.
	 */
	private final class Budget {

		private int remaining = ContentPolicy.this.maxLength;

		String text(String value) {
			// Only what can be kept is redacted, plus a margin so that a secret crossing
			// the cut is still seen whole by the rules.
			boolean cut = value.length() > this.remaining + REDACTION_MARGIN;
			String redacted = redact(cut ? value.substring(0, this.remaining + REDACTION_MARGIN) : value);
			if (redacted.length() <= this.remaining && !cut) {
				this.remaining -= redacted.length();
				return redacted;
			}
			int keep = Math.min(this.remaining, redacted.length());
			if (keep > 0 && Character.isHighSurrogate(redacted.charAt(keep - 1))) {
				keep--;
			}
			this.remaining = 0;
			return redacted.substring(0, keep) + TRUNCATION_MARKER;
		}

		String json(String value) {
			JsonNode tree = parse(value);
			JsonNode sanitized = (tree != null) ? tree(tree, 0)
					: JsonNodeFactory.instance.stringNode(text(value));
			return ContentPolicy.this.json.tree(sanitized);
		}

		JsonNode tree(JsonNode node, int depth) {
			if (node.isString()) {
				return JsonNodeFactory.instance.stringNode(text(node.stringValue()));
			}
			if (depth >= ContentJson.MAX_NESTING_DEPTH) {
				return JsonNodeFactory.instance.stringNode(TRUNCATION_MARKER);
			}
			if (node.isObject()) {
				ObjectNode copy = JsonNodeFactory.instance.objectNode();
				for (Map.Entry<String, JsonNode> property : node.properties()) {
					copy.set(property.getKey(), tree(property.getValue(), depth + 1));
				}
				return copy;
			}
			if (node.isArray()) {
				ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
				for (JsonNode element : node.values()) {
					copy.add(tree(element, depth + 1));
				}
				return copy;
			}
			return node;
		}

		List<GenAiMessage.Part> parts(List<GenAiMessage.Part> parts) {
			List<GenAiMessage.Part> sanitized = new ArrayList<>(parts.size());
			for (GenAiMessage.Part part : parts) {
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
