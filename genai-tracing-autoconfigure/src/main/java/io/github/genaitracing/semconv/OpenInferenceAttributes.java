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

package io.github.genaitracing.semconv;

import java.util.List;

import io.opentelemetry.api.common.AttributeKey;

/**
 * Attribute keys of the OpenInference conventions read by Arize Phoenix.
 *
 * @since 0.1.0
 */
public final class OpenInferenceAttributes {

	// copied from Arize-ai/openinference spec/semantic_conventions.md (2026-08)

	/** Span kind: {@code AGENT}, {@code TOOL}, {@code LLM}, {@code EMBEDDING}, {@code CHAIN}, ... */
	public static final AttributeKey<String> SPAN_KIND = AttributeKey.stringKey("openinference.span.kind");

	/** Input of the span. */
	public static final AttributeKey<String> INPUT_VALUE = AttributeKey.stringKey("input.value");

	/** Mime type of the input. */
	public static final AttributeKey<String> INPUT_MIME_TYPE = AttributeKey.stringKey("input.mime_type");

	/** Output of the span. */
	public static final AttributeKey<String> OUTPUT_VALUE = AttributeKey.stringKey("output.value");

	/** Mime type of the output. */
	public static final AttributeKey<String> OUTPUT_MIME_TYPE = AttributeKey.stringKey("output.mime_type");

	/** Session id; groups traces into a session. */
	public static final AttributeKey<String> SESSION_ID = AttributeKey.stringKey("session.id");

	/** End-user id. */
	public static final AttributeKey<String> USER_ID = AttributeKey.stringKey("user.id");

	/** Agent name. */
	public static final AttributeKey<String> AGENT_NAME = AttributeKey.stringKey("agent.name");

	/** Tool name. */
	public static final AttributeKey<String> TOOL_NAME = AttributeKey.stringKey("tool.name");

	/** Tool description. */
	public static final AttributeKey<String> TOOL_DESCRIPTION = AttributeKey.stringKey("tool.description");

	/** Tool call id. */
	public static final AttributeKey<String> TOOL_ID = AttributeKey.stringKey("tool.id");

	/** Tool call parameters, a JSON string. */
	public static final AttributeKey<String> TOOL_PARAMETERS = AttributeKey.stringKey("tool.parameters");

	/** Model name. */
	public static final AttributeKey<String> LLM_MODEL_NAME = AttributeKey.stringKey("llm.model_name");

	/** Model of an embedding span (OpenInference names it apart from LLM spans). */
	public static final AttributeKey<String> EMBEDDING_MODEL_NAME = AttributeKey.stringKey("embedding.model_name");

	/** Hosting provider of the model. */
	public static final AttributeKey<String> LLM_PROVIDER = AttributeKey.stringKey("llm.provider");

	/** AI product or vendor. */
	public static final AttributeKey<String> LLM_SYSTEM = AttributeKey.stringKey("llm.system");

	/** Invocation parameters, a JSON object string. */
	public static final AttributeKey<String> LLM_INVOCATION_PARAMETERS = AttributeKey
		.stringKey("llm.invocation_parameters");

	/** Prompt tokens. */
	public static final AttributeKey<Long> LLM_TOKEN_COUNT_PROMPT = AttributeKey.longKey("llm.token_count.prompt");

	/** Completion tokens. */
	public static final AttributeKey<Long> LLM_TOKEN_COUNT_COMPLETION = AttributeKey
		.longKey("llm.token_count.completion");

	/** Total tokens. */
	public static final AttributeKey<Long> LLM_TOKEN_COUNT_TOTAL = AttributeKey.longKey("llm.token_count.total");

	/** Prompt tokens read from cache. */
	public static final AttributeKey<Long> LLM_TOKEN_COUNT_PROMPT_CACHE_READ = AttributeKey
		.longKey("llm.token_count.prompt_details.cache_read");

	/** Prompt tokens written to cache. */
	public static final AttributeKey<Long> LLM_TOKEN_COUNT_PROMPT_CACHE_WRITE = AttributeKey
		.longKey("llm.token_count.prompt_details.cache_write");

	/** Completion tokens spent on reasoning. */
	public static final AttributeKey<Long> LLM_TOKEN_COUNT_COMPLETION_REASONING = AttributeKey
		.longKey("llm.token_count.completion_details.reasoning");

	/** Free-form metadata, a JSON object string. */
	public static final AttributeKey<String> METADATA = AttributeKey.stringKey("metadata");

	/** Tags. */
	public static final AttributeKey<List<String>> TAG_TAGS = AttributeKey.stringArrayKey("tag.tags");

	/** Prefix of the flattened input messages: {@code llm.input_messages.{i}.message.*}. */
	public static final String LLM_INPUT_MESSAGES = "llm.input_messages";

	/** Prefix of the flattened output messages: {@code llm.output_messages.{i}.message.*}. */
	public static final String LLM_OUTPUT_MESSAGES = "llm.output_messages";

	/** Prefix of the flattened tool definitions: {@code llm.tools.{i}.tool.json_schema}. */
	public static final String LLM_TOOLS = "llm.tools";

	/** Suffix of a flattened message's role. */
	public static final String MESSAGE_ROLE = "message.role";

	/** Suffix of a flattened message's text content. */
	public static final String MESSAGE_CONTENT = "message.content";

	/** Suffix of a flattened tool message's tool call id. */
	public static final String MESSAGE_TOOL_CALL_ID = "message.tool_call_id";

	/** Segment of a flattened message's tool calls. */
	public static final String MESSAGE_TOOL_CALLS = "message.tool_calls";

	/** Suffix of a flattened tool call's id. */
	public static final String TOOL_CALL_ID = "tool_call.id";

	/** Suffix of a flattened tool call's function name. */
	public static final String TOOL_CALL_FUNCTION_NAME = "tool_call.function.name";

	/** Suffix of a flattened tool call's arguments. */
	public static final String TOOL_CALL_FUNCTION_ARGUMENTS = "tool_call.function.arguments";

	/** Suffix of a flattened tool definition's JSON schema. */
	public static final String TOOL_JSON_SCHEMA = "tool.json_schema";

	private OpenInferenceAttributes() {
	}

	/**
	 * Values of {@code openinference.span.kind}.
	 */
	public static final class SpanKind {

		/** An agent. */
		public static final String AGENT = "AGENT";

		/** A tool. */
		public static final String TOOL = "TOOL";

		/** A model call. */
		public static final String LLM = "LLM";

		/** An embedding call. */
		public static final String EMBEDDING = "EMBEDDING";

		/** Glue code or a request entry point. */
		public static final String CHAIN = "CHAIN";

		private SpanKind() {
		}

	}

	/**
	 * Values of {@code input.mime_type} and {@code output.mime_type}.
	 */
	public static final class MimeType {

		/** Plain text. */
		public static final String TEXT = "text/plain";

		/** JSON. */
		public static final String JSON = "application/json";

		private MimeType() {
		}

	}

}
