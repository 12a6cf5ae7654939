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

import java.util.function.UnaryOperator;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import org.jspecify.annotations.Nullable;

import io.github.genaitracing.context.GenAiContext;

/**
 * The context of a GenAI span that adds a conversation id and its baggage to its parent's:
 * the parent's entries and the span, plus the conversation id and the baggage answered
 * from two fields, instead of two more copies of the parent's entries at every span start
 * (OpenTelemetry's context copies its entries at each {@link Context#with}). It answers
 * every key as the context built entry by entry would; a context derived from it (a child
 * span's, any entry added) is that context, built once on first use, plus the new entry.
 * <p>
 * The keys of the conversation id and the baggage are not public: each is learnt once by
 * letting {@link GenAiContext} and {@link Baggage} store a value into a context that
 * remembers the key it is given. When either cannot be learnt,
 * {@link #with(Context, String, Baggage)} builds the context entry by entry.
 */
final class ConversationContext implements Context {

	private static final @Nullable ContextKey<?> CONVERSATION_ID_KEY = KeyRecorder
		.keyOf((context) -> GenAiContext.withConversationId(context, "conversation"));

	private static final @Nullable ContextKey<?> BAGGAGE_KEY = KeyRecorder.keyOf(Baggage.empty()::storeInContext);

	private final Context base;

	private final String conversationId;

	private final Baggage baggage;

	private volatile @Nullable Context expanded;

	private ConversationContext(Context base, String conversationId, Baggage baggage) {
		this.base = base;
		this.conversationId = conversationId;
		this.baggage = baggage;
	}

	/**
	 * Returns the given context with the conversation id and the baggage added.
	 * @param base the context (neither entry in it is kept)
	 * @param conversationId the conversation id
	 * @param baggage the baggage
	 * @return the context
	 */
	static Context with(Context base, String conversationId, Baggage baggage) {
		if (CONVERSATION_ID_KEY == null || BAGGAGE_KEY == null) {
			return baggage.storeInContext(GenAiContext.withConversationId(base, conversationId));
		}
		return new ConversationContext(base, conversationId, baggage);
	}

	@Override
	@SuppressWarnings("unchecked")
	public <V> @Nullable V get(ContextKey<V> key) {
		if (key == CONVERSATION_ID_KEY) {
			return (V) this.conversationId;
		}
		if (key == BAGGAGE_KEY) {
			return (V) this.baggage;
		}
		return this.base.get(key);
	}

	@Override
	public <V> Context with(ContextKey<V> key, V value) {
		return expanded().with(key, value);
	}

	/**
	 * Returns the same entries in OpenTelemetry's own context, built once.
	 */
	private Context expanded() {
		Context expanded = this.expanded;
		if (expanded == null) {
			expanded = this.baggage.storeInContext(GenAiContext.withConversationId(this.base, this.conversationId));
			this.expanded = expanded;
		}
		return expanded;
	}

	@Override
	public String toString() {
		return expanded().toString();
	}

	/**
	 * A context that remembers the key of the one entry stored into it.
	 */
	private static final class KeyRecorder implements Context {

		private @Nullable ContextKey<?> key;

		private int stored;

		static @Nullable ContextKey<?> keyOf(UnaryOperator<Context> store) {
			KeyRecorder recorder = new KeyRecorder();
			try {
				store.apply(recorder);
			}
			catch (RuntimeException ex) {
				return null;
			}
			return (recorder.stored == 1) ? recorder.key : null;
		}

		@Override
		public <V> @Nullable V get(ContextKey<V> key) {
			return null;
		}

		@Override
		public <V> Context with(ContextKey<V> key, V value) {
			this.key = key;
			this.stored++;
			return this;
		}

	}

}
