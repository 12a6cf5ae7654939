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
import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import io.github.genaitracing.annotation.AgentInvoke;
import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.core.FailSafe;
import io.github.genaitracing.spi.CapturedContent;

/**
 * Traces {@link AgentInvoke @AgentInvoke} methods as {@code invoke_agent {name}} spans:
 * the advice of {@link AgentInvokeAdvisor}. The method and its arguments come from the
 * {@link MethodInvocation} as the proxy holds them (no join point, signature or argument
 * copy per call); what the method contributes to its operation is resolved once per method
 * and target class by the {@link TracedMethodRegistry}.
 */
final class AgentInvokeInterceptor extends TracedMethodInterceptor {

	AgentInvokeInterceptor(Supplier<AdviceWiring> wiring) {
		super(wiring);
	}

	@Override
	TracedMethod tracedMethod(TracedMethodRegistry registry, MethodInvocation invocation) {
		return registry.agent(invocation.getMethod(), invocation.getThis());
	}

	@Override
	@Nullable Object invoke(MethodInvocation invocation, AdviceWiring wiring, TracedMethod traced) throws Throwable {
		Object[] args = invocation.getArguments();
		return wiring.completion.proceed(invocation, traced, traced.described(wiring.spans), traced.template(),
				traced.conversationId(args), input(wiring.contentPolicy, traced, args));
	}

	private static @Nullable CapturedContent input(ContentPolicy contentPolicy, TracedMethod traced, Object[] args) {
		if (!contentPolicy.isEnabled()) {
			return null;
		}
		// capture runs before the method: whatever it throws must not reach the method
		return FailSafe.get("content capture", () -> {
			Map<String, @Nullable Object> arguments = traced.contentArguments(args);
			if (arguments.size() == 1) {
				return contentPolicy.capture(arguments.values().iterator().next());
			}
			return contentPolicy.captureArguments(arguments);
		});
	}

}
