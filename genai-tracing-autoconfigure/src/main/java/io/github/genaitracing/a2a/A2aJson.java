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

package io.github.genaitracing.a2a;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

	private static final String UNSPECIFIED = "TASK_STATE_UNSPECIFIED";

	/** The task states as 0.3 and 1.0 spell them, each with its normalized name. */
	private static final Map<String, String> WIRE_STATES = wireStates();

	private static final byte[] JSONRPC = "\"jsonrpc\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

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

	/**
	 * Reads a document keeping only the members named in {@code names}, at any depth:
	 * every other member's value is checked but never built (a task's history, metadata,
	 * the text parts when no content is recorded). A body that is not valid JSON, or has
	 * content after its value, gives {@code null} as {@link #read(byte[], int)} does.
	 * @param body the bytes
	 * @param length how many bytes of {@code body} to read
	 * @param names the member names to keep
	 * @return the document's kept members, or {@code null}
	 * @see SelectiveJsonReader
	 */
	static @Nullable JsonNode read(byte[] body, int length, SelectiveJsonReader.Names names) {
		return SelectiveJsonReader.read(body, length, names);
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

	private static Map<String, String> wireStates() {
		Map<String, String> states = new HashMap<>();
		for (String name : List.of("SUBMITTED", "WORKING", "INPUT_REQUIRED", "COMPLETED", "CANCELED", "FAILED",
				"REJECTED", "AUTH_REQUIRED")) {
			for (String spelling : List.of("TASK_STATE_" + name, name.toLowerCase(Locale.ROOT).replace('_', '-'))) {
				states.put(spelling, normalizedTaskState(spelling));
			}
		}
		return Map.copyOf(states);
	}

	/**
	 * Every task state as 0.3 and 1.0 spell it on the wire.
	 */
	static String[] wireTaskStates() {
		return WIRE_STATES.keySet().toArray(String[]::new);
	}

	/**
	 * Normalises a task state to the 1.0 {@code TASK_STATE_*} form: 0.3 spellings
	 * ({@code input-required}) and the British {@code cancelled} map to the 1.0 value; a
	 * state that is none of the protocol's is {@code TASK_STATE_UNSPECIFIED}, so that a
	 * peer cannot invent attribute values.
	 */
	static @Nullable String taskState(@Nullable String state) {
		if (state == null) {
			return null;
		}
		// the spellings on the wire, 0.3 and 1.0, answered without making strings
		String known = WIRE_STATES.get(state);
		if (known != null) {
			return known;
		}
		return normalizedTaskState(state);
	}

	private static @Nullable String normalizedTaskState(String state) {
		if (state.isBlank()) {
			return null;
		}
		String name = state.strip();
		if (name.length() > 40) {
			return UNSPECIFIED;
		}
		if (name.startsWith("TASK_STATE_")) {
			name = name.substring("TASK_STATE_".length());
		}
		name = name.replace('-', '_').toUpperCase(Locale.ROOT);
		return switch (name) {
			case "SUBMITTED", "WORKING", "INPUT_REQUIRED", "COMPLETED", "FAILED", "REJECTED", "AUTH_REQUIRED" ->
				"TASK_STATE_" + name;
			case "CANCELED", "CANCELLED" -> "TASK_STATE_CANCELED";
			default -> UNSPECIFIED;
		};
	}

	/**
	 * Whether a body may be a JSON-RPC request or response: it has a {@code "jsonrpc"}
	 * member name (an unescaped quote). A cheap scan that spares other bodies (a model
	 * request, a REST call) the parse.
	 */
	static boolean mayBeJsonRpc(byte[] body, int length) {
		int last = length - JSONRPC.length;
		for (int i = 0; i <= last; i++) {
			if (body[i] == '"' && (i == 0 || body[i - 1] != '\\') && matches(body, i)) {
				return true;
			}
		}
		return false;
	}

	private static boolean matches(byte[] body, int at) {
		for (int j = 1; j < JSONRPC.length; j++) {
			if (body[at + j] != JSONRPC[j]) {
				return false;
			}
		}
		return true;
	}

}
