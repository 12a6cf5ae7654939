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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import org.jspecify.annotations.Nullable;

import io.github.genaitracing.spi.AttributeSink;
import io.github.genaitracing.spi.GenAiOperation;
import io.github.genaitracing.spi.SpanVocabulary;

/**
 * An operation shared by many spans (the operation of an annotated method) with the start
 * attributes its spans get, written once by the lifecycle's vocabularies and reused by
 * every start: a start then sets a few prebuilt attributes instead of asking each
 * vocabulary again. Only a leading run of vocabularies that declare
 * {@link SpanVocabulary#isStartRepeatable() repeatable starts} is described ahead; the
 * vocabularies from the first other one on are asked at every start, in order, as
 * before. The conversation id of a start is a value per call: a vocabulary writes it as
 * given, and the description remembers which keys hold it (checked with two distinct
 * probe ids; a vocabulary that writes anything else derived from the id is asked at every
 * start instead). Made by {@link SpanLifecycle#describe(GenAiOperation)} and valid for
 * that lifecycle only.
 *
 * @since 0.1.0
 */
public final class DescribedOperation {

	// two ids that share no character position and differ in length: the values a
	// vocabulary writes for them tell which keys carry the conversation id as given
	private static final String PROBE_ID = new String("genai-tracing probe A");

	private static final String OTHER_PROBE_ID = new String("#2/other conversation (a longer one)");

	private final SpanLifecycle lifecycle;

	private final GenAiOperation operation;

	/** Start attributes when the run has no conversation id. */
	private final Prebuilt withoutConversation;

	/** Start attributes when the run has a conversation id; its keys named in slots. */
	private final Prebuilt withConversation;

	/** Index of the first vocabulary asked at every start (the size when none is). */
	private final int askedFrom;

	/** Whether the operation has protocol attributes or links, added at every start. */
	private final boolean hasProtocolParts;

	DescribedOperation(SpanLifecycle lifecycle, GenAiOperation operation, List<SpanVocabulary> vocabularies) {
		this.lifecycle = lifecycle;
		this.operation = operation;
		Map<AttributeKey<?>, Object> without = new LinkedHashMap<>();
		Map<AttributeKey<?>, Object> with = new LinkedHashMap<>();
		int described = 0;
		for (SpanVocabulary vocabulary : vocabularies) {
			if (!describeAhead(vocabulary, operation, without, with)) {
				break;
			}
			described++;
		}
		this.askedFrom = described;
		this.hasProtocolParts = SpanLifecycle.hasProtocolParts(operation);
		this.withoutConversation = Prebuilt.of(without);
		this.withConversation = Prebuilt.of(with);
	}

	/**
	 * Lets a vocabulary write the start attributes of the operation ahead, without and
	 * with a conversation id.
	 * @return whether it could: it declares repeatable starts, did not throw and wrote the
	 * conversation id only as given
	 */
	private static boolean describeAhead(SpanVocabulary vocabulary, GenAiOperation operation,
			Map<AttributeKey<?>, Object> without, Map<AttributeKey<?>, Object> with) {
		List<Object> none = new ArrayList<>();
		List<Object> probed = new ArrayList<>();
		List<Object> otherProbed = new ArrayList<>();
		try {
			if (!vocabulary.isStartRepeatable()) {
				return false;
			}
			vocabulary.onStart(operation, null, record(none));
			vocabulary.onStart(operation, PROBE_ID, record(probed));
			vocabulary.onStart(operation, OTHER_PROBE_ID, record(otherProbed));
		}
		catch (Throwable ex) {
			// asked at every start, where its failure is handled as for any vocabulary
			FailSafe.rethrowIfFatal(ex);
			return false;
		}
		if (probed.size() != otherProbed.size()) {
			return false;
		}
		Map<AttributeKey<?>, Object> written = new LinkedHashMap<>();
		for (int i = 0; i < probed.size(); i += 2) {
			Object key = probed.get(i);
			Object value = probed.get(i + 1);
			Object otherValue = otherProbed.get(i + 1);
			if (!key.equals(otherProbed.get(i))) {
				return false;
			}
			if (value == PROBE_ID && otherValue == OTHER_PROBE_ID) {
				written.put((AttributeKey<?>) key, ConversationIdSlot.INSTANCE);
			}
			else if (value.equals(otherValue)) {
				written.put((AttributeKey<?>) key, value);
			}
			else {
				return false;
			}
		}
		for (int i = 0; i < none.size(); i += 2) {
			without.put((AttributeKey<?>) none.get(i), none.get(i + 1));
		}
		with.putAll(written);
		return true;
	}

	private static AttributeSink record(List<Object> written) {
		return new AttributeSink() {

			@Override
			public <T> void put(AttributeKey<T> key, @Nullable T value) {
				if (value != null) {
					written.add(Objects.requireNonNull(key));
					written.add(value);
				}
			}

		};
	}

	/**
	 * Returns the operation described.
	 * @return the operation
	 */
	public GenAiOperation operation() {
		return this.operation;
	}

	SpanLifecycle lifecycle() {
		return this.lifecycle;
	}

	boolean hasProtocolParts() {
		return this.hasProtocolParts;
	}

	/**
	 * Whether the given lifecycle described the operation (and its spans get these
	 * prebuilt attributes).
	 * @param lifecycle the lifecycle
	 * @return whether it is the one that described it
	 */
	public boolean isDescribedBy(SpanLifecycle lifecycle) {
		return this.lifecycle == lifecycle;
	}

	/**
	 * Sets the start attributes on a span builder: the prebuilt ones, then those of the
	 * vocabularies asked at every start, each call guarded.
	 */
	void describe(SpanBuilder builder, @Nullable String conversationId, List<SpanVocabulary> vocabularies) {
		prebuilt(conversationId).setOn(builder, conversationId);
		if (this.askedFrom < vocabularies.size()) {
			askTheRest(this.operation, conversationId, vocabularies, AttributeSink.of(builder));
		}
	}

	/**
	 * Sets the start attributes on a span already started (one adopted from another
	 * instrumentation), as {@link #describe(SpanBuilder, String, List)} does on a builder.
	 * The vocabularies asked at every start describe {@code operation}: the described one,
	 * or one that differs from it in its protocol attributes and links only.
	 */
	void describe(Span span, GenAiOperation operation, @Nullable String conversationId,
			List<SpanVocabulary> vocabularies) {
		prebuilt(conversationId).setOn(span, conversationId);
		if (this.askedFrom < vocabularies.size()) {
			askTheRest(operation, conversationId, vocabularies, AttributeSink.of(span));
		}
	}

	/** The prebuilt start attributes of a start without or with a conversation id. */
	private Prebuilt prebuilt(@Nullable String conversationId) {
		return (conversationId != null) ? this.withConversation : this.withoutConversation;
	}

	/**
	 * Asks the vocabularies from the first one not described ahead on, each call guarded.
	 */
	private void askTheRest(GenAiOperation operation, @Nullable String conversationId,
			List<SpanVocabulary> vocabularies, AttributeSink sink) {
		for (int i = this.askedFrom; i < vocabularies.size(); i++) {
			SpanVocabulary vocabulary = vocabularies.get(i);
			try {
				vocabulary.onStart(operation, conversationId, sink);
			}
			catch (Throwable ex) {
				FailSafe.failed(vocabulary, ex);
			}
		}
	}

	/**
	 * Writes a conversation id learned after the start where the vocabularies described
	 * ahead write it: the start attributes that carry it as given.
	 */
	void recordConversationId(Span span, String conversationId) {
		this.withConversation.setConversationIdOn(span, conversationId);
	}

	/**
	 * Returns the number of leading vocabularies whose start attributes were written
	 * ahead.
	 * @return the number
	 */
	int describedAhead() {
		return this.askedFrom;
	}

	@Override
	public String toString() {
		return "DescribedOperation[" + this.operation.spanName() + ", " + this.askedFrom + " vocabularies ahead]";
	}

	/** Marks a key whose value is the conversation id of the start. */
	private enum ConversationIdSlot {

		INSTANCE

	}

	/**
	 * Attributes as parallel arrays, set one by one as a hand-written span would; a value
	 * {@link ConversationIdSlot#INSTANCE} stands for the conversation id.
	 */
	private static final class Prebuilt {

		private final AttributeKey<Object>[] keys;

		private final Object[] values;

		private Prebuilt(AttributeKey<Object>[] keys, Object[] values) {
			this.keys = keys;
			this.values = values;
		}

		@SuppressWarnings("unchecked")
		static Prebuilt of(Map<AttributeKey<?>, Object> attributes) {
			AttributeKey<Object>[] keys = new AttributeKey[attributes.size()];
			Object[] values = new Object[attributes.size()];
			int i = 0;
			for (Map.Entry<AttributeKey<?>, Object> entry : attributes.entrySet()) {
				keys[i] = (AttributeKey<Object>) entry.getKey();
				values[i] = entry.getValue();
				i++;
			}
			return new Prebuilt(keys, values);
		}

		void setOn(SpanBuilder builder, @Nullable String conversationId) {
			AttributeKey<Object>[] keys = this.keys;
			Object[] values = this.values;
			for (int i = 0; i < keys.length; i++) {
				Object value = values[i];
				builder.setAttribute(keys[i], (value == ConversationIdSlot.INSTANCE) ? conversationId : value);
			}
		}

		void setConversationIdOn(Span span, String conversationId) {
			AttributeKey<Object>[] keys = this.keys;
			Object[] values = this.values;
			for (int i = 0; i < keys.length; i++) {
				if (values[i] == ConversationIdSlot.INSTANCE) {
					span.setAttribute(keys[i], conversationId);
				}
			}
		}

		void setOn(Span span, @Nullable String conversationId) {
			AttributeKey<Object>[] keys = this.keys;
			Object[] values = this.values;
			for (int i = 0; i < keys.length; i++) {
				Object value = values[i];
				span.setAttribute(keys[i], (value == ConversationIdSlot.INSTANCE) ? conversationId : value);
			}
		}

	}

}
