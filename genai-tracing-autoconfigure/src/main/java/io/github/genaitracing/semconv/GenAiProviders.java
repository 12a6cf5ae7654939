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

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import io.github.genaitracing.semconv.GenAiAttributes.ProviderName;

/**
 * Maps Spring AI providers to {@code gen_ai.provider.name} values.
 *
 * @since 0.1.0
 */
public final class GenAiProviders {

	/**
	 * Provider name used when none is configured or detected.
	 */
	public static final String UNKNOWN = "unknown";

	/**
	 * Provider name of a call to a remote agent over A2A: the model provider behind the
	 * remote agent is not known to the caller.
	 */
	public static final String A2A = "a2a";

	private static final Map<String, String> CHAT_MODEL_CLASSES = new LinkedHashMap<>();

	private static final Map<String, String> SPRING_AI_PROVIDERS = Map.ofEntries(
			Map.entry("openai", ProviderName.OPENAI), Map.entry("anthropic", ProviderName.ANTHROPIC),
			Map.entry("ollama", ProviderName.OLLAMA), Map.entry("vertex_ai", ProviderName.GCP_VERTEX_AI),
			Map.entry("google_genai_ai", ProviderName.GCP_GEN_AI), Map.entry("google_genai", ProviderName.GCP_GEN_AI),
			Map.entry("bedrock_converse", ProviderName.AWS_BEDROCK), Map.entry("bedrock", ProviderName.AWS_BEDROCK),
			Map.entry("azure_openai", ProviderName.AZURE_AI_OPENAI), Map.entry("mistral_ai", ProviderName.MISTRAL_AI),
			Map.entry("deepseek", ProviderName.DEEPSEEK), Map.entry("groq", ProviderName.GROQ),
			Map.entry("perplexity", ProviderName.PERPLEXITY), Map.entry("x_ai", ProviderName.X_AI));

	static {
		CHAT_MODEL_CLASSES.put("org.springframework.ai.openai.OpenAiChatModel", ProviderName.OPENAI);
		CHAT_MODEL_CLASSES.put("org.springframework.ai.anthropic.AnthropicChatModel", ProviderName.ANTHROPIC);
		CHAT_MODEL_CLASSES.put("org.springframework.ai.ollama.OllamaChatModel", ProviderName.OLLAMA);
		CHAT_MODEL_CLASSES.put("org.springframework.ai.vertexai.gemini.VertexAiGeminiChatModel",
				ProviderName.GCP_VERTEX_AI);
		CHAT_MODEL_CLASSES.put("org.springframework.ai.google.genai.GoogleGenAiChatModel", ProviderName.GCP_GEN_AI);
		CHAT_MODEL_CLASSES.put("org.springframework.ai.bedrock.converse.BedrockProxyChatModel",
				ProviderName.AWS_BEDROCK);
		CHAT_MODEL_CLASSES.put("org.springframework.ai.azure.openai.AzureOpenAiChatModel",
				ProviderName.AZURE_AI_OPENAI);
		CHAT_MODEL_CLASSES.put("org.springframework.ai.mistralai.MistralAiChatModel", ProviderName.MISTRAL_AI);
		CHAT_MODEL_CLASSES.put("org.springframework.ai.deepseek.DeepSeekChatModel", ProviderName.DEEPSEEK);
	}

	/** Providers whose API takes the system instructions apart from the chat history. */
	private static final Set<String> SYSTEM_INSTRUCTIONS_APART = Set.of(ProviderName.ANTHROPIC,
			ProviderName.GCP_GEMINI, ProviderName.GCP_VERTEX_AI, ProviderName.GCP_GEN_AI, ProviderName.AWS_BEDROCK);

	private GenAiProviders() {
	}

	/**
	 * Returns whether a provider's API takes the system instructions apart from the chat
	 * history (Anthropic's {@code system}, Gemini's {@code system_instruction}, Bedrock
	 * Converse's {@code system}): the conventions then record them in
	 * {@code gen_ai.system_instructions}; otherwise they are part of the history, in
	 * {@code gen_ai.input.messages}.
	 * @param providerName the {@code gen_ai.provider.name}
	 * @return whether the system instructions are taken apart
	 */
	public static boolean takesSystemInstructionsApart(@Nullable String providerName) {
		return providerName != null && SYSTEM_INSTRUCTIONS_APART.contains(providerName);
	}

	/**
	 * Maps a Spring AI provider value (as in its {@code AiProvider} enum) to a
	 * {@code gen_ai.provider.name} value; unknown values are passed through in lower case.
	 * @param springAiProvider the Spring AI provider value
	 * @return the provider name
	 */
	public static String fromSpringAi(@Nullable String springAiProvider) {
		if (springAiProvider == null || springAiProvider.isBlank()) {
			return UNKNOWN;
		}
		String key = springAiProvider.toLowerCase(Locale.ROOT);
		return SPRING_AI_PROVIDERS.getOrDefault(key, key);
	}

	/**
	 * Returns the provider of the Spring AI chat model on the class path when there is
	 * exactly one.
	 * @param classLoader the class loader to look in
	 * @return the provider name, or {@code null} when none or several are present
	 */
	public static @Nullable String detectSingleChatModel(@Nullable ClassLoader classLoader) {
		return detectSingleChatModel((className) -> isPresent(className, classLoader));
	}

	/**
	 * Returns the provider of the one Spring AI chat model class that passes a test,
	 * such as "an application bean has this type".
	 * @param test tells whether a chat model class (by name) counts
	 * @return the provider name, or {@code null} when none or several pass
	 */
	public static @Nullable String detectSingleChatModel(Predicate<String> test) {
		List<String> found = new ArrayList<>(1);
		CHAT_MODEL_CLASSES.forEach((className, provider) -> {
			if (!found.contains(provider) && test.test(className)) {
				found.add(provider);
			}
		});
		return (found.size() == 1) ? found.get(0) : null;
	}

	/**
	 * Returns the names of the Spring AI chat model classes that
	 * {@link #detectSingleChatModel(ClassLoader)} looks for.
	 * @return the class names
	 */
	public static Set<String> chatModelClassNames() {
		return Collections.unmodifiableSet(CHAT_MODEL_CLASSES.keySet());
	}

	private static boolean isPresent(String className, @Nullable ClassLoader classLoader) {
		try {
			Class.forName(className, false, classLoader);
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

}
