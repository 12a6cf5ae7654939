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
import java.lang.reflect.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import org.jspecify.annotations.Nullable;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotatedElementUtils;

import io.github.genaitracing.annotation.AgentInvoke;
import io.github.genaitracing.annotation.ConversationId;
import io.github.genaitracing.annotation.ToolCall;
import io.github.genaitracing.annotation.ToolCallId;
import io.github.genaitracing.core.AgentDefaults;
import io.github.genaitracing.core.DescribedOperation;
import io.github.genaitracing.core.FailSafe;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.spi.GenAiOperation;
import io.github.genaitracing.spi.ToolExecution;

/**
 * What an annotated method contributes to its operation, read once per method: the
 * operation template, parameter names and the positions of {@link ConversationId} and
 * {@link ToolCallId} parameters.
 */
final class TracedMethod {

	private static final ParameterNameDiscoverer PARAMETER_NAMES = new DefaultParameterNameDiscoverer();

	private final GenAiOperation template;

	private final String[] parameterNames;

	private final int conversationIdIndex;

	private final int toolCallIdIndex;

	private final boolean returnsPublisher;

	private final boolean mayReturnStage;

	/**
	 * The template as the lifecycle described it: a plain field, as a racy read sees
	 * either {@code null} or a whole {@link DescribedOperation}, whose fields are final.
	 */
	private @Nullable DescribedOperation described;

	private TracedMethod(GenAiOperation template, Method method, Class<?> returnType) {
		this.template = template;
		this.returnsPublisher = SpanCompletion.isPublisher(returnType);
		// a final class that is no CompletionStage (such as String) never returns one
		this.mayReturnStage = !returnType.isPrimitive() && (!Modifier.isFinal(returnType.getModifiers())
				|| CompletionStage.class.isAssignableFrom(returnType));
		this.parameterNames = parameterNames(method);
		this.conversationIdIndex = annotatedParameter(method, ConversationId.class);
		this.toolCallIdIndex = annotatedParameter(method, ToolCallId.class);
	}

	/**
	 * Returns the agent method.
	 * @param method the most specific method
	 * @param targetClass the target class
	 * @param defaults the agent defaults
	 * @param returnType the return type of the method called (the declared one the caller
	 * sees)
	 */
	static TracedMethod agent(Method method, Class<?> targetClass, AgentDefaults defaults, Class<?> returnType) {
		AgentInvoke annotation = AnnotatedElementUtils.findMergedAnnotation(method, AgentInvoke.class);
		if (annotation == null) {
			annotation = AnnotatedElementUtils.findMergedAnnotation(targetClass, AgentInvoke.class);
		}
		String name = (annotation != null) ? emptyToNull(annotation.name()) : null;
		if (name == null) {
			name = (defaults.name() != null) ? defaults.name() : targetClass.getSimpleName();
		}
		GenAiOperation template = GenAiOperation.agent(name)
			.providerName(defaults.providerName())
			.agentDescription(firstNonEmpty((annotation != null) ? annotation.description() : null,
					defaults.description()))
			.agentVersion(firstNonEmpty((annotation != null) ? annotation.version() : null, defaults.version()))
			.agentId((annotation != null) ? emptyToNull(annotation.id()) : null)
			.build();
		return new TracedMethod(template, method, returnType);
	}

	/**
	 * Returns the tool method.
	 * @param method the most specific method
	 * @param targetClass the target class
	 * @param returnType the return type of the method called
	 */
	static TracedMethod tool(Method method, Class<?> targetClass, Class<?> returnType) {
		ToolCall annotation = AnnotatedElementUtils.findMergedAnnotation(method, ToolCall.class);
		String name = (annotation != null) ? emptyToNull(annotation.name()) : null;
		GenAiOperation template = GenAiOperation.tool((name != null) ? name : method.getName())
			.toolDescription((annotation != null) ? emptyToNull(annotation.description()) : null)
			.toolType((annotation != null) ? emptyToNull(annotation.type()) : null)
			.build();
		return new TracedMethod(template, method, returnType);
	}

	/**
	 * Whether the method returns a Reactor publisher, whose span starts on subscription.
	 */
	boolean returnsPublisher() {
		return this.returnsPublisher;
	}

	/**
	 * Whether the method's result may be a {@link CompletionStage}, whose span ends when
	 * it completes.
	 */
	boolean mayReturnStage() {
		return this.mayReturnStage;
	}

	GenAiOperation template() {
		return this.template;
	}

	/**
	 * Returns the template described by the given lifecycle, described on first use (and
	 * again when the lifecycle is another one, such as after a settings change).
	 */
	DescribedOperation described(SpanLifecycle spans) {
		DescribedOperation result = this.described;
		if (result == null || !result.isDescribedBy(spans)) {
			result = spans.describe(this.template);
			this.described = result;
		}
		return result;
	}

	/**
	 * Returns the operation of one call: the template, or for a tool with a
	 * {@link ToolCallId} argument the template with that id.
	 */
	GenAiOperation operation(@Nullable Object[] args) {
		if (this.toolCallIdIndex >= 0 && this.template instanceof ToolExecution tool) {
			String toolCallId = argument(args, this.toolCallIdIndex);
			if (toolCallId != null) {
				return tool.withToolCallId(toolCallId);
			}
		}
		return this.template;
	}

	/**
	 * Returns the conversation id of one call, from its {@link ConversationId} argument.
	 */
	@Nullable String conversationId(@Nullable Object[] args) {
		return argument(args, this.conversationIdIndex);
	}

	/**
	 * Returns the content-bearing arguments: the identifier parameters are left out.
	 */
	Map<String, @Nullable Object> contentArguments(@Nullable Object[] args) {
		Map<String, @Nullable Object> arguments = new LinkedHashMap<>();
		for (int i = 0; i < args.length && i < this.parameterNames.length; i++) {
			if (i != this.conversationIdIndex && i != this.toolCallIdIndex) {
				arguments.put(this.parameterNames[i], args[i]);
			}
		}
		return arguments;
	}

	private static @Nullable String argument(@Nullable Object[] args, int index) {
		if (index < 0 || index >= args.length || args[index] == null) {
			return null;
		}
		Object argument = args[index];
		if (argument instanceof String string) {
			return string;
		}
		try {
			return String.valueOf(argument);
		}
		catch (Throwable ex) {
			// an identifier whose toString() fails: the call runs without it
			FailSafe.failed(argument.getClass(), ex);
			return null;
		}
	}

	private static String[] parameterNames(Method method) {
		String[] names = PARAMETER_NAMES.getParameterNames(method);
		if (names != null) {
			return names;
		}
		Parameter[] parameters = method.getParameters();
		names = new String[parameters.length];
		for (int i = 0; i < parameters.length; i++) {
			names[i] = parameters[i].getName();
		}
		return names;
	}

	private static int annotatedParameter(Method method, Class<? extends java.lang.annotation.Annotation> type) {
		Parameter[] parameters = method.getParameters();
		for (int i = 0; i < parameters.length; i++) {
			if (parameters[i].isAnnotationPresent(type)) {
				return i;
			}
		}
		return -1;
	}

	private static @Nullable String emptyToNull(@Nullable String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	private static @Nullable String firstNonEmpty(@Nullable String value, @Nullable String fallback) {
		String result = emptyToNull(value);
		return (result != null) ? result : emptyToNull(fallback);
	}

}
