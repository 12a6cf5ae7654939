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
import org.springframework.aop.MethodMatcher;
import org.springframework.aop.Pointcut;
import org.springframework.aop.TargetClassAware;
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
 * {@code @ToolCall} advisors, what each traced method contributes to its operation (read
 * once per method and target class), and the list of traced methods the actuator endpoint
 * shows. The list is made with the advisors' own pointcuts, so that it names exactly the
 * methods whose calls make spans, with the names those spans get.
 *
 * @since 0.1.0
 */
public final class TracedMethodRegistry {

	/** Target classes kept per method, beyond which the method starts over. */
	private static final int MAX_CLASSES_PER_METHOD = 8;

	/**
	 * Pointcut of {@code @AgentInvoke} methods: a method annotated itself, or a public
	 * method declared by a class annotated.
	 */
	public static final Pointcut AGENT_POINTCUT = TracedMethodPointcut.agent();

	/**
	 * Pointcut of {@code @ToolCall} methods: a method annotated itself.
	 */
	public static final Pointcut TOOL_POINTCUT = TracedMethodPointcut.tool();

	private final AgentDefaults defaults;

	private final Map<Method, Resolved> agents = new ConcurrentHashMap<>();

	private final Map<Method, Resolved> tools = new ConcurrentHashMap<>();

	private final @Nullable ConfigurableListableBeanFactory beanFactory;

	private volatile @Nullable Found found;

	/**
	 * The agent method resolved last: an application calls one or a few, so a repeat
	 * skips the map (a plain field: a racy read sees a whole {@link Resolved}, whose
	 * fields are final).
	 */
	private @Nullable Resolved lastAgent;

	/** The tool method resolved last. */
	private @Nullable Resolved lastTool;

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
	 * Returns the agent method called on a target.
	 * @param invoked the method called (on the proxy)
	 * @param target the target object, or {@code null} for none
	 */
	TracedMethod agent(Method invoked, @Nullable Object target) {
		Class<?> runtimeClass = (target != null) ? target.getClass() : invoked.getDeclaringClass();
		Resolved last = this.lastAgent;
		if (last != null && last.invoked == invoked && last.runtimeClass == runtimeClass) {
			return last.traced;
		}
		Resolved resolved = resolve(this.agents, invoked, target, runtimeClass, true);
		this.lastAgent = resolved;
		return resolved.traced;
	}

	/**
	 * Returns the tool method called on a target.
	 * @param invoked the method called (on the proxy)
	 * @param target the target object, or {@code null} for none
	 */
	TracedMethod tool(Method invoked, @Nullable Object target) {
		Class<?> runtimeClass = (target != null) ? target.getClass() : invoked.getDeclaringClass();
		Resolved last = this.lastTool;
		if (last != null && last.invoked == invoked && last.runtimeClass == runtimeClass) {
			return last.traced;
		}
		Resolved resolved = resolve(this.tools, invoked, target, runtimeClass, false);
		this.lastTool = resolved;
		return resolved.traced;
	}

	/**
	 * Returns what the registry holds for a method called on a target of a runtime class,
	 * made on first use. The runtime class stands for the target class, except for a
	 * target that is itself a proxy telling its target class, whose method is resolved
	 * at every call and never kept.
	 */
	private Resolved resolve(Map<Method, Resolved> resolvedMethods, Method invoked, @Nullable Object target,
			Class<?> runtimeClass, boolean agent) {
		for (Resolved resolved = resolvedMethods.get(invoked); resolved != null; resolved = resolved.next) {
			if (resolved.runtimeClass == runtimeClass) {
				return resolved;
			}
		}
		Class<?> targetClass = (target != null) ? AopUtils.getTargetClass(target) : runtimeClass;
		Method specific = AopUtils.getMostSpecificMethod(invoked, targetClass);
		TracedMethod traced = agent
				? TracedMethod.agent(specific, targetClass, this.defaults, invoked.getReturnType())
				: TracedMethod.tool(specific, targetClass, invoked.getReturnType());
		if (TargetClassAware.class.isAssignableFrom(runtimeClass)) {
			// a proxy class does not tell its target class: resolved again at every call
			return new Resolved(invoked, Void.class, traced, null);
		}
		return resolvedMethods.compute(invoked, (method, first) -> new Resolved(invoked, runtimeClass, traced,
				bounded(first)));
	}

	/**
	 * Returns the classes resolved before for a method, unless there are many already (a
	 * method inherited by many classes then starts over).
	 */
	private static @Nullable Resolved bounded(@Nullable Resolved first) {
		int kept = 0;
		for (Resolved resolved = first; resolved != null; resolved = resolved.next) {
			if (++kept == MAX_CLASSES_PER_METHOD) {
				return null;
			}
		}
		return first;
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
		MethodMatcher agentPointcut = AGENT_POINTCUT.getMethodMatcher();
		MethodMatcher toolPointcut = TOOL_POINTCUT.getMethodMatcher();
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

	private static String signature(Class<?> type, Method method) {
		StringBuilder signature = new StringBuilder(type.getName()).append('.').append(method.getName()).append('(');
		Class<?>[] parameters = method.getParameterTypes();
		for (int i = 0; i < parameters.length; i++) {
			signature.append((i > 0) ? ", " : "").append(parameters[i].getSimpleName());
		}
		return signature.append(')').toString();
	}

	/**
	 * A method called on targets of a runtime class, what the registry holds for it, and
	 * the entry of the same method for another class.
	 */
	private static final class Resolved {

		final Method invoked;

		final Class<?> runtimeClass;

		final TracedMethod traced;

		final @Nullable Resolved next;

		Resolved(Method invoked, Class<?> runtimeClass, TracedMethod traced, @Nullable Resolved next) {
			this.invoked = invoked;
			this.runtimeClass = runtimeClass;
			this.traced = traced;
			this.next = next;
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
