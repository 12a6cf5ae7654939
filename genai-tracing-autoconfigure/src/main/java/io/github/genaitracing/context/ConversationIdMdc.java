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

package io.github.genaitracing.context;

import io.opentelemetry.context.Scope;
import org.slf4j.MDC;

import io.github.genaitracing.core.ScopeListener;

/**
 * Puts the conversation id of the current GenAI span in the SLF4J MDC under
 * {@value #KEY} while the span is current, as Spring Boot does for the trace and span
 * ids, so that {@code logging.pattern.correlation} can show it; the previous value comes
 * back when the span's scope closes.
 *
 * @since 0.1.0
 */
public final class ConversationIdMdc implements ScopeListener {

	/** MDC key of the conversation id. */
	public static final String KEY = "conversationId";

	@Override
	public Scope onMakeCurrent() {
		String conversationId = GenAiContext.currentConversationId();
		if (conversationId == null) {
			return Scope.noop();
		}
		String previous = MDC.get(KEY);
		if (conversationId.equals(previous)) {
			return Scope.noop();
		}
		MDC.put(KEY, conversationId);
		return () -> {
			if (previous != null) {
				MDC.put(KEY, previous);
			}
			else {
				MDC.remove(KEY);
			}
		};
	}

}
