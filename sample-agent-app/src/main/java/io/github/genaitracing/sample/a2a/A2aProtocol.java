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

package io.github.genaitracing.sample.a2a;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * The little of A2A JSON-RPC the sample agents speak, in both protocol versions: 0.3
 * ({@code message/send}, {@code message/stream}, {@code kind} discriminators, lower-case
 * states) and 1.0 ({@code SendMessage}, {@code SendStreamingMessage}, wrapped results,
 * {@code TASK_STATE_*}).
 */
public final class A2aProtocol {

	/** JSON-RPC: the request is not a valid request object. */
	public static final int INVALID_REQUEST = -32600;

	/** JSON-RPC: the method does not exist. */
	public static final int METHOD_NOT_FOUND = -32601;

	/** JSON-RPC: invalid method parameters. */
	public static final int INVALID_PARAMS = -32602;

	private A2aProtocol() {
	}

	/**
	 * An inbound message request.
	 *
	 * @param id the JSON-RPC id
	 * @param method the JSON-RPC method
	 * @param v1 whether the request uses the 1.0 shapes
	 * @param contextId the conversation, generated when absent
	 * @param text the message's text parts
	 */
	public record Request(Object id, String method, boolean v1, String contextId, String text) {

		/**
		 * Reads a JSON-RPC request.
		 * @param json the request
		 * @return the request
		 */
		public static Request of(JsonNode json) {
			Object id = json.path("id").isNumber() ? json.path("id").numberValue() : json.path("id").asString("");
			String method = json.path("method").asString("");
			JsonNode message = json.path("params").path("message");
			StringBuilder text = new StringBuilder();
			message.path("parts").forEach((part) -> {
				if (part.path("text").isString()) {
					text.append(text.isEmpty() ? "" : "\n").append(part.path("text").asString());
				}
			});
			String contextId = message.path("contextId").asString("");
			return new Request(id, method, Character.isUpperCase(method.isEmpty() ? 'a' : method.charAt(0)),
					contextId.isEmpty() ? UUID.randomUUID().toString() : contextId, text.toString());
		}

		/**
		 * Returns whether the method streams.
		 * @return whether the answer is a server-sent event stream
		 */
		public boolean streaming() {
			return "message/stream".equals(this.method) || "SendStreamingMessage".equals(this.method);
		}

		/**
		 * Returns whether the method sends a message.
		 * @return whether this is a send or stream request
		 */
		public boolean sendsMessage() {
			return streaming() || "message/send".equals(this.method) || "SendMessage".equals(this.method);
		}

	}

	/**
	 * A 0.3 {@code message/send} request body.
	 * @param contextId the conversation
	 * @param text the user's text
	 * @return the request
	 */
	public static Map<String, Object> sendMessage(String contextId, String text) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("kind", "message");
		message.put("messageId", UUID.randomUUID().toString());
		message.put("role", "user");
		message.put("contextId", contextId);
		message.put("parts", List.of(Map.of("kind", "text", "text", text)));
		return Map.of("jsonrpc", "2.0", "id", UUID.randomUUID().toString(), "method", "message/send", "params",
				Map.of("message", message));
	}

	/**
	 * The result of a completed task with one text artifact.
	 * @param request the request
	 * @param taskId the task id
	 * @param answer the agent's answer
	 * @return the JSON-RPC response
	 */
	public static Map<String, Object> completedTask(Request request, String taskId, String answer) {
		Map<String, Object> task = new LinkedHashMap<>();
		if (!request.v1()) {
			task.put("kind", "task");
		}
		task.put("id", taskId);
		task.put("contextId", request.contextId());
		task.put("status", Map.of("state", state(request, "completed")));
		task.put("artifacts", List.of(artifact(request, answer)));
		return response(request, request.v1() ? Map.of("task", task) : task);
	}

	/**
	 * A streamed status update.
	 * @param request the request
	 * @param taskId the task id
	 * @param state the 0.3 state name ({@code working}, {@code completed}…)
	 * @param last whether it ends the stream
	 * @return the JSON-RPC response of the event
	 */
	public static Map<String, Object> statusUpdate(Request request, String taskId, String state, boolean last) {
		Map<String, Object> update = new LinkedHashMap<>();
		if (!request.v1()) {
			update.put("kind", "status-update");
		}
		update.put("taskId", taskId);
		update.put("contextId", request.contextId());
		update.put("status", Map.of("state", state(request, state)));
		if (!request.v1()) {
			update.put("final", last);
		}
		return response(request, request.v1() ? Map.of("statusUpdate", update) : update);
	}

	/**
	 * A streamed artifact chunk.
	 * @param request the request
	 * @param taskId the task id
	 * @param text the chunk's text
	 * @return the JSON-RPC response of the event
	 */
	public static Map<String, Object> artifactUpdate(Request request, String taskId, String text) {
		Map<String, Object> update = new LinkedHashMap<>();
		if (!request.v1()) {
			update.put("kind", "artifact-update");
		}
		update.put("taskId", taskId);
		update.put("contextId", request.contextId());
		update.put("artifact", artifact(request, text));
		update.put("append", true);
		return response(request, request.v1() ? Map.of("artifactUpdate", update) : update);
	}

	/**
	 * A JSON-RPC error response.
	 * @param id the request id, or {@code null}
	 * @param code the error code
	 * @param message the error message
	 * @return the response
	 */
	public static Map<String, Object> error(Object id, int code, String message) {
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("jsonrpc", "2.0");
		response.put("id", id);
		response.put("error", Map.of("code", code, "message", message));
		return response;
	}

	/**
	 * The text of a JSON-RPC response from another agent: its artifacts' text parts, else
	 * its message's text parts (both versions).
	 * @param response the response
	 * @return the text, empty when there is none
	 */
	public static String text(JsonNode response) {
		JsonNode result = response.path("result");
		if (result.has("task")) {
			result = result.path("task");
		}
		else if (result.has("message")) {
			result = result.path("message");
		}
		List<String> texts = new ArrayList<>();
		result.path("artifacts").forEach((artifact) -> artifact.path("parts")
			.forEach((part) -> texts.add(part.path("text").asString(""))));
		result.path("parts").forEach((part) -> texts.add(part.path("text").asString("")));
		return String.join("\n", texts);
	}

	private static Map<String, Object> artifact(Request request, String text) {
		Map<String, Object> part = request.v1() ? Map.of("text", text) : Map.of("kind", "text", "text", text);
		return Map.of("artifactId", "answer", "parts", List.of(part));
	}

	private static String state(Request request, String state) {
		return request.v1() ? "TASK_STATE_" + state.toUpperCase(java.util.Locale.ROOT).replace('-', '_') : state;
	}

	private static Map<String, Object> response(Request request, Object result) {
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("jsonrpc", "2.0");
		response.put("id", request.id());
		response.put("result", result);
		return response;
	}

}
