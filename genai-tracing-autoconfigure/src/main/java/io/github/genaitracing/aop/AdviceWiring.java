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

package io.github.genaitracing.aop;

import java.util.function.Supplier;

import org.springframework.util.function.SingletonSupplier;

import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.core.SpanLifecycle;

/**
 * What an interceptor works with: the span lifecycle, the content policy and the registry
 * of traced methods. An advisor made by the auto-configuration gets them on the first
 * traced call, not when it is made: the auto-proxy creator makes advisors before the
 * application's other beans, and the lifecycle's dependencies (the OpenTelemetry SDK, its
 * exporters) must still pass through every bean post-processor.
 */
final class AdviceWiring {

	final SpanLifecycle spans;

	final ContentPolicy contentPolicy;

	final TracedMethodRegistry registry;

	final SpanCompletion completion;

	private AdviceWiring(SpanLifecycle spans, ContentPolicy contentPolicy, TracedMethodRegistry registry) {
		this.spans = spans;
		this.contentPolicy = contentPolicy;
		this.registry = registry;
		this.completion = new SpanCompletion(spans, contentPolicy);
	}

	/**
	 * Returns the given parts, at once.
	 */
	static Supplier<AdviceWiring> of(SpanLifecycle spans, ContentPolicy contentPolicy,
			TracedMethodRegistry registry) {
		AdviceWiring wiring = new AdviceWiring(spans, contentPolicy, registry);
		return () -> wiring;
	}

	/**
	 * Returns the parts the suppliers give, asked once on first use.
	 */
	static Supplier<AdviceWiring> lazily(Supplier<SpanLifecycle> spans, Supplier<ContentPolicy> contentPolicy,
			Supplier<TracedMethodRegistry> registry) {
		return SingletonSupplier.of(() -> new AdviceWiring(spans.get(), contentPolicy.get(), registry.get()));
	}

}
