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

import java.io.StringWriter;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.genaitracing.spi.GenAiMessage;

/**
 * Writes captured content as JSON in the shapes of the GenAI semantic conventions.
 * Values of tool call arguments and responses given to it are JSON documents already
 * (see {@link ContentPolicy}).
 */
final class ContentJson {

	static final int MAX_NESTING_DEPTH = 64;

	private final JsonMapper mapper;

	ContentJson() {
		JsonFactory factory = JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
			.build();
		this.mapper = JsonMapper.builder(factory).build();
	}

	JsonMapper mapper() {
		return this.mapper;
	}

	String quote(String value) {
		return write((generator) -> generator.writeString(value));
	}

	String tree(JsonNode node) {
		return this.mapper.writeValueAsString(node);
	}

	String messages(List<GenAiMessage> messages) {
		return write((generator) -> {
			generator.writeStartArray();
			for (GenAiMessage message : messages) {
				generator.writeStartObject();
				generator.writeStringProperty("role", message.role());
				generator.writeArrayPropertyStart("parts");
				for (GenAiMessage.Part part : message.parts()) {
					writePart(generator, part);
				}
				generator.writeEndArray();
				if (message.finishReason() != null) {
					generator.writeStringProperty("finish_reason", message.finishReason());
				}
				generator.writeEndObject();
			}
			generator.writeEndArray();
		});
	}

	String parts(List<GenAiMessage.Part> parts) {
		return write((generator) -> {
			generator.writeStartArray();
			for (GenAiMessage.Part part : parts) {
				writePart(generator, part);
			}
			generator.writeEndArray();
		});
	}

	String toolDefinitions(List<GenAiToolDefinition> definitions) {
		return write((generator) -> {
			generator.writeStartArray();
			for (GenAiToolDefinition definition : definitions) {
				generator.writeStartObject();
				generator.writeStringProperty("type", "function");
				generator.writeStringProperty("name", definition.name());
				if (definition.description() != null) {
					generator.writeStringProperty("description", definition.description());
				}
				if (definition.parameters() != null) {
					generator.writeName("parameters");
					generator.writeRawValue(definition.parameters());
				}
				generator.writeEndObject();
			}
			generator.writeEndArray();
		});
	}

	private void writePart(JsonGenerator generator, GenAiMessage.Part part) {
		generator.writeStartObject();
		if (part instanceof GenAiMessage.Text text) {
			generator.writeStringProperty("type", "text");
			generator.writeStringProperty("content", text.content());
		}
		else if (part instanceof GenAiMessage.ToolCall call) {
			generator.writeStringProperty("type", "tool_call");
			writeOptional(generator, "id", call.id());
			generator.writeStringProperty("name", call.name());
			if (call.arguments() != null) {
				generator.writeName("arguments");
				generator.writeRawValue(call.arguments());
			}
		}
		else if (part instanceof GenAiMessage.ToolCallResponse response) {
			generator.writeStringProperty("type", "tool_call_response");
			writeOptional(generator, "id", response.id());
			generator.writeName("response");
			generator.writeRawValue(response.response());
		}
		else if (part instanceof GenAiMessage.Reasoning reasoning) {
			generator.writeStringProperty("type", "reasoning");
			generator.writeStringProperty("content", reasoning.content());
		}
		generator.writeEndObject();
	}

	private void writeOptional(JsonGenerator generator, String name, @Nullable String value) {
		if (value != null) {
			generator.writeStringProperty(name, value);
		}
	}

	private String write(GeneratorAction action) {
		StringWriter writer = new StringWriter(256);
		try (JsonGenerator generator = this.mapper.createGenerator(writer)) {
			action.write(generator);
		}
		return writer.toString();
	}

	@FunctionalInterface
	private interface GeneratorAction {

		void write(JsonGenerator generator);

	}

}
