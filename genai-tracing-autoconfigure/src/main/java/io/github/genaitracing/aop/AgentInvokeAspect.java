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

import java.util.Map;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;

import io.github.genaitracing.annotation.AgentInvoke;
import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.core.FailSafe;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.spi.CapturedContent;

/**
 * Traces {@link AgentInvoke @AgentInvoke} methods as {@code invoke_agent {name}} spans.
 *
 * @since 0.1.0
 */
@Aspect
public final class AgentInvokeAspect {

	private final SpanLifecycle spans;

	private final SpanCompletion completion;

	private final ContentPolicy contentPolicy;

	private final TracedMethodRegistry registry;

	/**
	 * Creates the aspect.
	 * @param spans the span lifecycle
	 * @param contentPolicy the content policy
	 * @param registry the registry of traced methods
	 */
	public AgentInvokeAspect(SpanLifecycle spans, ContentPolicy contentPolicy, TracedMethodRegistry registry) {
		this.spans = spans;
		this.completion = new SpanCompletion(spans, contentPolicy);
		this.contentPolicy = contentPolicy;
		this.registry = registry;
	}

	/**
	 * Runs an agent method inside its span.
	 * @param joinPoint the join point
	 * @return the method's result
	 * @throws Throwable what the method throws
	 */
	@Around(TracedMethodRegistry.AGENT_POINTCUT)
	public @Nullable Object invoke(ProceedingJoinPoint joinPoint) throws Throwable {
		MethodSignature signature = (MethodSignature) joinPoint.getSignature();
		Class<?> targetClass = (joinPoint.getTarget() != null) ? AopUtils.getTargetClass(joinPoint.getTarget())
				: signature.getDeclaringType();
		TracedMethod traced = this.registry.agent(signature.getMethod(), targetClass);
		Object[] args = joinPoint.getArgs();
		return this.completion.proceed(joinPoint, traced, traced.described(this.spans),
				traced.template(), traced.conversationId(args), input(traced, args));
	}

	private @Nullable CapturedContent input(TracedMethod traced, Object[] args) {
		if (!this.contentPolicy.isEnabled()) {
			return null;
		}
		// capture runs before the method: whatever it throws must not reach the method
		return FailSafe.get("content capture", () -> {
			Map<String, @Nullable Object> arguments = traced.contentArguments(args);
			if (arguments.size() == 1) {
				return this.contentPolicy.capture(arguments.values().iterator().next());
			}
			return this.contentPolicy.captureArguments(arguments);
		});
	}

}
