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


import io.opentelemetry.context.Context;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;

import io.github.genaitracing.annotation.ToolCall;
import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.core.DescribedOperation;
import io.github.genaitracing.core.FailSafe;
import io.github.genaitracing.core.SpanHandle;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.spi.CapturedContent;
import io.github.genaitracing.spi.ToolExecution;

/**
 * Traces {@link ToolCall @ToolCall} methods as {@code execute_tool {name}} spans. When the
 * method runs inside a tool span another instrumentation started for the same tool (such
 * as Spring AI's tool calling), it records on that span instead of starting a second.
 *
 * @since 0.1.0
 */
@Aspect
public final class ToolCallAspect {

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
	public ToolCallAspect(SpanLifecycle spans, ContentPolicy contentPolicy, TracedMethodRegistry registry) {
		this.spans = spans;
		this.completion = new SpanCompletion(spans, contentPolicy);
		this.contentPolicy = contentPolicy;
		this.registry = registry;
	}

	/**
	 * Runs a tool method inside its span.
	 * @param joinPoint the join point
	 * @return the method's result
	 * @throws Throwable what the method throws
	 */
	@Around(TracedMethodRegistry.TOOL_POINTCUT)
	public @Nullable Object invoke(ProceedingJoinPoint joinPoint) throws Throwable {
		MethodSignature signature = (MethodSignature) joinPoint.getSignature();
		Class<?> targetClass = (joinPoint.getTarget() != null) ? AopUtils.getTargetClass(joinPoint.getTarget())
				: signature.getDeclaringType();
		TracedMethod traced = this.registry.tool(signature.getMethod(), targetClass);
		Object[] args = joinPoint.getArgs();
		ToolExecution operation = (ToolExecution) traced.operation(args);
		// capture runs before the method: whatever it throws must not reach the method
		CapturedContent input = this.contentPolicy.isEnabled() ? FailSafe.get("content capture",
				() -> this.contentPolicy.captureArguments(traced.contentArguments(args))) : null;
		SpanHandle existing = this.spans.currentTool(Context.current(), operation.toolName());
		if (existing != null) {
			return recordOnExisting(joinPoint, existing, input);
		}
		DescribedOperation described = (operation == traced.template()) ? traced.described(this.spans) : null;
		return this.completion.proceed(joinPoint, traced, described, operation,
				traced.conversationId(args), input);
	}

	private @Nullable Object recordOnExisting(ProceedingJoinPoint joinPoint, SpanHandle existing,
			@Nullable CapturedContent input) throws Throwable {
		existing.recordInput(input);
		Object result = joinPoint.proceed();
		if (this.contentPolicy.isEnabled()) {
			existing.captureOutput(() -> this.contentPolicy.capture(result));
		}
		return result;
	}

}
