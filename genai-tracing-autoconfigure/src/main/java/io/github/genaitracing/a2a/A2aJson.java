package io.github.genaitracing.a2a;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads A2A JSON-RPC documents of both protocol versions; never throws.
 */
final class A2aJson {

	private static final JsonMapper MAPPER = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
			.build())
		.build();

	private A2aJson() {
	}

	static @Nullable JsonNode read(byte[] body, int length) {
		if (length == 0) {
			return null;
		}
		try {
			return MAPPER.readTree(body, 0, length);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isString()) {
			return value.stringValue();
		}
		return value.isValueNode() ? value.asString() : null;
	}

	/**
	 * Concatenates the text parts of a 0.3 ({@code {"kind":"text","text":…}}) or 1.0
	 * ({@code {"text":…}}) parts array.
	 */
	static void appendText(@Nullable JsonNode parts, StringBuilder text, int maxLength) {
		if (parts == null || !parts.isArray()) {
			return;
		}
		for (JsonNode part : parts.values()) {
			JsonNode value = part.get("text");
			if (value != null && value.isString() && text.length() < maxLength) {
				if (!text.isEmpty()) {
					text.append('\n');
				}
				String content = value.stringValue();
				text.append(content, 0, Math.min(content.length(), maxLength - text.length()));
			}
		}
	}

	/**
	 * Normalises a task state to the 1.0 {@code TASK_STATE_*} form.
	 */
	static @Nullable String taskState(@Nullable String state) {
		if (state == null || state.isBlank()) {
			return null;
		}
		if (state.startsWith("TASK_STATE_")) {
			return state;
		}
		if ("unknown".equals(state)) {
			return "TASK_STATE_UNSPECIFIED";
		}
		return "TASK_STATE_" + state.replace('-', '_').toUpperCase(Locale.ROOT);
	}

}
