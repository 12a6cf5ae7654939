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

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.genaitracing.spi.SensitiveKeyRule;

/**
 * Serializes one captured value into a {@link BoundedJsonWriter}: walks maps,
 * collections, arrays and JSON trees itself, reads JSON text token by token, and lets
 * Jackson describe records and beans (so that their {@code @JsonIgnore} and
 * {@code @JsonProperty} hold) through a generator that writes to the same bounded writer.
 * Stops as soon as the writer is full; a value under a {@link SensitiveKeys sensitive
 * key} is replaced without being read; a string holding a JSON object or array is
 * redacted by key too; cycles are cut.
 */
final class ContentSerializer {

	/** A string shorter than this is not tried as embedded JSON. */
	private static final int MIN_EMBEDDED_JSON_ROOM = 16;

	private final JsonMapper mapper;

	private final SensitiveKeyRule keys;

	private final UnaryOperator<String> redactor;

	private final String replacement;

	private final BoundedJsonWriter writer;

	private final Set<Object> path = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

	ContentSerializer(JsonMapper mapper, SensitiveKeyRule keys, UnaryOperator<String> redactor, String replacement,
			int limit) {
		this.mapper = mapper;
		this.keys = keys;
		this.redactor = redactor;
		this.replacement = replacement;
		this.writer = new BoundedJsonWriter(limit, redactor, replacement);
	}

	BoundedJsonWriter writer() {
		return this.writer;
	}

	boolean isSensitive(String key) {
		return this.keys.isSensitive(key);
	}

	String finish() {
		return this.writer.finish();
	}

	/**
	 * Writes named values as one JSON object.
	 * @param values the names and values
	 */
	void object(Map<String, @Nullable Object> values) {
		map(values);
	}

	void value(@Nullable Object value) {
		BoundedJsonWriter writer = this.writer;
		if (writer.isExhausted()) {
			return;
		}
		if (value == null) {
			writer.literal("null");
		}
		else if (value instanceof CharSequence text) {
			string(text.toString());
		}
		else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
				|| value instanceof Short || value instanceof Byte || value instanceof java.math.BigInteger
				|| value instanceof java.math.BigDecimal) {
			writer.literal(value.toString());
		}
		else if (value instanceof Double || value instanceof Float) {
			double number = ((Number) value).doubleValue();
			if (Double.isFinite(number)) {
				writer.literal(value.toString());
			}
			else {
				writer.string(value.toString());
			}
		}
		else if (value instanceof Character || value instanceof java.util.UUID) {
			writer.string(value.toString());
		}
		else if (value instanceof Enum<?> constant) {
			writer.string(constant.name());
		}
		else if (value instanceof Optional<?> optional) {
			value(optional.orElse(null));
		}
		else if (value instanceof JsonNode node) {
			node(node);
		}
		else if (value instanceof Map<?, ?> map) {
			map(map);
		}
		else if (value instanceof Collection<?> collection) {
			collection(collection);
		}
		else if (value instanceof byte[] bytes) {
			writer.marker("…[" + bytes.length + " bytes]");
		}
		else if (value.getClass().isArray()) {
			array(value);
		}
		else {
			bean(value);
		}
	}

	private void map(Map<?, ?> map) {
		if (!enter(map)) {
			return;
		}
		BoundedJsonWriter writer = this.writer;
		if (writer.startObject()) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (writer.isExhausted()) {
					break;
				}
				member(String.valueOf(entry.getKey()), entry.getValue());
			}
			writer.end();
		}
		this.path.remove(map);
	}

	private void member(String name, @Nullable Object value) {
		if (this.keys.isSensitive(name)) {
			if (this.writer.name(name)) {
				this.writer.redacted();
			}
		}
		else if (this.writer.name(name)) {
			value(value);
		}
	}

	private void collection(Collection<?> collection) {
		if (!enter(collection)) {
			return;
		}
		BoundedJsonWriter writer = this.writer;
		if (writer.startArray()) {
			for (Object element : collection) {
				if (writer.isExhausted()) {
					break;
				}
				value(element);
			}
			writer.end();
		}
		this.path.remove(collection);
	}

	private void array(Object array) {
		if (!enter(array)) {
			return;
		}
		BoundedJsonWriter writer = this.writer;
		if (writer.startArray()) {
			int length = Array.getLength(array);
			for (int i = 0; i < length && !writer.isExhausted(); i++) {
				value(Array.get(array, i));
			}
			writer.end();
		}
		this.path.remove(array);
	}

	private boolean enter(Object container) {
		if (!this.path.add(container)) {
			this.writer.marker(BoundedJsonWriter.CYCLE);
			return false;
		}
		return true;
	}

	boolean enterBean(Object bean) {
		return this.path.add(bean);
	}

	void leaveBean(Object bean) {
		this.path.remove(bean);
	}

	void node(JsonNode node) {
		BoundedJsonWriter writer = this.writer;
		if (node.isString()) {
			string(node.stringValue());
		}
		else if (node.isObject()) {
			if (writer.startObject()) {
				for (Map.Entry<String, JsonNode> property : node.properties()) {
					if (writer.isExhausted()) {
						break;
					}
					member(property.getKey(), property.getValue());
				}
				writer.end();
			}
		}
		else if (node.isArray()) {
			if (writer.startArray()) {
				for (JsonNode element : node.values()) {
					if (writer.isExhausted()) {
						break;
					}
					node(element);
				}
				writer.end();
			}
		}
		else if (node.isNumber() || node.isBoolean() || node.isNull()) {
			writer.literal(node.toString());
		}
		else {
			writer.string(node.asString());
		}
	}

	/**
	 * Writes a string; one holding a JSON object or array is redacted as JSON and kept as a
	 * string.
	 * @param value the string
	 */
	void string(String value) {
		int room = this.writer.room();
		if (room >= MIN_EMBEDDED_JSON_ROOM && looksLikeJson(value)) {
			String json = render(this.mapper, this.keys, this.redactor, this.replacement, value, room / 2);
			if (json != null) {
				this.writer.string(json);
				return;
			}
		}
		this.writer.string(value);
	}

	private void bean(Object bean) {
		BoundedJsonWriter writer = this.writer;
		if (!enterBean(bean)) {
			writer.marker(BoundedJsonWriter.CYCLE);
			return;
		}
		int depth = writer.depth();
		BoundedJsonWriter.Mark mark = writer.mark();
		SerializingGenerator generator = new SerializingGenerator(this);
		try {
			this.mapper.writeValue(generator, bean);
		}
		catch (SerializingGenerator.Stop ex) {
			// the writer is full, too deep or a cycle: keep what was written
		}
		catch (RuntimeException | StackOverflowError ex) {
			// Jackson cannot describe it; never fall back to toString(), which may print
			// secrets
			if (!generator.requestedStop()) {
				generator.stopped();
				writer.reset(mark);
				writer.marker("…[" + bean.getClass().getSimpleName() + "]");
			}
		}
		finally {
			generator.stopped();
			writer.closeTo(depth, ContentPolicy.TRUNCATION_MARKER);
			leaveBean(bean);
		}
	}

	/**
	 * Renders JSON text redacted and bounded.
	 * @return the JSON, or {@code null} when the text is not a JSON object or array
	 */
	static @Nullable String render(JsonMapper mapper, SensitiveKeyRule keys, UnaryOperator<String> redactor,
			String replacement, String text, int limit) {
		if (!looksLikeJson(text)) {
			return null;
		}
		ContentSerializer serializer = new ContentSerializer(mapper, keys, redactor, replacement, limit);
		try (JsonParser parser = mapper.createParser(text)) {
			JsonToken token = parser.nextToken();
			if (token == null) {
				return null;
			}
			serializer.parsed(parser, token);
			if (!serializer.writer.isExhausted() && parser.nextToken() != null) {
				return null;
			}
		}
		catch (RuntimeException ex) {
			return null;
		}
		return serializer.finish();
	}

	private void parsed(JsonParser parser, JsonToken token) {
		BoundedJsonWriter writer = this.writer;
		switch (token) {
			case START_OBJECT -> {
				if (!writer.startObject()) {
					parser.skipChildren();
					return;
				}
				JsonToken next;
				while ((next = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
					if (writer.isExhausted()) {
						return;
					}
					String name = parser.currentName();
					JsonToken valueToken = parser.nextToken();
					if (this.keys.isSensitive(name)) {
						if (writer.name(name)) {
							writer.redacted();
						}
						parser.skipChildren();
					}
					else if (writer.name(name)) {
						parsed(parser, valueToken);
					}
					else {
						return;
					}
				}
				if (next != JsonToken.END_OBJECT) {
					throw new IllegalStateException("Unexpected " + next);
				}
				writer.end();
			}
			case START_ARRAY -> {
				if (!writer.startArray()) {
					parser.skipChildren();
					return;
				}
				JsonToken next;
				while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
					if (next == null) {
						throw new IllegalStateException("Unexpected end of input");
					}
					if (writer.isExhausted()) {
						return;
					}
					parsed(parser, next);
				}
				writer.end();
			}
			case VALUE_STRING -> string(parser.getString());
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> writer.literal(parser.getText());
			case VALUE_TRUE -> writer.literal("true");
			case VALUE_FALSE -> writer.literal("false");
			case VALUE_NULL -> writer.literal("null");
			default -> writer.string(String.valueOf(parser.getText()));
		}
	}

	static boolean looksLikeJson(String value) {
		int start = 0;
		int end = value.length() - 1;
		while (start <= end && Character.isWhitespace(value.charAt(start))) {
			start++;
		}
		while (end > start && Character.isWhitespace(value.charAt(end))) {
			end--;
		}
		if (start >= end) {
			return false;
		}
		char first = value.charAt(start);
		char last = value.charAt(end);
		return (first == '{' && last == '}') || (first == '[' && last == ']');
	}

}
