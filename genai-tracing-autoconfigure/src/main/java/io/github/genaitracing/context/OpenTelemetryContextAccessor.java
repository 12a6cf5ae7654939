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

import java.util.ArrayDeque;
import java.util.Deque;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.jspecify.annotations.Nullable;

/**
 * Carries the current OpenTelemetry {@link Context} across thread hand-offs that use
 * Micrometer's context propagation: Spring's {@code ContextPropagatingTaskDecorator}
 * (and so Boot's auto-configured task executor, {@code @Async} and virtual threads when
 * that decorator is a bean), {@code ContextExecutorService}, {@code ContextSnapshot}
 * wrapping of a {@code CompletableFuture}'s task, and Reactor's automatic context
 * propagation. A GenAI span is current in the OpenTelemetry context only (the Micrometer
 * observation is stepped out of while it is current), so without this, work handed to
 * another thread from inside it started a new trace; with it, that work, and the Spring
 * AI or HTTP client observations it starts, are children of the span current at the
 * hand-off, with its conversation id and baggage.
 *
 * @since 0.1.0
 */
public final class OpenTelemetryContextAccessor implements ThreadLocalAccessor<Context> {

	/**
	 * Key of this accessor in the {@link ContextRegistry}.
	 */
	public static final String KEY = "io.github.genaitracing.opentelemetry-context";

	private static final ThreadLocal<@Nullable Deque<Scope>> SCOPES = new ThreadLocal<>();

	/**
	 * Registers an accessor in the global {@link ContextRegistry}, once.
	 */
	public static void register() {
		ContextRegistry registry = ContextRegistry.getInstance();
		for (ThreadLocalAccessor<?> accessor : registry.getThreadLocalAccessors()) {
			if (KEY.equals(accessor.key())) {
				return;
			}
		}
		registry.registerThreadLocalAccessor(new OpenTelemetryContextAccessor());
	}

	@Override
	public Object key() {
		return KEY;
	}

	@Override
	public @Nullable Context getValue() {
		Context current = Context.current();
		return (current == Context.root()) ? null : current;
	}

	@Override
	public void setValue(Context value) {
		push(value.makeCurrent());
	}

	@Override
	public void setValue() {
		push(Context.root().makeCurrent());
	}

	@Override
	public void restore(Context previousValue) {
		pop();
	}

	@Override
	public void restore() {
		pop();
	}

	private static void push(Scope scope) {
		Deque<Scope> scopes = SCOPES.get();
		if (scopes == null) {
			scopes = new ArrayDeque<>(4);
			SCOPES.set(scopes);
		}
		scopes.push(scope);
	}

	private static void pop() {
		Deque<Scope> scopes = SCOPES.get();
		if (scopes == null) {
			return;
		}
		Scope scope = scopes.poll();
		if (scopes.isEmpty()) {
			SCOPES.remove();
		}
		if (scope != null) {
			scope.close();
		}
	}

}
