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
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.genaitracing.annotation.AgentInvoke;
import io.github.genaitracing.annotation.ToolCall;
import io.github.genaitracing.autoconfigure.GenAiTracingAnnotationsAutoConfiguration;
import io.github.genaitracing.autoconfigure.GenAiTracingAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TracedMethodRegistry}: the methods it lists are exactly the methods
 * whose calls make spans, with the names those spans get, inherited methods included.
 */
class TracedMethodRegistryTests {

	@RegisterExtension
	static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, GenAiTracingAutoConfiguration.class,
				GenAiTracingAnnotationsAutoConfiguration.class))
		.withPropertyValues("spring.application.name=configured-agent")
		.withBean(OpenTelemetry.class, otel::getOpenTelemetry)
		.withBean("interfaceAgent", InterfaceAgent.class, InterfaceAgent::new)
		.withBean("subAgent", SubAgent.class, SubAgent::new)
		.withBean("typeAgent", TypeAgent.class, TypeAgent::new)
		.withBean("tools", Tools.class, Tools::new);

	@Test
	void listsExactlyTheMethodsWhoseCallsMakeSpansWithTheirSpanNames() {
		this.contextRunner.run((context) -> {
			TracedMethodRegistry.Found found = context.getBean(TracedMethodRegistry.class).find();
			Map<String, String> listed = new LinkedHashMap<>();
			found.agents().forEach((traced) -> listed.put(traced.method(), "invoke_agent " + traced.name()));
			found.tools().forEach((traced) -> listed.put(traced.method(), "execute_tool " + traced.name()));
			Map<String, String> traced = new LinkedHashMap<>();
			for (String bean : List.of("interfaceAgent", "subAgent", "typeAgent", "tools")) {
				Object proxy = context.getBean(bean);
				Class<?> userType = AopUtils.getTargetClass(proxy);
				for (Method method : publicMethods(userType)) {
					otel.clearSpans();
					method.invoke(proxy);
					List<String> names = otel.getSpans().stream().map((span) -> span.getName()).toList();
					if (!names.isEmpty()) {
						traced.put(signature(userType, method), String.join(",", names));
					}
				}
			}
			assertThat(listed).isEqualTo(traced);
			// the cases the aspects and a scan by merged annotations disagree on: annotations on
			// interface methods and on overridden methods are not inherited, nor is a class
			// annotation by the methods of its superclass
			assertThat(listed).containsOnlyKeys(SubAgent.class.getName() + ".annotatedInBase()",
					TypeAgent.class.getName() + ".own()", Tools.class.getName() + ".lookup()");
			assertThat(listed).containsEntry(SubAgent.class.getName() + ".annotatedInBase()", "invoke_agent base")
				.containsEntry(TypeAgent.class.getName() + ".own()", "invoke_agent typed")
				.containsEntry(Tools.class.getName() + ".lookup()", "execute_tool lookup");
		});
	}

	private static List<Method> publicMethods(Class<?> type) {
		List<Method> methods = new ArrayList<>();
		for (Method method : type.getMethods()) {
			if (method.getDeclaringClass() != Object.class && method.getParameterCount() == 0
					&& !Modifier.isStatic(method.getModifiers())) {
				methods.add(method);
			}
		}
		return methods;
	}

	private static String signature(Class<?> type, Method method) {
		return type.getName() + "." + method.getName() + "()";
	}

	interface AgentApi {

		@AgentInvoke(name = "from-interface")
		String ask();

	}

	static class InterfaceAgent implements AgentApi {

		@Override
		public String ask() {
			return "a";
		}

	}

	static class BaseAgent {

		@AgentInvoke(name = "base")
		public String annotatedInBase() {
			return "b";
		}

		@AgentInvoke(name = "overridden")
		public String overridden() {
			return "b";
		}

	}

	static class SubAgent extends BaseAgent {

		@Override
		public String overridden() {
			return "s";
		}

	}

	static class PlainBase {

		public String inherited() {
			return "p";
		}

	}

	@AgentInvoke(name = "typed")
	static class TypeAgent extends PlainBase {

		public String own() {
			return "t";
		}

	}

	static class Tools {

		@ToolCall
		public String lookup() {
			return "l";
		}

		public String plain() {
			return "x";
		}

	}

}
