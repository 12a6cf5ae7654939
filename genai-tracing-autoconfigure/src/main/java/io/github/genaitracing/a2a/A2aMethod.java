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

	boolean sendsMessage() {
		return this == SEND_MESSAGE || this == SEND_STREAMING_MESSAGE;
	}

	static @Nullable A2aMethod fromWireName(@Nullable String name) {
		return (name != null) ? BY_WIRE_NAME.get(name) : null;
	}

}
