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
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import org.jspecify.annotations.Nullable;

import io.github.genaitracing.context.GenAiContext;

/**
 * The context of a GenAI span: its parent's entries plus up to four of its own — the
 * span, the conversation id, the baggage with the conversation id, and the span's handle
 * (for run tracking and nested tool calls) — answered from fields, instead of a copy of
 * the parent's entries for each one added (OpenTelemetry's context copies its entries at
 * each {@link Context#with}). The baggage, the parent's plus the conversation id entry, is
 * made when first read (most spans' baggage is never read). It answers every key as the
 * context built entry by entry would; a context derived from it (a child span's, any entry
 * added) is that context, built once on first use, plus the new entry.
 * <p>
 * The keys of the span, the conversation id and the baggage are not public: each is learnt
 * once by letting {@link Span}, {@link GenAiContext} and {@link Baggage} store a value into
 * a context that remembers the key it is given. When one cannot be learnt,
 * {@link #of(Context, Span, String, String, String, SpanHandle)} builds the context entry
 * by entry.
 */
final class RunContext implements Context {

	/**
	 * The handle of the span a context belongs to: put for run tracking, and into the
	 * context of a described tool span so that a nested call of the same tool finds it.
	 */
	static final ContextKey<SpanHandle> RUN = ContextKey.named("genai-tracing-run");

	private static final @Nullable ContextKey<?> SPAN_KEY = KeyRecorder.keyOf(Span.getInvalid()::storeInContext);

	private static final @Nullable ContextKey<?> CONVERSATION_ID_KEY = KeyRecorder
		.keyOf((context) -> GenAiContext.withConversationId(context, "conversation"));

	private static final @Nullable ContextKey<?> BAGGAGE_KEY = KeyRecorder.keyOf(Baggage.empty()::storeInContext);

	private static final boolean KEYS_LEARNT = SPAN_KEY != null && CONVERSATION_ID_KEY != null
			&& BAGGAGE_KEY != null;

	private final Context parent;

	private final Span span;

	private final @Nullable String conversationId;

	private final @Nullable String baggageKey;

	private final @Nullable String baggageId;

	private final @Nullable SpanHandle run;

	/**
	 * The baggage, made on first read: a racy cache, as any copy has the same entries
	 * (and its fields are final).
	 */
	private @Nullable Baggage baggage;

	private volatile @Nullable Context expanded;

	private RunContext(Context parent, Span span, @Nullable String conversationId, @Nullable String baggageKey,
			@Nullable String baggageId, @Nullable SpanHandle run) {
		this.parent = parent;
		this.span = span;
		this.conversationId = conversationId;
		this.baggageKey = baggageKey;
		this.baggageId = baggageId;
		this.run = run;
	}

	/**
	 * Returns the given context with the span and the given entries added.
	 * @param parent the parent context
	 * @param span the span
	 * @param conversationId the conversation id to add, or {@code null} to keep the
	 * parent's
	 * @param baggageKey the baggage key of the conversation id to add to the parent's
	 * baggage, or {@code null} to keep the parent's baggage
	 * @param baggageId the conversation id to add to the baggage under that key
	 * @param run the handle to add, or {@code null} to keep the parent's
	 * @return the context
	 */
	static Context of(Context parent, Span span, @Nullable String conversationId, @Nullable String baggageKey,
			@Nullable String baggageId, @Nullable SpanHandle run) {
		if (baggageKey == null || baggageId == null) {
			baggageKey = null;
			baggageId = null;
		}
		if (!KEYS_LEARNT) {
			return entryByEntry(parent, span, conversationId, baggage(parent, baggageKey, baggageId), run);
		}
		return new RunContext(parent, span, conversationId, baggageKey, baggageId, run);
	}

	private static @Nullable Baggage baggage(Context parent, @Nullable String baggageKey,
			@Nullable String baggageId) {
		if (baggageKey == null || baggageId == null) {
			return null;
		}
		return new ConversationBaggage(Baggage.fromContext(parent), baggageKey, baggageId);
	}

	private static Context entryByEntry(Context parent, Span span, @Nullable String conversationId,
			@Nullable Baggage baggage, @Nullable SpanHandle run) {
		Context context = GenAiContext.withConversationId(parent.with(span), conversationId);
		if (baggage != null) {
			context = baggage.storeInContext(context);
		}
		return (run != null) ? context.with(RUN, run) : context;
	}

	private @Nullable Baggage baggage() {
		Baggage baggage = this.baggage;
		if (baggage == null && this.baggageId != null) {
			baggage = baggage(this.parent, this.baggageKey, this.baggageId);
			this.baggage = baggage;
		}
		return baggage;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <V> @Nullable V get(ContextKey<V> key) {
		if (key == SPAN_KEY) {
			return (V) this.span;
		}
		Object value = null;
		if (key == BAGGAGE_KEY) {
			value = baggage();
		}
		else if (key == RUN) {
			value = this.run;
		}
		else if (key == CONVERSATION_ID_KEY) {
			value = this.conversationId;
		}
		return (value != null) ? (V) value : this.parent.get(key);
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
			expanded = entryByEntry(this.parent, this.span, this.conversationId, baggage(), this.run);
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
