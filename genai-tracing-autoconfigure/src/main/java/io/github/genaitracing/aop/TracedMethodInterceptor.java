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

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import io.github.genaitracing.core.FailSafe;

/**
 * The advice of an annotation advisor: finds what the called method contributes to its
 * operation (resolved once per method and target class by the {@link TracedMethodRegistry})
 * and traces the call; a method that cannot be read runs untraced.
 */
abstract class TracedMethodInterceptor implements MethodInterceptor {

	private final Supplier<AdviceWiring> wiring;

	TracedMethodInterceptor(Supplier<AdviceWiring> wiring) {
		this.wiring = wiring;
	}

	@Override
	public final @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		AdviceWiring wiring;
		TracedMethod traced;
		try {
			wiring = this.wiring.get();
			traced = tracedMethod(wiring.registry, invocation);
		}
		catch (Throwable ex) {
			// the method cannot be read: the call runs untraced
			FailSafe.failed(TracedMethodRegistry.class, ex);
			return invocation.proceed();
		}
		return invoke(invocation, wiring, traced);
	}

	/**
	 * Returns the traced method of a call.
	 * @param registry the registry of traced methods
	 * @param invocation the call
	 * @return the traced method
	 */
	abstract TracedMethod tracedMethod(TracedMethodRegistry registry, MethodInvocation invocation);

	/**
	 * Runs a call of a traced method in its span.
	 * @param invocation the call
	 * @param wiring the lifecycle, content policy and registry
	 * @param traced the traced method
	 * @return the method's result
	 * @throws Throwable what the method throws
	 */
	abstract @Nullable Object invoke(MethodInvocation invocation, AdviceWiring wiring, TracedMethod traced)
			throws Throwable;

}
