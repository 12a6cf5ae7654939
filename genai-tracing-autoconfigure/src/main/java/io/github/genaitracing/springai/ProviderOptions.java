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

package io.github.genaitracing.springai;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.model.tool.StructuredOutputChatOptions;
import org.springframework.ai.openai.AbstractOpenAiOptions;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.util.ClassUtils;

import io.github.genaitracing.semconv.GenAiAttributes.OutputType;

/**
 * What a model call's provider-specific Spring AI options tell beyond the portable
 * {@code ChatOptions}: the base URL of the client (Spring AI's OpenAI and Anthropic options
 * hold their client's connection settings), so that a span starts with the endpoint of the
 * client that made the call, not of another provider or another client; and the seed,
 * choice count and output type a request asks for.
 */
final class ProviderOptions {

	private static final ClassLoader LOADER = ProviderOptions.class.getClassLoader();

	private static final boolean OPENAI = ClassUtils.isPresent("org.springframework.ai.openai.AbstractOpenAiOptions",
			LOADER);

	private static final boolean ANTHROPIC = ClassUtils
		.isPresent("org.springframework.ai.anthropic.AnthropicChatOptions", LOADER);

	private ProviderOptions() {
	}

	/**
	 * The base URI of the client options, or {@code null} when they carry none.
	 */
	static @Nullable URI baseUrl(@Nullable Object options) {
		if (options == null) {
			return null;
		}
		String baseUrl = null;
		if (OPENAI) {
			baseUrl = OpenAi.baseUrl(options);
		}
		if (baseUrl == null && ANTHROPIC) {
			baseUrl = Anthropic.baseUrl(options);
		}
		if (baseUrl == null || baseUrl.isBlank()) {
			return null;
		}
		try {
			URI uri = URI.create(baseUrl.trim());
			return (uri.getHost() != null) ? uri : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The seed the request asks for, or {@code null}.
	 */
	static @Nullable Long seed(@Nullable ChatOptions options) {
		return (OPENAI && options != null) ? OpenAi.seed(options) : null;
	}

	/**
	 * The number of choices the request asks for, or {@code null}.
	 */
	static @Nullable Long choiceCount(@Nullable ChatOptions options) {
		return (OPENAI && options != null) ? OpenAi.choiceCount(options) : null;
	}

	/**
	 * The output type the request asks for: {@code json} for a structured output schema
	 * (any provider) or OpenAI's JSON response formats, {@code text} for OpenAI's text
	 * format; {@code null} when the request asks for none.
	 */
	static @Nullable String outputType(@Nullable ChatOptions options) {
		if (options == null) {
			return null;
		}
		if (OPENAI) {
			String type = OpenAi.outputType(options);
			if (type != null) {
				return type;
			}
		}
		if (options instanceof StructuredOutputChatOptions structured && structured.getOutputSchema() != null
				&& !structured.getOutputSchema().isBlank()) {
			return OutputType.JSON;
		}
		return null;
	}

	private static final class OpenAi {

		static @Nullable String baseUrl(Object options) {
			return (options instanceof AbstractOpenAiOptions openAi) ? openAi.getBaseUrl() : null;
		}

		static @Nullable Long seed(ChatOptions options) {
			return (options instanceof OpenAiChatOptions openAi && openAi.getSeed() != null)
					? openAi.getSeed().longValue() : null;
		}

		static @Nullable Long choiceCount(ChatOptions options) {
			return (options instanceof OpenAiChatOptions openAi && openAi.getN() != null)
					? openAi.getN().longValue() : null;
		}

		static @Nullable String outputType(ChatOptions options) {
			if (!(options instanceof OpenAiChatOptions openAi) || openAi.getResponseFormat() == null
					|| openAi.getResponseFormat().getType() == null) {
				return null;
			}
			return switch (openAi.getResponseFormat().getType()) {
				case TEXT -> OutputType.TEXT;
				case JSON_OBJECT, JSON_SCHEMA -> OutputType.JSON;
			};
		}

	}

	private static final class Anthropic {

		static @Nullable String baseUrl(Object options) {
			return (options instanceof AnthropicChatOptions anthropic) ? anthropic.getBaseUrl() : null;
		}

	}

}
