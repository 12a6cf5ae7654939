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

import java.util.Set;

import com.openai.models.completions.CompletionUsage;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.util.ClassUtils;

import io.github.genaitracing.semconv.GenAiAttributes.ProviderName;
import io.github.genaitracing.spi.TokenUsage;

/**
 * A Spring AI usage in the conventions' terms: {@code gen_ai.usage.input_tokens} counts
 * every input token, cached ones included, so a provider that reports cached tokens apart
 * from its input count (Anthropic: {@code input_tokens} holds only the uncached ones) has
 * its cache reads and writes added; reasoning tokens come from the provider's native usage
 * where Spring AI keeps it (OpenAI's {@code completion_tokens_details.reasoning_tokens}).
 */
final class SpringAiUsage {

	/** Providers whose input count leaves out the tokens read from and written to the cache. */
	private static final Set<String> CACHE_APART = Set.of(ProviderName.ANTHROPIC);

	private static final boolean OPENAI = ClassUtils.isPresent("com.openai.models.completions.CompletionUsage",
			SpringAiUsage.class.getClassLoader());

	private SpringAiUsage() {
	}

	/**
	 * The usage of a call, or {@code null} when it reports no token count.
	 */
	static @Nullable TokenUsage of(@Nullable String provider, @Nullable Usage usage) {
		if (usage == null || (usage.getPromptTokens() == null && usage.getCompletionTokens() == null)) {
			return null;
		}
		Long cacheRead = usage.getCacheReadInputTokens();
		Long cacheWrite = usage.getCacheWriteInputTokens();
		Long input = (usage.getPromptTokens() != null) ? usage.getPromptTokens().longValue() : null;
		if (input != null && provider != null && CACHE_APART.contains(provider)) {
			input += ((cacheRead != null) ? cacheRead : 0L) + ((cacheWrite != null) ? cacheWrite : 0L);
		}
		Long output = (usage.getCompletionTokens() != null) ? usage.getCompletionTokens().longValue() : null;
		return new TokenUsage(input, output, cacheRead, cacheWrite, reasoningTokens(usage.getNativeUsage()));
	}

	private static @Nullable Long reasoningTokens(@Nullable Object nativeUsage) {
		if (nativeUsage == null) {
			return null;
		}
		return OPENAI ? OpenAi.reasoningTokens(nativeUsage) : null;
	}

	private static final class OpenAi {

		static @Nullable Long reasoningTokens(Object nativeUsage) {
			if (nativeUsage instanceof CompletionUsage usage) {
				// a model that does not reason reports 0: recorded only when it did
				return usage.completionTokensDetails()
					.flatMap(CompletionUsage.CompletionTokensDetails::reasoningTokens)
					.filter((tokens) -> tokens > 0)
					.orElse(null);
			}
			return null;
		}

	}

}
