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

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Typed request options of a model call; {@code null} members are not recorded.
 *
 * @param temperature the temperature
 * @param topP the top-p
 * @param topK the top-k
 * @param frequencyPenalty the frequency penalty
 * @param presencePenalty the presence penalty
 * @param maxTokens the maximum number of output tokens
 * @param seed the seed
 * @param choiceCount the number of choices
 * @param stopSequences the stop sequences
 * @param stream whether the response is streamed
 * @param encodingFormats the embedding encoding formats
 * @param dimensions the embedding dimensions
 * @param outputType the output type the request asks for ({@code text}, {@code json},
 * {@code image}, {@code speech}), or {@code null} when it asks for none
 * @since 0.1.0
 */
public record RequestOptions(@Nullable Double temperature, @Nullable Double topP, @Nullable Double topK,
		@Nullable Double frequencyPenalty, @Nullable Double presencePenalty, @Nullable Long maxTokens,
		@Nullable Long seed, @Nullable Long choiceCount, @Nullable List<String> stopSequences,
		@Nullable Boolean stream, @Nullable List<String> encodingFormats, @Nullable Long dimensions,
		@Nullable String outputType) {

	/**
	 * Options with nothing set.
	 */
	public static final RequestOptions NONE = new RequestOptions(null, null, null, null, null, null, null, null, null,
			null, null, null, null);

	/**
	 * Creates options that ask for no output type.
	 * @param temperature the temperature
	 * @param topP the top-p
	 * @param topK the top-k
	 * @param frequencyPenalty the frequency penalty
	 * @param presencePenalty the presence penalty
	 * @param maxTokens the maximum number of output tokens
	 * @param seed the seed
	 * @param choiceCount the number of choices
	 * @param stopSequences the stop sequences
	 * @param stream whether the response is streamed
	 * @param encodingFormats the embedding encoding formats
	 * @param dimensions the embedding dimensions
	 */
	public RequestOptions(@Nullable Double temperature, @Nullable Double topP, @Nullable Double topK,
			@Nullable Double frequencyPenalty, @Nullable Double presencePenalty, @Nullable Long maxTokens,
			@Nullable Long seed, @Nullable Long choiceCount, @Nullable List<String> stopSequences,
			@Nullable Boolean stream, @Nullable List<String> encodingFormats, @Nullable Long dimensions) {
		this(temperature, topP, topK, frequencyPenalty, presencePenalty, maxTokens, seed, choiceCount, stopSequences,
				stream, encodingFormats, dimensions, null);
	}

}
