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

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.StaticMethodMatcherPointcut;

import io.github.genaitracing.annotation.AgentInvoke;
import io.github.genaitracing.annotation.ToolCall;

/**
 * The pointcut of the {@code @AgentInvoke} or {@code @ToolCall} methods, matched once per
 * method and target class when a proxy is made (the way Spring's own annotation-driven
 * advisors match): the method that runs — the most specific one for the target class —
 * carries the annotation itself, or, for {@code @AgentInvoke}, is a public method declared
 * by a class annotated. Annotations on interface methods, on overridden superclass
 * methods and on a superclass of the declaring class are not inherited, as with the
 * AspectJ expressions {@code execution(* *(..)) && @annotation(..)} and
 * {@code execution(public * *(..)) && @within(..)} this pointcut replaces.
 */
final class TracedMethodPointcut extends StaticMethodMatcherPointcut {

	private final Class<? extends Annotation> annotation;

	private final @Nullable Class<? extends Annotation> typeAnnotation;

	private TracedMethodPointcut(Class<? extends Annotation> annotation,
			@Nullable Class<? extends Annotation> typeAnnotation) {
		this.annotation = annotation;
		this.typeAnnotation = typeAnnotation;
	}

	static TracedMethodPointcut agent() {
		return new TracedMethodPointcut(AgentInvoke.class, AgentInvoke.class);
	}

	static TracedMethodPointcut tool() {
		return new TracedMethodPointcut(ToolCall.class, null);
	}

	@Override
	public boolean matches(Method method, Class<?> targetClass) {
		Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
		if (specific.isAnnotationPresent(this.annotation)) {
			return true;
		}
		return this.typeAnnotation != null && Modifier.isPublic(specific.getModifiers())
				&& specific.getDeclaringClass().isAnnotationPresent(this.typeAnnotation);
	}

	@Override
	public String toString() {
		return "TracedMethodPointcut[@" + this.annotation.getSimpleName()
				+ ((this.typeAnnotation != null) ? " on the method or its declaring class]" : " on the method]");
	}

}
