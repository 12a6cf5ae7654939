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
import org.springframework.ai.openai.AbstractOpenAiOptions;
import org.springframework.util.ClassUtils;

/**
 * The base URL a model call's own client options carry (Spring AI's OpenAI and Anthropic
 * options hold their client's connection settings, merged into each request's options),
 * so that a span starts with the endpoint of the client that made the call, not of
 * another provider or another client.
 */
final class ClientBaseUrls {

	private static final ClassLoader LOADER = ClientBaseUrls.class.getClassLoader();

	private static final boolean OPENAI = ClassUtils.isPresent("org.springframework.ai.openai.AbstractOpenAiOptions",
			LOADER);

	private static final boolean ANTHROPIC = ClassUtils
		.isPresent("org.springframework.ai.anthropic.AnthropicChatOptions", LOADER);

	private ClientBaseUrls() {
	}

	/**
	 * The base URI of the client options, or {@code null} when they carry none.
	 */
	static @Nullable URI of(@Nullable Object options) {
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

	private static final class OpenAi {

		static @Nullable String baseUrl(Object options) {
			return (options instanceof AbstractOpenAiOptions openAi) ? openAi.getBaseUrl() : null;
		}

	}

	private static final class Anthropic {

		static @Nullable String baseUrl(Object options) {
			return (options instanceof AnthropicChatOptions anthropic) ? anthropic.getBaseUrl() : null;
		}

	}

}
