package io.github.genaitracing.context;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import org.jspecify.annotations.Nullable;

/**
 * The GenAI identifiers of the current request: conversation id and task id. They are
 * set by genai-tracing's spans (agent invocations, the A2A filter) and inherited by
 * everything that runs in their context.
 *
 * @since 0.1.0
 */
public final class GenAiContext {

	private static final ContextKey<String> CONVERSATION_ID = ContextKey.named("genai-tracing-conversation-id");

	private static final ContextKey<String> TASK_ID = ContextKey.named("genai-tracing-task-id");

	private GenAiContext() {
	}

	/**
	 * Returns the conversation id of the current context.
	 * @return the conversation id, or {@code null}
	 */
	public static @Nullable String currentConversationId() {
		return conversationId(Context.current());
	}

	/**
	 * Returns the task id of the current context.
	 * @return the task id, or {@code null}
	 */
	public static @Nullable String currentTaskId() {
		return taskId(Context.current());
	}

	/**
	 * Returns the conversation id of a context.
	 * @param context the context
	 * @return the conversation id, or {@code null}
	 */
	public static @Nullable String conversationId(Context context) {
		return context.get(CONVERSATION_ID);
	}

	/**
	 * Returns the task id of a context.
	 * @param context the context
	 * @return the task id, or {@code null}
	 */
	public static @Nullable String taskId(Context context) {
		return context.get(TASK_ID);
	}

	/**
	 * Returns a context that carries a conversation id; for instrumentation.
	 * @param context the context
	 * @param conversationId the conversation id, or {@code null} to keep the context
	 * @return the new context
	 */
	public static Context withConversationId(Context context, @Nullable String conversationId) {
		return (conversationId != null) ? context.with(CONVERSATION_ID, conversationId) : context;
	}

	/**
	 * Returns a context that carries a task id; for instrumentation.
	 * @param context the context
	 * @param taskId the task id, or {@code null} to keep the context
	 * @return the new context
	 */
	public static Context withTaskId(Context context, @Nullable String taskId) {
		return (taskId != null) ? context.with(TASK_ID, taskId) : context;
	}

}
