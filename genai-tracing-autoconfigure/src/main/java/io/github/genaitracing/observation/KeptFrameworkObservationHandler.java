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

import java.util.function.Predicate;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;

import io.github.genaitracing.semconv.GenAiAttributes;

/**
 * Keeps the spans of chosen framework observations as Micrometer's default tracing
 * handler makes them, without the deprecated {@code gen_ai.system} attribute.
 *
 * @since 0.1.0
 */
public final class KeptFrameworkObservationHandler extends DefaultTracingObservationHandler {

	private final Predicate<Observation.Context> framework;

	/**
	 * Creates a handler.
	 * @param tracer the tracer
	 * @param framework the observations it makes spans of
	 */
	public KeptFrameworkObservationHandler(Tracer tracer, Predicate<Observation.Context> framework) {
		super(tracer);
		this.framework = framework;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return this.framework.test(context);
	}

	@Override
	public void tagSpan(Observation.Context context, Span span) {
		for (KeyValue keyValue : context.getAllKeyValues()) {
			if (keyValue.getKey().equalsIgnoreCase("error")) {
				span.error(new RuntimeException(keyValue.getValue()));
			}
			else if (!GenAiAttributes.SYSTEM_DEPRECATED.getKey().equals(keyValue.getKey())) {
				span.tag(keyValue.getKey(), keyValue.getValue());
			}
		}
	}

}
