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

import io.opentelemetry.context.Scope;

/**
 * Told whenever a GenAI span's context is made current, so that another tracing API can
 * follow: the Micrometer integration uses it to step out of the current observation, so
 * that observations started inside a GenAI span (Spring AI's, an HTTP client's) take
 * that span as their parent rather than the enclosing HTTP server observation.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ScopeListener {

	/** A listener that does nothing. */
	ScopeListener NONE = () -> Scope.noop();

	/**
	 * Called after a GenAI span's context was made current on this thread.
	 * @return what to close, on the same thread, when that scope closes
	 */
	Scope onMakeCurrent();

	/**
	 * Returns a listener that tells each of the given listeners, in order, and closes
	 * their scopes in reverse order; a listener that fails is skipped.
	 * @param listeners the listeners
	 * @return the composite listener
	 */
	static ScopeListener of(java.util.List<ScopeListener> listeners) {
		java.util.List<ScopeListener> all = java.util.List.copyOf(listeners);
		if (all.isEmpty()) {
			return NONE;
		}
		if (all.size() == 1) {
			return all.get(0);
		}
		return () -> {
			Scope[] scopes = new Scope[all.size()];
			for (int i = 0; i < scopes.length; i++) {
				try {
					scopes[i] = all.get(i).onMakeCurrent();
				}
				catch (RuntimeException ex) {
					scopes[i] = Scope.noop();
				}
			}
			return () -> {
				for (int i = scopes.length - 1; i >= 0; i--) {
					try {
						scopes[i].close();
					}
					catch (RuntimeException ex) {
						// the others still close
					}
				}
			};
		};
	}

}
