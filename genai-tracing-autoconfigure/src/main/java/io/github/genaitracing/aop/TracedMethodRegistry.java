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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.aop.aspectj.AspectJExpressionPointcut;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import io.github.genaitracing.core.AgentDefaults;
import io.github.genaitracing.spi.AgentInvocation;
import io.github.genaitracing.spi.ToolExecution;

/**
 * The one registry of traced methods: the pointcuts of the {@code @AgentInvoke} and
 * {@code @ToolCall} aspects, what each traced method contributes to its operation (read
 * once per method), and the list of traced methods the actuator endpoint shows. The list
 * is made with the aspects' own pointcuts, so that it names exactly the methods whose
 * calls make spans, with the names those spans get.
 *
 * @since 0.1.0
 */
public final class TracedMethodRegistry {

	/**
	 * Pointcut of {@code @AgentInvoke} methods: a method annotated itself, or a public
	 * method of a class annotated.
	 */
	public static final String AGENT_POINTCUT = "execution(* *(..)) && @annotation(io.github.genaitracing.annotation.AgentInvoke)"
			+ " || execution(public * *(..)) && @within(io.github.genaitracing.annotation.AgentInvoke)";

	/**
	 * Pointcut of {@code @ToolCall} methods.
	 */
	public static final String TOOL_POINTCUT = "execution(* *(..)) && @annotation(io.github.genaitracing.annotation.ToolCall)";

	private final AgentDefaults defaults;

	private final Map<Method, TracedMethod> agents = new ConcurrentHashMap<>();

	private final Map<Method, TracedMethod> tools = new ConcurrentHashMap<>();

	private final @Nullable ConfigurableListableBeanFactory beanFactory;

	private volatile @Nullable Found found;

	/**
	 * The agent method looked up last: an application calls one or a few, so a repeat
	 * skips the map (a plain field: a racy read sees a whole {@link Hit}, whose fields
	 * are final).
	 */
	private @Nullable Hit lastAgent;

	/** The tool method looked up last. */
	private @Nullable Hit lastTool;

	/**
	 * Creates a registry.
	 * @param defaults the agent defaults
	 * @param beanFactory the bean factory whose beans {@link #find()} lists, or
	 * {@code null} for none
	 */
	public TracedMethodRegistry(AgentDefaults defaults, @Nullable ConfigurableListableBeanFactory beanFactory) {
		this.defaults = defaults;
		this.beanFactory = beanFactory;
	}

	/**
	 * Returns the agent method called.
	 */
	TracedMethod agent(Method invoked, Class<?> targetClass) {
		Hit last = this.lastAgent;
		if (last != null && last.invoked == invoked && last.traced.targetClass() == targetClass) {
			return last.traced;
		}
		TracedMethod traced = this.agents.get(invoked);
		if (traced == null || traced.targetClass() != targetClass) {
			traced = TracedMethod.agent(AopUtils.getMostSpecificMethod(invoked, targetClass), targetClass,
					this.defaults, invoked.getReturnType());
			this.agents.put(invoked, traced);
		}
		this.lastAgent = new Hit(invoked, traced);
		return traced;
	}

	/**
	 * Returns the tool method called.
	 */
	TracedMethod tool(Method invoked, Class<?> targetClass) {
		Hit last = this.lastTool;
		if (last != null && last.invoked == invoked && last.traced.targetClass() == targetClass) {
			return last.traced;
		}
		TracedMethod traced = this.tools.get(invoked);
		if (traced == null || traced.targetClass() != targetClass) {
			traced = TracedMethod.tool(AopUtils.getMostSpecificMethod(invoked, targetClass), targetClass,
					invoked.getReturnType());
			this.tools.put(invoked, traced);
		}
		this.lastTool = new Hit(invoked, traced);
		return traced;
	}

	/**
	 * Returns the traced methods of the application's beans, found once on first use:
	 * the methods the aspects' pointcuts match on each bean's class.
	 * @return the agents and tools found
	 */
	public Found find() {
		Found result = this.found;
		if (result == null) {
			result = (this.beanFactory != null) ? scan(this.beanFactory) : new Found(List.of(), List.of());
			this.found = result;
		}
		return result;
	}

	private Found scan(ListableBeanFactory beanFactory) {
		AspectJExpressionPointcut agentPointcut = pointcut(AGENT_POINTCUT);
		AspectJExpressionPointcut toolPointcut = pointcut(TOOL_POINTCUT);
		List<Traced> agents = new ArrayList<>();
		List<Traced> tools = new ArrayList<>();
		for (String name : beanFactory.getBeanDefinitionNames()) {
			Class<?> type;
			try {
				type = beanFactory.getType(name, false);
			}
			catch (RuntimeException ex) {
				continue;
			}
			if (type == null || type.getName().startsWith("org.springframework.")) {
				continue;
			}
			Class<?> userType = ClassUtils.getUserClass(type);
			for (Method method : ReflectionUtils.getUniqueDeclaredMethods(userType, TracedMethodRegistry::proxiable)) {
				if (toolPointcut.matches(method, userType)) {
					ToolExecution tool = (ToolExecution) TracedMethod.tool(method, userType, method.getReturnType())
						.template();
					tools.add(new Traced(tool.toolName(), name, signature(userType, method)));
				}
				if (agentPointcut.matches(method, userType)) {
					AgentInvocation agent = (AgentInvocation) TracedMethod
						.agent(method, userType, this.defaults, method.getReturnType())
						.template();
					agents.add(new Traced(agent.agentName(), name, signature(userType, method)));
				}
			}
		}
		agents.sort(Comparator.comparing(Traced::method));
		tools.sort(Comparator.comparing(Traced::method));
		return new Found(List.copyOf(agents), List.copyOf(tools));
	}

	/**
	 * Whether a class-based proxy can intercept calls of the method.
	 */
	private static boolean proxiable(Method method) {
		int modifiers = method.getModifiers();
		return !Modifier.isStatic(modifiers) && !Modifier.isPrivate(modifiers) && !Modifier.isFinal(modifiers)
				&& method.getDeclaringClass() != Object.class && !method.isSynthetic() && !method.isBridge();
	}

	private static AspectJExpressionPointcut pointcut(String expression) {
		AspectJExpressionPointcut pointcut = new AspectJExpressionPointcut();
		pointcut.setExpression(expression);
		pointcut.setBeanFactory(null);
		return pointcut;
	}

	private static String signature(Class<?> type, Method method) {
		StringBuilder signature = new StringBuilder(type.getName()).append('.').append(method.getName()).append('(');
		Class<?>[] parameters = method.getParameterTypes();
		for (int i = 0; i < parameters.length; i++) {
			signature.append((i > 0) ? ", " : "").append(parameters[i].getSimpleName());
		}
		return signature.append(')').toString();
	}

	/**
	 * A method called and what the registry holds for it.
	 */
	private static final class Hit {

		final Method invoked;

		final TracedMethod traced;

		Hit(Method invoked, TracedMethod traced) {
			this.invoked = invoked;
			this.traced = traced;
		}

	}

	/**
	 * One traced method.
	 *
	 * @param name the agent or tool name its spans get
	 * @param bean the bean name
	 * @param method the method signature
	 */
	public record Traced(@Nullable String name, String bean, String method) {
	}

	/**
	 * The traced methods.
	 *
	 * @param agents the {@code @AgentInvoke} methods
	 * @param tools the {@code @ToolCall} methods
	 */
	public record Found(List<Traced> agents, List<Traced> tools) {
	}

}
