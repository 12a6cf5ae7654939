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

package io.github.genaitracing.a2a;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The A2A JSON-RPC methods, one per logical operation, with their 0.3 and 1.0 wire names.
 */
enum A2aMethod {

	SEND_MESSAGE("SendMessage", false, "message/send"),

	SEND_STREAMING_MESSAGE("SendStreamingMessage", true, "message/stream"),

	GET_TASK("GetTask", false, "tasks/get"),

	LIST_TASKS("ListTasks", false, "tasks/list"),

	CANCEL_TASK("CancelTask", false, "tasks/cancel"),

	SUBSCRIBE_TO_TASK("SubscribeToTask", true, "tasks/resubscribe"),

	CREATE_TASK_PUSH_NOTIFICATION_CONFIG("CreateTaskPushNotificationConfig", false, "tasks/pushNotificationConfig/set"),

	GET_TASK_PUSH_NOTIFICATION_CONFIG("GetTaskPushNotificationConfig", false, "tasks/pushNotificationConfig/get"),

	LIST_TASK_PUSH_NOTIFICATION_CONFIGS("ListTaskPushNotificationConfigs", false, "tasks/pushNotificationConfig/list"),

	DELETE_TASK_PUSH_NOTIFICATION_CONFIG("DeleteTaskPushNotificationConfig", false,
			"tasks/pushNotificationConfig/delete"),

	GET_EXTENDED_AGENT_CARD("GetExtendedAgentCard", false, "agent/getAuthenticatedExtendedCard",
			"agent/authenticatedExtendedCard");

	private static final Map<String, A2aMethod> BY_WIRE_NAME = new HashMap<>();

	static {
		for (A2aMethod method : values()) {
			BY_WIRE_NAME.put(method.logicalName, method);
			for (String legacy : method.legacyNames) {
				BY_WIRE_NAME.put(legacy, method);
			}
		}
	}

	private final String logicalName;

	private final boolean streaming;

	private final String[] legacyNames;

	A2aMethod(String logicalName, boolean streaming, String... legacyNames) {
		this.logicalName = logicalName;
		this.streaming = streaming;
		this.legacyNames = legacyNames;
	}

	/**
	 * Returns the 1.0 name, the value of {@code a2a.method.name}.
	 */
	String logicalName() {
		return this.logicalName;
	}

	boolean isStreaming() {
		return this.streaming;
	}

	/**
	 * Whether the method sends a message to the agent: an agent run
	 * ({@code invoke_agent}), unlike polls, cancellations and configuration.
	 */
	boolean sendsMessage() {
		return this == SEND_MESSAGE || this == SEND_STREAMING_MESSAGE;
	}

	/**
	 * Whether the method's result is a task, a message or a stream of task events (and
	 * not a configuration, a list or an agent card).
	 */
	boolean returnsTask() {
		return sendsMessage() || this == GET_TASK || this == CANCEL_TASK || this == SUBSCRIBE_TO_TASK;
	}

	/**
	 * Whether the method is one of the push-notification configuration methods, whose
	 * 1.0 requests carry the task id as {@code taskId} and the config id as {@code id}.
	 */
	boolean configuresPushNotifications() {
		return this == CREATE_TASK_PUSH_NOTIFICATION_CONFIG || this == GET_TASK_PUSH_NOTIFICATION_CONFIG
				|| this == LIST_TASK_PUSH_NOTIFICATION_CONFIGS || this == DELETE_TASK_PUSH_NOTIFICATION_CONFIG;
	}

	/**
	 * Every name a method goes by on the wire, 1.0 and 0.3.
	 */
	static String[] wireNames() {
		return BY_WIRE_NAME.keySet().toArray(String[]::new);
	}

	static @Nullable A2aMethod fromWireName(@Nullable String name) {
		return (name != null) ? BY_WIRE_NAME.get(name) : null;
	}

}
