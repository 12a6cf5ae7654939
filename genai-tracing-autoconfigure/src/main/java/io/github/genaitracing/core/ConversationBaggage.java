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

import java.util.Map;
import java.util.function.BiConsumer;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageBuilder;
import io.opentelemetry.api.baggage.BaggageEntry;
import org.jspecify.annotations.Nullable;

/**
 * The baggage of a GenAI span's context: its parent's baggage plus the conversation id
 * entry. Reading the conversation id costs nothing; the full baggage, with the entry
 * merged in, is built only when something reads it whole (a propagator injecting it into
 * an outbound request, for instance), so that spans whose baggage nobody reads pay for
 * one small object instead of a baggage builder.
 */
final class ConversationBaggage implements Baggage {

	private final Baggage parent;

	private final String key;

	private final String value;

	private volatile @Nullable Baggage merged;

	ConversationBaggage(Baggage parent, String key, String value) {
		this.parent = parent;
		this.key = key;
		this.value = value;
	}

	private Baggage merged() {
		Baggage result = this.merged;
		if (result == null) {
			result = this.parent.toBuilder().put(this.key, this.value).build();
			this.merged = result;
		}
		return result;
	}

	@Override
	public int size() {
		// the parent's entries with this one put: one more unless it replaces the parent's
		return this.parent.size() + ((this.parent.getEntryValue(this.key) != null) ? 0 : 1);
	}

	@Override
	public boolean isEmpty() {
		return false;
	}

	@Override
	public void forEach(BiConsumer<? super String, ? super BaggageEntry> consumer) {
		merged().forEach(consumer);
	}

	@Override
	public Map<String, BaggageEntry> asMap() {
		return merged().asMap();
	}

	@Override
	public @Nullable String getEntryValue(String entryKey) {
		return this.key.equals(entryKey) ? this.value : this.parent.getEntryValue(entryKey);
	}

	@Override
	public @Nullable BaggageEntry getEntry(String entryKey) {
		return merged().getEntry(entryKey);
	}

	@Override
	public BaggageBuilder toBuilder() {
		return merged().toBuilder();
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof Baggage baggage && merged().equals((other instanceof ConversationBaggage conversation)
				? conversation.merged() : baggage);
	}

	@Override
	public int hashCode() {
		return merged().hashCode();
	}

	@Override
	public String toString() {
		return merged().toString();
	}

}
