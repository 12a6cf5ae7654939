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

package io.github.genaitracing.context;

import java.util.function.Consumer;

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

	private static final ContextKey<ConversationSlot> CONVERSATION_SLOT = ContextKey
		.named("genai-tracing-conversation-slot");

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
		String conversationId = context.get(CONVERSATION_ID);
		if (conversationId == null) {
			ConversationSlot slot = context.get(CONVERSATION_SLOT);
			if (slot != null) {
				return slot.conversationId;
			}
		}
		return conversationId;
	}

	/**
	 * Gives the current request its conversation id when the request came without one —
	 * the first turn of an A2A conversation, where the agent creates the
	 * {@code contextId}. The request's span records it at once, and every span started
	 * afterwards in the request (agent, chat, tool) inherits it; without this call they
	 * have none, and the request's span learns the id only from the response. Only the
	 * first id given counts; outside such a request nothing happens.
	 * @param conversationId the conversation id the application created
	 * @return whether the id was taken
	 */
	public static boolean setConversationId(@Nullable String conversationId) {
		ConversationSlot slot = Context.current().get(CONVERSATION_SLOT);
		if (slot == null || conversationId == null || conversationId.isBlank()
				|| Context.current().get(CONVERSATION_ID) != null) {
			return false;
		}
		return slot.assign(conversationId);
	}

	/**
	 * Returns a context in which {@link #setConversationId(String)} gives the request a
	 * conversation id; for instrumentation.
	 * @param context the context of a request that has no conversation id
	 * @param onAssigned told the id once, when the application gives it
	 * @return the new context
	 */
	public static Context withConversationSlot(Context context, Consumer<String> onAssigned) {
		return context.with(CONVERSATION_SLOT, new ConversationSlot(onAssigned));
	}

	/**
	 * Returns the conversation id the application gave through
	 * {@link #setConversationId(String)} in a context made by
	 * {@link #withConversationSlot(Context, Consumer)}; for instrumentation.
	 * @param context the context
	 * @return the id, or {@code null}
	 */
	public static @Nullable String assignedConversationId(Context context) {
		ConversationSlot slot = context.get(CONVERSATION_SLOT);
		return (slot != null) ? slot.conversationId : null;
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

	private static final class ConversationSlot {

		private final Consumer<String> onAssigned;

		private volatile @Nullable String conversationId;

		ConversationSlot(Consumer<String> onAssigned) {
			this.onAssigned = onAssigned;
		}

		boolean assign(String conversationId) {
			synchronized (this) {
				if (this.conversationId != null) {
					return false;
				}
				this.conversationId = conversationId;
			}
			try {
				this.onAssigned.accept(conversationId);
			}
			catch (RuntimeException ex) {
				// recording it never fails the application
			}
			return true;
		}

	}

}
