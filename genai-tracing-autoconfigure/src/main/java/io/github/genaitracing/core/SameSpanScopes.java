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

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageEntry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextStorage;
import io.opentelemetry.context.Scope;
import org.jspecify.annotations.Nullable;

/**
 * Makes a context current that holds the same span and baggage as the current one and
 * only entries of the starter's own (the task id, the agent run), without telling
 * Spring Boot's scope event listeners: they write the current span's trace and span ids
 * and the baggage's correlation fields to the logging MDC on every attach and close,
 * values such a context does not change. The baggage may also differ in one quiet entry:
 * the conversation id the starter adds, when it is not a correlation field (nothing of it
 * goes to the MDC). Only when the context storage is the one Spring Boot sets up (its
 * event-publishing wrapper around OpenTelemetry's thread-local storage), and only when
 * the context is then current as with {@link Context#makeCurrent()}; in any other case
 * the context is made current the usual way.
 */
final class SameSpanScopes {

	/** Spring Boot's context storage wrapper that publishes scope events. */
	static final String BOOT_EVENT_PUBLISHING_STORAGE = "org.springframework.boot.micrometer.tracing.opentelemetry"
			+ ".autoconfigure.OpenTelemetryEventPublisherBeansApplicationListener$Wrapper$Storage";

	private SameSpanScopes() {
	}

	/**
	 * Makes the context current, quietly when it holds the current span and baggage.
	 * @param context the context
	 * @param quietBaggageKey the baggage key whose entry may differ too, or {@code null}
	 * @return the scope to close
	 */
	static Scope makeCurrent(Context context, @Nullable String quietBaggageKey) {
		ContextStorage storage = ContextStorage.get();
		if (!BOOT_EVENT_PUBLISHING_STORAGE.equals(storage.getClass().getName())) {
			return context.makeCurrent();
		}
		Context current = storage.current();
		if (current == null || current == context || Span.fromContext(current) != Span.fromContext(context)
				|| !sameBut(Baggage.fromContext(current), Baggage.fromContext(context), quietBaggageKey)) {
			return context.makeCurrent();
		}
		Scope scope = ContextStorage.defaultStorage().attach(context);
		if (storage.current() == context) {
			return scope;
		}
		// a storage of another kind under Spring Boot's wrapper: the usual way
		scope.close();
		return context.makeCurrent();
	}

	/**
	 * Whether two baggages hold the same entries, the quiet key's aside.
	 */
	static boolean sameBut(Baggage current, Baggage next, @Nullable String quietKey) {
		if (current == next) {
			return true;
		}
		if (quietKey == null) {
			return false;
		}
		int others = next.size() - ((next.getEntryValue(quietKey) != null) ? 1 : 0);
		if (current.size() - ((current.getEntryValue(quietKey) != null) ? 1 : 0) != others) {
			return false;
		}
		if (others == 0) {
			return true;
		}
		boolean[] same = { true };
		current.forEach((key, entry) -> {
			if (same[0] && !key.equals(quietKey)) {
				BaggageEntry other = next.getEntry(key);
				same[0] = other != null && other.getValue().equals(entry.getValue())
						&& other.getMetadata().getValue().equals(entry.getMetadata().getValue());
			}
		});
		return same[0];
	}

}
