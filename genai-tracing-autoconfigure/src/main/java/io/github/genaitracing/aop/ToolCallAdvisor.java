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

import org.aopalliance.aop.Advice;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;

import io.github.genaitracing.annotation.ToolCall;
import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.core.SpanLifecycle;

/**
 * The Spring AOP advisor that traces {@link ToolCall @ToolCall} methods as
 * {@code execute_tool {name}} spans: the registry's {@link TracedMethodRegistry#TOOL_POINTCUT
 * pointcut} with a method interceptor, the way Spring's own annotation-driven advisors
 * (such as those of {@code @Async} and {@code @Transactional}) are built, so that a call
 * costs a plain interceptor call rather than an AspectJ advice method invoked
 * reflectively with a join point.
 *
 * @since 0.1.0
 */
@SuppressWarnings("serial")
public final class ToolCallAdvisor extends AbstractPointcutAdvisor {

	private final ToolCallInterceptor interceptor;

	/**
	 * Creates the advisor.
	 * @param spans the span lifecycle
	 * @param contentPolicy the content policy
	 * @param registry the registry of traced methods
	 */
	public ToolCallAdvisor(SpanLifecycle spans, ContentPolicy contentPolicy, TracedMethodRegistry registry) {
		this.interceptor = new ToolCallInterceptor(AdviceWiring.of(spans, contentPolicy, registry));
	}

	/**
	 * Creates the advisor, which asks for what it works with on the first traced call:
	 * an auto-proxy creator makes advisors early, before the beans they would need could
	 * pass through every bean post-processor.
	 * @param spans supplies the span lifecycle
	 * @param contentPolicy supplies the content policy
	 * @param registry supplies the registry of traced methods
	 */
	public ToolCallAdvisor(Supplier<SpanLifecycle> spans, Supplier<ContentPolicy> contentPolicy,
			Supplier<TracedMethodRegistry> registry) {
		this.interceptor = new ToolCallInterceptor(AdviceWiring.lazily(spans, contentPolicy, registry));
	}

	@Override
	public Pointcut getPointcut() {
		return TracedMethodRegistry.TOOL_POINTCUT;
	}

	@Override
	public Advice getAdvice() {
		return this.interceptor;
	}

}
