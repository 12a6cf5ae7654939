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
 * A chat call to a model, {@code chat {model}}.
 *
 * @since 0.1.0
 */
public final class ChatCall extends ModelCall {

	private ChatCall(Builder builder) {
		super(OperationKind.CHAT, builder);
	}

	/**
	 * Builds a {@link ChatCall}.
	 */
	public static final class Builder extends ModelCall.Builder<Builder> {

		Builder(@Nullable String requestModel) {
			super(requestModel);
		}

		/**
		 * Builds the operation.
		 * @return the operation
		 */
		public ChatCall build() {
			return new ChatCall(this);
		}

	}

}
