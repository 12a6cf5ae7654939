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

package io.github.genaitracing.a2a;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.jspecify.annotations.Nullable;

import io.github.genaitracing.core.SpanHandle;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.spi.CapturedContent;

/**
 * A span an A2A request (inbound) or call (outbound) records on, through the span
 * lifecycle: an agent run ({@code invoke_agent}), or the span of an A2A request that is
 * not one ({@code GetTask}…, an {@code AgentRequest}: no operation name, no OpenInference
 * or MLflow span kind, no content).
 */
abstract class A2aSpan {

	/**
	 * The context work of this span runs in.
	 */
	abstract Context context();

	/**
	 * Makes a context derived from {@link #context()} current; for an agent span this also
	 * steps out of the current Micrometer observation, so that observations started inside
	 * (Spring AI, HTTP clients) take this context, with its conversation id, as parent.
	 */
	abstract Scope makeCurrent(Context derived);

	abstract <T> void set(AttributeKey<T> key, @Nullable T value);

	abstract void recordInput(@Nullable CapturedContent input);

	abstract void recordOutput(@Nullable CapturedContent output);

	/**
	 * Records a conversation id learnt after the start (from the response, or set by the
	 * application).
	 */
	abstract void recordConversationId(String conversationId);

	abstract void recordError(String errorType, @Nullable String description);

	abstract void recordError(Throwable error);

	abstract void end();

	abstract boolean isEnded();

	static A2aSpan of(SpanHandle span, SpanLifecycle spans) {
		return new Handled(span, spans);
	}

	/**
	 * A span of the span lifecycle.
	 */
	private static final class Handled extends A2aSpan {

		private final SpanHandle span;

		private final SpanLifecycle spans;

		Handled(SpanHandle span, SpanLifecycle spans) {
			this.span = span;
			this.spans = spans;
		}

		@Override
		Context context() {
			return this.span.context();
		}

		@Override
		Scope makeCurrent(Context derived) {
			return this.span.makeCurrent(derived);
		}

		@Override
		<T> void set(AttributeKey<T> key, @Nullable T value) {
			this.span.setProtocolAttribute(key, value);
		}

		@Override
		void recordInput(@Nullable CapturedContent input) {
			this.span.recordInput(input);
		}

		@Override
		void recordOutput(@Nullable CapturedContent output) {
			this.span.recordOutput(output);
		}

		@Override
		void recordConversationId(String conversationId) {
			this.span.recordConversationId(conversationId);
		}

		@Override
		void recordError(String errorType, @Nullable String description) {
			this.span.fail(errorType, description);
		}

		@Override
		void recordError(Throwable error) {
			this.span.fail(error);
		}

		@Override
		void end() {
			this.span.end();
		}

		@Override
		boolean isEnded() {
			return this.span.isEnded();
		}

	}

}
