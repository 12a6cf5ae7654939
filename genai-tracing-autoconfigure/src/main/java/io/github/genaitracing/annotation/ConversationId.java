package io.github.genaitracing.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the parameter of an {@link AgentInvoke @AgentInvoke} or {@link ToolCall @ToolCall}
 * method that carries the conversation id ({@code gen_ai.conversation.id}).
 *
 * @since 0.1.0
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ConversationId {

}
