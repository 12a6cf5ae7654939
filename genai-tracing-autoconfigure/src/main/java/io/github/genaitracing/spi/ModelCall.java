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
 * A call to a model: a {@link ChatCall} or an {@link EmbeddingsCall}.
 *
 * @since 0.1.0
 */
public abstract sealed class ModelCall extends GenAiOperation permits ChatCall, EmbeddingsCall {

	private final @Nullable String requestModel;

	private final RequestOptions requestOptions;

	ModelCall(OperationKind kind, Builder<?> builder) {
		super(kind, builder, builder.requestModel);
		this.requestModel = builder.requestModel;
		this.requestOptions = builder.requestOptions;
	}

	/**
	 * Returns the requested model.
	 * @return the requested model, or {@code null}
	 */
	public final @Nullable String requestModel() {
		return this.requestModel;
	}

	/**
	 * Returns the request options.
	 * @return the request options
	 */
	public final RequestOptions requestOptions() {
		return this.requestOptions;
	}

	/**
	 * What every model call can set.
	 *
	 * @param <B> the builder type
	 */
	public abstract static sealed class Builder<B extends Builder<B>> extends GenAiOperation.Builder<B>
			permits ChatCall.Builder, EmbeddingsCall.Builder {

		private final @Nullable String requestModel;

		private RequestOptions requestOptions = RequestOptions.NONE;

		Builder(@Nullable String requestModel) {
			this.requestModel = requestModel;
		}

		/**
		 * Sets the request options.
		 * @param requestOptions the request options
		 * @return this builder
		 */
		public B requestOptions(RequestOptions requestOptions) {
			this.requestOptions = requestOptions;
			return self();
		}

	}

}
