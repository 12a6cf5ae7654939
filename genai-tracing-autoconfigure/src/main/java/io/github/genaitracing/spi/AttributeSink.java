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

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Where a {@link SpanVocabulary} writes typed attributes: a span being built or a live
 * span. {@code null} values are ignored.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AttributeSink {

	/**
	 * Writes an attribute; a {@code null} value writes nothing.
	 * @param <T> the value type
	 * @param key the key
	 * @param value the value
	 */
	<T> void put(AttributeKey<T> key, @Nullable T value);

	/**
	 * Returns a sink writing to a span builder.
	 * @param builder the span builder
	 * @return the sink
	 */
	static AttributeSink of(SpanBuilder builder) {
		return new AttributeSink() {
			@Override
			public <T> void put(AttributeKey<T> key, @Nullable T value) {
				if (value != null) {
					builder.setAttribute(key, value);
				}
			}
		};
	}

	/**
	 * Returns a sink writing to a live span.
	 * @param span the span
	 * @return the sink
	 */
	static AttributeSink of(Span span) {
		return new AttributeSink() {
			@Override
			public <T> void put(AttributeKey<T> key, @Nullable T value) {
				if (value != null) {
					span.setAttribute(key, value);
				}
			}
		};
	}

}
