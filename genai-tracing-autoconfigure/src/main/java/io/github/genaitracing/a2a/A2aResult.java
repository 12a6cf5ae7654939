package io.github.genaitracing.a2a;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a JSON-RPC response (or one streamed event) says: task, state, output text, error.
 *
 * @param taskId the task id
 * @param contextId the context id
 * @param taskState the task state, {@code TASK_STATE_*}
 * @param outputText the agent's text, bounded
 * @param errorCode the JSON-RPC error code
 * @param errorMessage the JSON-RPC error message
 */
record A2aResult(@Nullable String taskId, @Nullable String contextId, @Nullable String taskState,
		@Nullable String outputText, @Nullable String errorCode, @Nullable String errorMessage) {

	static @Nullable A2aResult read(byte[] body, int length, int maxTextLength) {
		JsonNode root = A2aJson.read(body, length);
		if (root == null || !root.isObject()) {
			return null;
		}
		JsonNode error = root.get("error");
		if (error != null && error.isObject()) {
			return new A2aResult(null, null, null, null, A2aJson.text(error, "code"), A2aJson.text(error, "message"));
		}
		JsonNode result = root.get("result");
		if (result == null || !result.isObject()) {
			return null;
		}
		// 1.0 wraps the result: {"task":…}, {"message":…}, {"statusUpdate":…}, {"artifactUpdate":…}
		JsonNode update = result.has("statusUpdate") ? result.get("statusUpdate")
				: result.has("artifactUpdate") ? result.get("artifactUpdate") : null;
		if (update == null && ("status-update".equals(A2aJson.text(result, "kind"))
				|| "artifact-update".equals(A2aJson.text(result, "kind")))) {
			update = result;
		}
		if (update != null && update.isObject()) {
			StringBuilder text = new StringBuilder();
			A2aJson.appendText(update.path("artifact").get("parts"), text, maxTextLength);
			JsonNode status = update.path("status");
			return new A2aResult(A2aJson.text(update, "taskId"), A2aJson.text(update, "contextId"),
					A2aJson.taskState(status.isObject() ? A2aJson.text(status, "state") : null),
					text.isEmpty() ? null : text.toString(), null, null);
		}
		JsonNode task = result.has("task") ? result.get("task") : null;
		JsonNode message = result.has("message") ? result.get("message") : null;
		if (task == null && message == null) {
			String kind = A2aJson.text(result, "kind");
			if ("message".equals(kind)) {
				message = result;
			}
			else {
				task = result;
			}
		}
		StringBuilder text = new StringBuilder();
		if (message != null) {
			A2aJson.appendText(message.get("parts"), text, maxTextLength);
			return new A2aResult(A2aJson.text(message, "taskId"), A2aJson.text(message, "contextId"), null,
					text.isEmpty() ? null : text.toString(), null, null);
		}
		JsonNode artifacts = task.get("artifacts");
		if (artifacts != null && artifacts.isArray()) {
			for (JsonNode artifact : artifacts.values()) {
				A2aJson.appendText(artifact.get("parts"), text, maxTextLength);
			}
		}
		JsonNode status = task.path("status");
		if (text.isEmpty() && status.path("message").isObject()) {
			A2aJson.appendText(status.path("message").get("parts"), text, maxTextLength);
		}
		String taskId = A2aJson.text(task, "id");
		return new A2aResult(taskId, A2aJson.text(task, "contextId"),
				A2aJson.taskState(status.isObject() ? A2aJson.text(status, "state") : null),
				text.isEmpty() ? null : text.toString(), null, null);
	}

}
