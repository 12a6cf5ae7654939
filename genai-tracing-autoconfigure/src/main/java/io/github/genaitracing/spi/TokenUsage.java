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
