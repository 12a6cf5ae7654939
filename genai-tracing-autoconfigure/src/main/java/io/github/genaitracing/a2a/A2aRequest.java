package io.github.genaitracing.a2a;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What an inbound A2A JSON-RPC request says, or why it could not be read.
 *
 * @param notParsed why the body was not read ({@code too_large}, {@code not_json},
 * {@code not_json_rpc}, {@code batch}, {@code encoded}), or {@code null}
 * @param wireMethod the JSON-RPC method as sent
 * @param method the A2A method, or {@code null} when unknown
 * @param protocolVersion the protocol version
 * @param jsonRpcId the JSON-RPC id
 * @param messageId the message id
 * @param contextId the context id (conversation)
 * @param taskId the task id
 * @param userText the text parts of the message, bounded
 */
record A2aRequest(@Nullable String notParsed, @Nullable String wireMethod, @Nullable A2aMethod method,
		@Nullable String protocolVersion, @Nullable String jsonRpcId, @Nullable String messageId,
		@Nullable String contextId, @Nullable String taskId, @Nullable String userText) {

	static A2aRequest notParsed(String reason) {
		return new A2aRequest(reason, null, null, null, null, null, null, null, null);
	}

	static A2aRequest parse(byte[] body, int length, @Nullable String versionHeader, int maxTextLength) {
		JsonNode root = A2aJson.read(body, length);
		if (root == null) {
			return notParsed("not_json");
		}
		if (root.isArray()) {
			return notParsed("batch");
		}
		String wireMethod = root.isObject() ? A2aJson.text(root, "method") : null;
		if (wireMethod == null || !root.has("jsonrpc")) {
			return notParsed("not_json_rpc");
		}
		A2aMethod method = A2aMethod.fromWireName(wireMethod);
		String version = (versionHeader != null && !versionHeader.isBlank()) ? versionHeader.trim()
				: (wireMethod.indexOf('/') >= 0 ? "0.3" : "1.0");
		JsonNode params = root.path("params");
		JsonNode message = params.path("message");
		String messageId = message.isObject() ? A2aJson.text(message, "messageId") : null;
		String contextId = message.isObject() ? A2aJson.text(message, "contextId") : null;
		String taskId = message.isObject() ? A2aJson.text(message, "taskId") : null;
		if (taskId == null && params.isObject() && method != null && !method.sendsMessage()) {
			taskId = A2aJson.text(params, "id");
			if (taskId == null) {
				// push notification config set/create: {"taskId": …, "pushNotificationConfig": …}
				taskId = A2aJson.text(params, "taskId");
			}
		}
		String userText = null;
		if (message.isObject()) {
			StringBuilder text = new StringBuilder();
			A2aJson.appendText(message.get("parts"), text, maxTextLength);
			userText = text.isEmpty() ? null : text.toString();
		}
		return new A2aRequest(null, wireMethod, method, version, A2aJson.text(root, "id"), messageId, contextId,
				taskId, userText);
	}

}
