package io.github.genaitracing.annotation;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.aot.hint.annotation.SimpleReflectiveProcessor;

/**
 * Registers, for AOT processing, what genai-tracing reads by reflection from the
 * application's beans: each method annotated with {@link AgentInvoke} or
 * {@link ToolCall}, and the public methods of a type annotated with {@link AgentInvoke}.
 */
final class TracedMethodReflectiveProcessor extends SimpleReflectiveProcessor {

	@Override
	protected void registerTypeHint(ReflectionHints hints, Class<?> type) {
		hints.registerType(type, MemberCategory.INVOKE_PUBLIC_METHODS);
	}

}
