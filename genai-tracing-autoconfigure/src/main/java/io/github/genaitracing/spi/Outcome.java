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
 * How an operation ended: without error, or failed with a low-cardinality error type
 * ({@code error.type}). Recorded once per span: the first failure wins.
 *
 * @param errorType the error type of a failed operation, {@code null} when it succeeded
 * @param description a description of the failure, or {@code null}
 * @param exception the exception of the failure, when it was one
 * @since 0.1.0
 */
public record Outcome(@Nullable String errorType, @Nullable String description, @Nullable Throwable exception) {

	/** The outcome of an operation that succeeded. */
	public static final Outcome OK = new Outcome(null, null, null);

	/**
	 * Returns the outcome of an operation that failed with an exception; the error type
	 * is the exception's class name.
	 * @param exception the exception
	 * @return the outcome
	 */
	public static Outcome of(Throwable exception) {
		return new Outcome(exception.getClass().getName(), exception.getMessage(), exception);
	}

	/**
	 * Returns whether the operation failed.
	 * @return whether the operation failed
	 */
	public boolean isError() {
		return this.errorType != null;
	}

}
