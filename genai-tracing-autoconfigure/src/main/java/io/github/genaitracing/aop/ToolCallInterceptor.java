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
import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import io.github.genaitracing.annotation.ToolCall;
import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.core.DescribedOperation;
import io.github.genaitracing.core.FailSafe;
import io.github.genaitracing.core.SpanHandle;
import io.github.genaitracing.spi.CapturedContent;
import io.github.genaitracing.spi.ToolExecution;

/**
 * Traces {@link ToolCall @ToolCall} methods as {@code execute_tool {name}} spans: the
 * advice of {@link ToolCallAdvisor}. When the method runs inside a tool span another
 * instrumentation started for the same tool (such as Spring AI's tool calling), it records
 * on that span instead of starting a second.
 */
final class ToolCallInterceptor extends TracedMethodInterceptor {

	ToolCallInterceptor(Supplier<AdviceWiring> wiring) {
		super(wiring);
	}

	@Override
	TracedMethod tracedMethod(TracedMethodRegistry registry, MethodInvocation invocation) {
		return registry.tool(invocation.getMethod(), invocation.getThis());
	}

	@Override
	@Nullable Object invoke(MethodInvocation invocation, AdviceWiring wiring, TracedMethod traced) throws Throwable {
		Object[] args = invocation.getArguments();
		ToolExecution operation = (ToolExecution) traced.operation(args);
		ContentPolicy contentPolicy = wiring.contentPolicy;
		// capture runs before the method: whatever it throws must not reach the method
		CapturedContent input = contentPolicy.isEnabled() ? FailSafe.get("content capture",
				() -> contentPolicy.captureArguments(traced.contentArguments(args))) : null;
		SpanHandle existing = wiring.spans.currentTool(Context.current(), operation.toolName());
		if (existing != null) {
			return recordOnExisting(invocation, contentPolicy, existing, input);
		}
		DescribedOperation described = (operation == traced.template()) ? traced.described(wiring.spans) : null;
		return wiring.completion.proceed(invocation, traced, described, operation, traced.conversationId(args),
				input);
	}

	private static @Nullable Object recordOnExisting(MethodInvocation invocation, ContentPolicy contentPolicy,
			SpanHandle existing, @Nullable CapturedContent input) throws Throwable {
		existing.recordInput(input);
		Object result = invocation.proceed();
		if (contentPolicy.isEnabled()) {
			existing.captureOutput(() -> contentPolicy.capture(result));
		}
		return result;
	}

}
