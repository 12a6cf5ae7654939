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

package io.github.genaitracing.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.boot.context.properties.bind.BindableRuntimeHintsRegistrar;

import io.github.genaitracing.actuate.GenAiTracingEndpoint;
import io.github.genaitracing.actuate.MergedTraces;
import io.github.genaitracing.actuate.RecentGenAiTraces;
import io.github.genaitracing.semconv.GenAiProviders;

/**
 * {@link RuntimeHintsRegistrar} for what genai-tracing reads by reflection or from the
 * class path, so that AOT-processed applications (and native images built from them)
 * trace as on the JVM. Registered in {@code META-INF/spring/aot.factories}. Methods of
 * the application's own beans annotated with {@code @AgentInvoke} or {@code @ToolCall}
 * are registered by Spring's {@code @Reflective} support, through the annotations.
 */
class GenAiTracingRuntimeHints implements RuntimeHintsRegistrar {

	/**
	 * Class path resources read at run time: the trace view's files and any table shipped
	 * beside them.
	 */
	static final String RESOURCES = "META-INF/genai-tracing/**";

	private final BindingReflectionHintsRegistrar bindingHints = new BindingReflectionHintsRegistrar();

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern(RESOURCES);
		// genai.tracing.* binding
		BindableRuntimeHintsRegistrar.forTypes(GenAiTracingProperties.class).registerHints(hints, classLoader);
		// the endpoint's operations and the records Jackson writes as its responses
		hints.reflection().registerType(GenAiTracingEndpoint.class, MemberCategory.INVOKE_PUBLIC_METHODS);
		this.bindingHints.registerReflectionHints(hints.reflection(), GenAiTracingEndpoint.Overview.class,
				RecentGenAiTraces.Trace.class, MergedTraces.Merged.class);
		// chat model classes looked up by name to detect the provider
		for (String className : GenAiProviders.chatModelClassNames()) {
			hints.reflection().registerType(TypeReference.of(className));
		}
	}

}
