package io.github.genaitracing.actuate;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

import io.github.genaitracing.annotation.AgentInvoke;
import io.github.genaitracing.annotation.ToolCall;

/**
 * Finds the {@code @AgentInvoke} and {@code @ToolCall} methods of the application's beans,
 * once, on first use.
 *
 * @since 0.1.0
 */
public final class TracedMethods {

	private final ConfigurableListableBeanFactory beanFactory;

	private volatile @Nullable Found found;

	/**
	 * Creates a finder.
	 * @param beanFactory the bean factory whose beans are inspected
	 */
	public TracedMethods(ConfigurableListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	/**
	 * Returns the traced methods.
	 * @return the agents and tools found
	 */
	public Found find() {
		Found result = this.found;
		if (result == null) {
			result = scan();
			this.found = result;
		}
		return result;
	}

	private Found scan() {
		List<Traced> agents = new ArrayList<>();
		List<Traced> tools = new ArrayList<>();
		for (String name : this.beanFactory.getBeanDefinitionNames()) {
			Class<?> type;
			try {
				type = this.beanFactory.getType(name, false);
			}
			catch (RuntimeException ex) {
				continue;
			}
			if (type == null || type.getName().startsWith("org.springframework.")) {
				continue;
			}
			Class<?> userType = ClassUtils.getUserClass(type);
			AgentInvoke onType = AnnotatedElementUtils.findMergedAnnotation(userType, AgentInvoke.class);
			Map<Method, AgentInvoke> agentMethods = MethodIntrospector.selectMethods(userType,
					(MethodIntrospector.MetadataLookup<AgentInvoke>) (method) -> agentInvoke(method, userType, onType));
			agentMethods.forEach((method, annotation) -> agents.add(new Traced(
					annotation.name().isEmpty() ? null : annotation.name(), name, signature(userType, method))));
			Map<Method, ToolCall> toolMethods = MethodIntrospector.selectMethods(userType,
					(MethodIntrospector.MetadataLookup<ToolCall>) (method) -> AnnotatedElementUtils
						.findMergedAnnotation(method, ToolCall.class));
			toolMethods.forEach((method, annotation) -> tools.add(new Traced(
					annotation.name().isEmpty() ? method.getName() : annotation.name(), name, signature(userType, method))));
		}
		agents.sort(Comparator.comparing(Traced::method));
		tools.sort(Comparator.comparing(Traced::method));
		return new Found(List.copyOf(agents), List.copyOf(tools));
	}

	private static @Nullable AgentInvoke agentInvoke(Method method, Class<?> type, @Nullable AgentInvoke onType) {
		AgentInvoke onMethod = AnnotatedElementUtils.findMergedAnnotation(method, AgentInvoke.class);
		if (onMethod != null) {
			return onMethod;
		}
		boolean publicOwnMethod = Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
				&& method.getDeclaringClass() != Object.class && !method.isSynthetic();
		return (onType != null && publicOwnMethod) ? onType : null;
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
	 * One traced method.
	 *
	 * @param name the agent or tool name from the annotation, {@code null} when the agent
	 * name comes from the configuration
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
