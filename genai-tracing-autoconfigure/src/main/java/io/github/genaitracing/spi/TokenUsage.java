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

package io.github.genaitracing.spi;

import org.jspecify.annotations.Nullable;

/**
 * Token counts of a model call; {@code null} members are unknown.
 *
 * @param inputTokens input tokens, cached tokens included
 * @param outputTokens output tokens, reasoning tokens included
 * @param cacheReadInputTokens input tokens read from cache
 * @param cacheCreationInputTokens input tokens written to cache
 * @param reasoningOutputTokens output tokens spent on reasoning
 * @since 0.1.0
 */
public record TokenUsage(@Nullable Long inputTokens, @Nullable Long outputTokens, @Nullable Long cacheReadInputTokens,
		@Nullable Long cacheCreationInputTokens, @Nullable Long reasoningOutputTokens) {

	/**
	 * Creates usage with input and output counts only.
	 * @param inputTokens input tokens
	 * @param outputTokens output tokens
	 * @return the usage
	 */
	public static TokenUsage of(@Nullable Long inputTokens, @Nullable Long outputTokens) {
		return new TokenUsage(inputTokens, outputTokens, null, null, null);
	}

	/**
	 * Returns the sum of input and output tokens when both are known.
	 * @return the total, or {@code null}
	 */
	public @Nullable Long totalTokens() {
		return (this.inputTokens != null && this.outputTokens != null) ? this.inputTokens + this.outputTokens : null;
	}

}
