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
 * What a model call answered, apart from content.
 *
 * @param id the response id
 * @param model the model that answered
 * @param finishReasons the finish reason of each choice, lower-case semantic-convention
 * values
 * @param embeddingDimensions the number of dimensions of the embeddings, or {@code null}
 * @since 0.1.0
 */
public record GenAiResponse(@Nullable String id, @Nullable String model, List<String> finishReasons,
		@Nullable Long embeddingDimensions) {

	/**
	 * Creates a response.
	 * @param id the response id
	 * @param model the model that answered
	 * @param finishReasons the finish reasons
	 * @param embeddingDimensions the embedding dimensions, or {@code null}
	 */
	public GenAiResponse {
		finishReasons = List.copyOf(finishReasons);
	}

	/**
	 * Creates the response of a chat call.
	 * @param id the response id
	 * @param model the model that answered
	 * @param finishReasons the finish reasons
	 */
	public GenAiResponse(@Nullable String id, @Nullable String model, List<String> finishReasons) {
		this(id, model, finishReasons, null);
	}

}
