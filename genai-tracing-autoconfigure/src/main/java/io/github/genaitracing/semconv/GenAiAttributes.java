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
 * Attribute keys of the OpenTelemetry GenAI semantic conventions, with their types.
 *
 * @since 0.1.0
 */
public final class GenAiAttributes {

	// copied from semantic-conventions v1.41.0 model/gen-ai/registry.yaml

	/** Name of the operation: {@code chat}, {@code invoke_agent}, {@code execute_tool}, ... */
	public static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("gen_ai.operation.name");

	/** Provider of the model or agent, such as {@code openai}. */
	public static final AttributeKey<String> PROVIDER_NAME = AttributeKey.stringKey("gen_ai.provider.name");

	/** Agent id. */
	public static final AttributeKey<String> AGENT_ID = AttributeKey.stringKey("gen_ai.agent.id");

	/** Agent name. */
	public static final AttributeKey<String> AGENT_NAME = AttributeKey.stringKey("gen_ai.agent.name");

	/** Agent description. */
	public static final AttributeKey<String> AGENT_DESCRIPTION = AttributeKey.stringKey("gen_ai.agent.description");

	/** Agent version. */
	public static final AttributeKey<String> AGENT_VERSION = AttributeKey.stringKey("gen_ai.agent.version");

	/** Conversation (session, thread) id. */
	public static final AttributeKey<String> CONVERSATION_ID = AttributeKey.stringKey("gen_ai.conversation.id");

	/** Data source id. */
	public static final AttributeKey<String> DATA_SOURCE_ID = AttributeKey.stringKey("gen_ai.data_source.id");

	/** Requested output type. */
	public static final AttributeKey<String> OUTPUT_TYPE = AttributeKey.stringKey("gen_ai.output.type");

	/** Requested model. */
	public static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");

	/** Requested number of choices. */
	public static final AttributeKey<Long> REQUEST_CHOICE_COUNT = AttributeKey.longKey("gen_ai.request.choice.count");

	/** Requested seed. */
	public static final AttributeKey<Long> REQUEST_SEED = AttributeKey.longKey("gen_ai.request.seed");

	/** Whether the request streams its response. */
	public static final AttributeKey<Boolean> REQUEST_STREAM = AttributeKey.booleanKey("gen_ai.request.stream");

	/** Requested maximum number of output tokens. */
	public static final AttributeKey<Long> REQUEST_MAX_TOKENS = AttributeKey.longKey("gen_ai.request.max_tokens");

	/** Requested temperature. */
	public static final AttributeKey<Double> REQUEST_TEMPERATURE = AttributeKey.doubleKey("gen_ai.request.temperature");

	/** Requested top-p. */
	public static final AttributeKey<Double> REQUEST_TOP_P = AttributeKey.doubleKey("gen_ai.request.top_p");

	/** Requested top-k. */
	public static final AttributeKey<Double> REQUEST_TOP_K = AttributeKey.doubleKey("gen_ai.request.top_k");

	/** Requested frequency penalty. */
	public static final AttributeKey<Double> REQUEST_FREQUENCY_PENALTY = AttributeKey
		.doubleKey("gen_ai.request.frequency_penalty");

	/** Requested presence penalty. */
	public static final AttributeKey<Double> REQUEST_PRESENCE_PENALTY = AttributeKey
		.doubleKey("gen_ai.request.presence_penalty");

	/** Requested stop sequences. */
	public static final AttributeKey<List<String>> REQUEST_STOP_SEQUENCES = AttributeKey
		.stringArrayKey("gen_ai.request.stop_sequences");

	/** Requested embedding encoding formats. */
	public static final AttributeKey<List<String>> REQUEST_ENCODING_FORMATS = AttributeKey
		.stringArrayKey("gen_ai.request.encoding_formats");

	/** Response id. */
	public static final AttributeKey<String> RESPONSE_ID = AttributeKey.stringKey("gen_ai.response.id");

	/** Model that produced the response. */
	public static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");

	/** Finish reason of each choice. */
	public static final AttributeKey<List<String>> RESPONSE_FINISH_REASONS = AttributeKey
		.stringArrayKey("gen_ai.response.finish_reasons");

	/** Seconds from the request until the first streamed chunk. */
	public static final AttributeKey<Double> RESPONSE_TIME_TO_FIRST_CHUNK = AttributeKey
		.doubleKey("gen_ai.response.time_to_first_chunk");

	/** Input tokens, cached tokens included. */
	public static final AttributeKey<Long> USAGE_INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");

	/**
	 * What a model call cost, in {@link #USAGE_COST_CURRENCY}. Not in the OpenTelemetry
	 * GenAI conventions: the attribute Langfuse reads as an observation's cost.
	 */
	public static final AttributeKey<Double> USAGE_COST = AttributeKey.doubleKey("gen_ai.usage.cost");

	/** genai-tracing's own: the currency of {@link #USAGE_COST}, such as {@code USD}. */
	public static final AttributeKey<String> USAGE_COST_CURRENCY = AttributeKey
		.stringKey("genai_tracing.usage.cost.currency");

	/**
	 * genai-tracing's own: on an {@code invoke_agent} span, what the model calls below it
	 * in this process cost, in {@link #RUN_COST_CURRENCY}.
	 */
	public static final AttributeKey<Double> RUN_COST = AttributeKey.doubleKey("genai_tracing.run.cost");

	/** genai-tracing's own: the currency of {@link #RUN_COST}. */
	public static final AttributeKey<String> RUN_COST_CURRENCY = AttributeKey
		.stringKey("genai_tracing.run.cost.currency");

	/** Output tokens, reasoning tokens included. */
	public static final AttributeKey<Long> USAGE_OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");

	/** Input tokens read from the provider's cache. */
	public static final AttributeKey<Long> USAGE_CACHE_READ_INPUT_TOKENS = AttributeKey
		.longKey("gen_ai.usage.cache_read.input_tokens");

	/** Input tokens written to the provider's cache. */
	public static final AttributeKey<Long> USAGE_CACHE_CREATION_INPUT_TOKENS = AttributeKey
		.longKey("gen_ai.usage.cache_creation.input_tokens");

	/** Output tokens spent on reasoning. */
	public static final AttributeKey<Long> USAGE_REASONING_OUTPUT_TOKENS = AttributeKey
		.longKey("gen_ai.usage.reasoning.output_tokens");

	/** Number of dimensions of an embedding. */
	public static final AttributeKey<Long> EMBEDDINGS_DIMENSION_COUNT = AttributeKey
		.longKey("gen_ai.embeddings.dimension.count");

	/** Tool name. */
	public static final AttributeKey<String> TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");

	/** Tool description. */
	public static final AttributeKey<String> TOOL_DESCRIPTION = AttributeKey.stringKey("gen_ai.tool.description");

	/** Tool type: {@code function}, {@code extension} or {@code datastore}. */
	public static final AttributeKey<String> TOOL_TYPE = AttributeKey.stringKey("gen_ai.tool.type");

	/** Tool call id. */
	public static final AttributeKey<String> TOOL_CALL_ID = AttributeKey.stringKey("gen_ai.tool.call.id");

	/** Tool call arguments, a JSON string (opt-in content). */
	public static final AttributeKey<String> TOOL_CALL_ARGUMENTS = AttributeKey.stringKey("gen_ai.tool.call.arguments");

	/** Tool call result, a JSON string (opt-in content). */
	public static final AttributeKey<String> TOOL_CALL_RESULT = AttributeKey.stringKey("gen_ai.tool.call.result");

	/** Input messages, a JSON string of the {@code InputMessages} schema (opt-in content). */
	public static final AttributeKey<String> INPUT_MESSAGES = AttributeKey.stringKey("gen_ai.input.messages");

	/** Output messages, a JSON string of the {@code OutputMessages} schema (opt-in content). */
	public static final AttributeKey<String> OUTPUT_MESSAGES = AttributeKey.stringKey("gen_ai.output.messages");

	/** System instructions, a JSON array of parts (opt-in content). */
	public static final AttributeKey<String> SYSTEM_INSTRUCTIONS = AttributeKey.stringKey("gen_ai.system_instructions");

	/** Tool definitions offered to the model, a JSON array (opt-in content). */
	public static final AttributeKey<String> TOOL_DEFINITIONS = AttributeKey.stringKey("gen_ai.tool.definitions");

	/** Token type on the token usage metric: {@code input} or {@code output}. */
	public static final AttributeKey<String> TOKEN_TYPE = AttributeKey.stringKey("gen_ai.token.type");

	// copied from semantic-conventions v1.41.0 model/error and model/server

	/** Class of error the operation ended with. */
	public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

	/**
	 * {@code exception.type}: the class of an exception recorded on a span.
	 */
	public static final AttributeKey<String> EXCEPTION_TYPE = AttributeKey.stringKey("exception.type");

	/**
	 * {@code exception.message}: the message of an exception recorded on a span.
	 */
	public static final AttributeKey<String> EXCEPTION_MESSAGE = AttributeKey.stringKey("exception.message");

	/**
	 * {@code exception.stacktrace}: the stack trace of an exception recorded on a span.
	 */
	public static final AttributeKey<String> EXCEPTION_STACKTRACE = AttributeKey.stringKey("exception.stacktrace");

	/** Server host name or address. */
	public static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");

	/** Server port. */
	public static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");

	/** Client address, as the server sees it. */
	public static final AttributeKey<String> CLIENT_ADDRESS = AttributeKey.stringKey("client.address");

	/** Client port, as the server sees it. */
	public static final AttributeKey<Long> CLIENT_PORT = AttributeKey.longKey("client.port");

	/**
	 * Deprecated since v1.37 for {@code gen_ai.provider.name}; still written by Spring
	 * AI's own observations, and removed from the spans genai-tracing exports.
	 */
	public static final AttributeKey<String> SYSTEM_DEPRECATED = AttributeKey.stringKey("gen_ai.system");

	/**
	 * Input tokens written to the provider's cache, as the newest draft names it
	 * ({@code gen_ai.usage.cache_creation.input_tokens} in v1.41).
	 */
	// copied from semantic-conventions-genai (unreleased draft, migration.md)
	public static final AttributeKey<Long> USAGE_CACHE_WRITE_INPUT_TOKENS = AttributeKey
		.longKey("gen_ai.usage.cache_write.input_tokens");

	/**
	 * Name of the opt-in event (a log record) with the details of one inference call:
	 * the inference span's attributes plus, structured, the content.
	 */
	public static final String INFERENCE_OPERATION_DETAILS_EVENT = "gen_ai.client.inference.operation.details";

	/** Fallback {@code error.type} when no better value is known. */
	public static final String ERROR_TYPE_OTHER = "_OTHER";

	private GenAiAttributes() {
	}

	/**
	 * Well-known values of {@code gen_ai.operation.name}.
	 */
	public static final class OperationName {

		/** Chat completion. */
		public static final String CHAT = "chat";

		/** Text completion. */
		public static final String TEXT_COMPLETION = "text_completion";

		/** Multimodal content generation. */
		public static final String GENERATE_CONTENT = "generate_content";

		/** Embeddings. */
		public static final String EMBEDDINGS = "embeddings";

		/** Agent invocation. */
		public static final String INVOKE_AGENT = "invoke_agent";

		/** Tool execution. */
		public static final String EXECUTE_TOOL = "execute_tool";

		private OperationName() {
		}

	}

	/**
	 * Well-known values of {@code gen_ai.provider.name}.
	 */
	public static final class ProviderName {

		/** OpenAI. */
		public static final String OPENAI = "openai";

		/** Anthropic. */
		public static final String ANTHROPIC = "anthropic";

		/** Google Vertex AI. */
		public static final String GCP_VERTEX_AI = "gcp.vertex_ai";

		/** Google Gemini (AI Studio). */
		public static final String GCP_GEMINI = "gcp.gemini";

		/** Google GenAI, backend unknown. */
		public static final String GCP_GEN_AI = "gcp.gen_ai";

		/** AWS Bedrock. */
		public static final String AWS_BEDROCK = "aws.bedrock";

		/** Azure OpenAI. */
		public static final String AZURE_AI_OPENAI = "azure.ai.openai";

		/** Azure AI Inference. */
		public static final String AZURE_AI_INFERENCE = "azure.ai.inference";

		/** Mistral AI. */
		public static final String MISTRAL_AI = "mistral_ai";

		/** DeepSeek. */
		public static final String DEEPSEEK = "deepseek";

		/** Groq. */
		public static final String GROQ = "groq";

		/** Cohere. */
		public static final String COHERE = "cohere";

		/** IBM watsonx.ai. */
		public static final String IBM_WATSONX_AI = "ibm.watsonx.ai";

		/** Perplexity. */
		public static final String PERPLEXITY = "perplexity";

		/** xAI. */
		public static final String X_AI = "x_ai";

		/** Ollama (not a well-known value; custom values are allowed). */
		public static final String OLLAMA = "ollama";

		private ProviderName() {
		}

	}

	/**
	 * Values of {@code gen_ai.token.type}.
	 */
	public static final class TokenType {

		/** Input tokens. */
		public static final String INPUT = "input";

		/** Output tokens. */
		public static final String OUTPUT = "output";

		private TokenType() {
		}

	}

	/**
	 * Well-known values of {@code gen_ai.output.type}.
	 */
	public static final class OutputType {

		/** Plain text. */
		public static final String TEXT = "text";

		/** JSON (a JSON object, or JSON following a schema). */
		public static final String JSON = "json";

		private OutputType() {
		}

	}

}
