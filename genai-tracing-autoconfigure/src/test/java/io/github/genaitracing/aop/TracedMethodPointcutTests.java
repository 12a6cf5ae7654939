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

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.aop.MethodMatcher;
import org.springframework.aop.aspectj.AspectJExpressionPointcut;

import io.github.genaitracing.annotation.AgentInvoke;
import io.github.genaitracing.annotation.ToolCall;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TracedMethodPointcut}: it matches exactly the methods the AspectJ
 * expressions it replaced matched, on every method of classes that cover each way an
 * annotation can be inherited or not.
 */
class TracedMethodPointcutTests {

	private static final String AGENT_EXPRESSION = "execution(* *(..)) && @annotation(io.github.genaitracing.annotation.AgentInvoke)"
			+ " || execution(public * *(..)) && @within(io.github.genaitracing.annotation.AgentInvoke)";

	private static final String TOOL_EXPRESSION = "execution(* *(..)) && @annotation(io.github.genaitracing.annotation.ToolCall)";

	private static final List<Class<?>> TARGETS = List.of(Annotated.class, SubOfAnnotated.class,
			Implementation.class, TypeAnnotated.class, SubOfTypeAnnotated.class, TypeAnnotated.Nested.class,
			GenericHandler.class, Plain.class);

	@Test
	void matchesTheAgentMethodsTheAspectJExpressionMatched() {
		Map<String, Boolean> expected = matches(aspectJ(AGENT_EXPRESSION));
		Map<String, Boolean> actual = matches(TracedMethodRegistry.AGENT_POINTCUT.getMethodMatcher());
		assertThat(actual).isEqualTo(expected);
		assertThat(expected).containsValue(true).containsValue(false);
		// the cases a reader might get wrong
		assertThat(actual).containsEntry("Annotated.annotatedInBase@SubOfAnnotated", true)
			.containsEntry("SubOfAnnotated.overridden@SubOfAnnotated", false)
			.containsEntry("Implementation.ask@Implementation", false)
			.containsEntry("Api.ask@Implementation", false)
			.containsEntry("TypeAnnotated.own@TypeAnnotated", true)
			.containsEntry("TypeAnnotated.notPublic@TypeAnnotated", false)
			.containsEntry("PlainBase.inherited@TypeAnnotated", false)
			.containsEntry("SubOfTypeAnnotated.subOwn@SubOfTypeAnnotated", false)
			.containsEntry("TypeAnnotated.own@SubOfTypeAnnotated", true)
			.containsEntry("Nested.nestedOwn@Nested", false)
			.containsEntry("GenericHandler.handle@GenericHandler", true);
	}

	@Test
	void matchesTheToolMethodsTheAspectJExpressionMatched() {
		Map<String, Boolean> expected = matches(aspectJ(TOOL_EXPRESSION));
		Map<String, Boolean> actual = matches(TracedMethodRegistry.TOOL_POINTCUT.getMethodMatcher());
		assertThat(actual).isEqualTo(expected);
		assertThat(actual).containsEntry("Annotated.tool@Annotated", true)
			.containsEntry("Annotated.packageTool@Annotated", true)
			.containsEntry("Annotated.tool@SubOfAnnotated", true)
			.containsEntry("Api.toolOnInterface@Implementation", false);
	}

	private static MethodMatcher aspectJ(String expression) {
		AspectJExpressionPointcut pointcut = new AspectJExpressionPointcut();
		pointcut.setExpression(expression);
		return pointcut.getMethodMatcher();
	}

	private static Map<String, Boolean> matches(MethodMatcher matcher) {
		Map<String, Boolean> matches = new LinkedHashMap<>();
		for (Class<?> target : TARGETS) {
			List<Method> methods = new ArrayList<>(List.of(target.getMethods()));
			methods.addAll(List.of(target.getDeclaredMethods()));
			for (Class<?> api : target.getInterfaces()) {
				methods.addAll(List.of(api.getMethods()));
			}
			for (Method method : methods) {
				if (method.getDeclaringClass() != Object.class || method.getName().equals("toString")) {
					String key = method.getDeclaringClass().getSimpleName() + "." + method.getName()
							+ (method.isBridge() ? "(bridge)" : "") + "@" + target.getSimpleName();
					matches.merge(key, matcher.matches(method, target), (a, b) -> a || b);
				}
			}
		}
		return matches;
	}

	interface Api {

		@AgentInvoke(name = "from-interface")
		String ask();

		@ToolCall
		String toolOnInterface();

	}

	interface Handler<T> {

		T handle(T input);

	}

	static class Annotated {

		@AgentInvoke(name = "base")
		public String annotatedInBase() {
			return "b";
		}

		@AgentInvoke(name = "overridden")
		public String overridden() {
			return "b";
		}

		@AgentInvoke
		String packageAgent() {
			return "p";
		}

		@ToolCall
		public String tool() {
			return "t";
		}

		@ToolCall
		String packageTool() {
			return "t";
		}

		public String plain() {
			return "x";
		}

	}

	static class SubOfAnnotated extends Annotated {

		@Override
		public String overridden() {
			return "s";
		}

	}

	static class Implementation implements Api {

		@Override
		public String ask() {
			return "a";
		}

		@Override
		public String toolOnInterface() {
			return "t";
		}

	}

	static class PlainBase {

		public String inherited() {
			return "p";
		}

		public String overriddenInAnnotated() {
			return "p";
		}

	}

	@AgentInvoke(name = "typed")
	static class TypeAnnotated extends PlainBase {

		public String own() {
			return "t";
		}

		String notPublic() {
			return "n";
		}

		protected String protectedOwn() {
			return "n";
		}

		public static String staticOwn() {
			return "s";
		}

		@Override
		public String overriddenInAnnotated() {
			return "o";
		}

		@Override
		public String toString() {
			return "typed";
		}

		static class Nested {

			public String nestedOwn() {
				return "n";
			}

		}

	}

	static class SubOfTypeAnnotated extends TypeAnnotated {

		public String subOwn() {
			return "s";
		}

	}

	@AgentInvoke(name = "generic")
	static class GenericHandler implements Handler<String> {

		@Override
		public String handle(String input) {
			return input;
		}

	}

	static class Plain {

		public String plain() {
			return "p";
		}

	}

}
