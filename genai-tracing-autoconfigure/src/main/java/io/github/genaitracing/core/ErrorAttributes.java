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

package io.github.genaitracing.core;

import java.io.PrintWriter;
import java.io.Writer;

import io.opentelemetry.api.common.Attributes;
import org.jspecify.annotations.Nullable;

import io.github.genaitracing.semconv.GenAiAttributes;

/**
 * Bounds what a failure puts on a span: the status description and the exception
 * message at {@link #MAX_MESSAGE_LENGTH} characters, the stack trace at
 * {@link #MAX_STACKTRACE_LENGTH} (written into a bounded buffer, never whole), each cut
 * value ending with {@link #TRUNCATION_MARKER}. An exception message can be a provider's
 * whole error body, or a client-controlled value.
 */
final class ErrorAttributes {

	static final int MAX_MESSAGE_LENGTH = 1024;

	static final int MAX_STACKTRACE_LENGTH = 8192;

	static final String TRUNCATION_MARKER = "…[truncated]";

	/** Name of the span event of an exception, as in the OpenTelemetry conventions. */
	static final String EXCEPTION_EVENT = "exception";

	private ErrorAttributes() {
	}

	static @Nullable String description(@Nullable String description) {
		return cut(description, MAX_MESSAGE_LENGTH);
	}

	static Attributes exception(Throwable exception) {
		String message = cut(exception.getMessage(), MAX_MESSAGE_LENGTH);
		BoundedWriter stacktrace = new BoundedWriter(MAX_STACKTRACE_LENGTH);
		try (PrintWriter writer = new PrintWriter(stacktrace)) {
			exception.printStackTrace(writer);
		}
		catch (RuntimeException | StackOverflowError ex) {
			// a failing toString() of the exception: keep what was written
		}
		var attributes = Attributes.builder()
			.put(GenAiAttributes.EXCEPTION_TYPE, exception.getClass().getName())
			.put(GenAiAttributes.EXCEPTION_STACKTRACE, stacktrace.value());
		if (message != null) {
			attributes.put(GenAiAttributes.EXCEPTION_MESSAGE, message);
		}
		return attributes.build();
	}

	static @Nullable String cut(@Nullable String value, int maxLength) {
		if (value == null || value.length() <= maxLength) {
			return value;
		}
		int keep = maxLength;
		if (Character.isHighSurrogate(value.charAt(keep - 1))) {
			keep--;
		}
		return value.substring(0, keep) + TRUNCATION_MARKER;
	}

	/**
	 * Keeps the first characters written to it and drops the rest.
	 */
	private static final class BoundedWriter extends Writer {

		private final StringBuilder kept = new StringBuilder(256);

		private final int maxLength;

		private boolean cut;

		BoundedWriter(int maxLength) {
			this.maxLength = maxLength;
		}

		@Override
		public void write(char[] buffer, int offset, int length) {
			int room = this.maxLength - this.kept.length();
			if (length > room) {
				this.cut = true;
			}
			if (room > 0) {
				this.kept.append(buffer, offset, Math.min(room, length));
			}
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

		String value() {
			return this.cut ? this.kept + TRUNCATION_MARKER : this.kept.toString();
		}

	}

}
