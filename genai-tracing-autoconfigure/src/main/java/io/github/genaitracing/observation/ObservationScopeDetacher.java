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

package io.github.genaitracing.observation;

import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.context.Scope;
import org.jspecify.annotations.Nullable;

import io.github.genaitracing.core.ScopeListener;

/**
 * Steps out of the current Micrometer observation while a GenAI span is current, and
 * back in when its scope closes. A GenAI span made by an {@code @AgentInvoke} method or
 * the A2A filter is not an observation; without this, an observation started inside it
 * (Spring AI's {@code ChatClient}, a {@code RestClient} call) would take the enclosing
 * observation (the HTTP server request) as parent and appear beside the agent instead of
 * under it. With no current observation, Micrometer's tracing handlers parent new spans
 * on the current OpenTelemetry span: the GenAI span.
 *
 * @since 0.1.0
 */
public final class ObservationScopeDetacher implements ScopeListener {

	private final Supplier<@Nullable ObservationRegistry> registrySupplier;

	private volatile @Nullable ObservationRegistry registry;

	/**
	 * Creates a detacher.
	 * @param registry the observation registry, looked up on first use (the registry's
	 * own handlers may depend on the GenAI span writer)
	 */
	public ObservationScopeDetacher(Supplier<@Nullable ObservationRegistry> registry) {
		this.registrySupplier = registry;
	}

	@Override
	public Scope onMakeCurrent() {
		ObservationRegistry registry = registry();
		Observation.Scope previous = (registry != null) ? registry.getCurrentObservationScope() : null;
		if (registry == null || previous == null) {
			return Scope.noop();
		}
		registry.setCurrentObservationScope(null);
		return () -> registry.setCurrentObservationScope(previous);
	}

	private @Nullable ObservationRegistry registry() {
		ObservationRegistry registry = this.registry;
		if (registry == null) {
			registry = this.registrySupplier.get();
			if (registry == null) {
				registry = ObservationRegistry.NOOP;
			}
			this.registry = registry;
		}
		return registry.isNoop() ? null : registry;
	}

}
