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


import io.opentelemetry.api.common.AttributeKey;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.github.genaitracing.semconv.A2aAttributes;
import io.github.genaitracing.spi.AttributeSink;
import io.github.genaitracing.spi.GenAiOperation;

/**
 * What an inbound A2A JSON-RPC request says, or why it could not be read.
 *
 * @param notParsed why the body was not read ({@code too_large}, {@code not_json},
 * {@code not_json_rpc}, {@code batch}, {@code encoded}), or {@code null}
 * @param method the A2A method, or {@code null} when unknown or not parsed
 * @param unknownMethod the JSON-RPC method as sent when it is not an A2A method, cut to
 * {@value A2aValues#MAX_METHOD_LENGTH} characters
 * @param protocolVersion the protocol version: the {@code A2A-Version} header, else
 * {@code 0.3} (A2A 1.0: a request without the header is 0.3)
 * @param jsonRpcId the JSON-RPC id
 * @param messageId the message id
 * @param contextId the context id (conversation)
 * @param taskId the task id
 * @param tenant the tenant (1.0)
 * @param userText the text parts of the message, bounded
 */
record A2aRequest(@Nullable String notParsed, @Nullable A2aMethod method, @Nullable String unknownMethod,
		@Nullable String protocolVersion, @Nullable String jsonRpcId, @Nullable String messageId,
		@Nullable String contextId, @Nullable String taskId, @Nullable String tenant, @Nullable String userText) {

	/** The value of {@code a2a.method.name} for a method that is not an A2A method. */
	static final String OTHER_METHOD = "_OTHER";

	/** The protocol version of a request without an {@code A2A-Version} header. */
	static final String DEFAULT_VERSION = "0.3";

	static A2aRequest notParsed(String reason) {
		return new A2aRequest(reason, null, null, null, null, null, null, null, null, null);
	}

	/**
	 * Returns the value of {@code a2a.method.name}: the 1.0 name of an A2A method,
	 * {@value #OTHER_METHOD} for any other method, {@code null} when the body was not
	 * read.
	 */
	@Nullable String methodName() {
		if (this.method != null) {
			return this.method.logicalName();
		}
		return (this.unknownMethod != null) ? OTHER_METHOD : null;
	}

	/**
	 * Whether the request sends a message to the agent (an agent run).
	 */
	boolean sendsMessage() {
		return this.method != null && this.method.sendsMessage();
	}

	/**
	 * Whether the body is plainly not a JSON-RPC request (no {@code "jsonrpc"} member, or
	 * JSON that is not a JSON-RPC request): such a request is not A2A traffic and is left
	 * alone. A body that claims to be JSON-RPC but cannot be read ({@code not_json},
	 * {@code batch}, {@code too_large}, {@code encoded}) is still an A2A request.
	 */
	boolean isNotJsonRpc() {
		return "not_json_rpc".equals(this.notParsed);
	}

	/**
	 * Returns the protocol version a request with this {@code A2A-Version} header has.
	 * @param versionHeader the header, if any
	 * @return the version
	 */
	static String version(@Nullable String versionHeader) {
		String version = A2aValues.checked(versionHeader);
		return (version != null) ? version : DEFAULT_VERSION;
	}

	/**
	 * Adds what this request says to an operation as its A2A protocol attributes (those
	 * that are known).
	 * @param <B> the builder type
	 * @param operation the operation's builder
	 * @return the builder
	 */
	<B extends GenAiOperation.Builder<B>> B describe(B operation) {
		writeAttributes(protocolAttributesOf(operation));
		return operation;
	}

	/**
	 * Returns a sink that adds what is written to it to an operation's protocol
	 * attributes.
	 * @param operation the operation's builder
	 * @return the sink
	 */
	static AttributeSink protocolAttributesOf(GenAiOperation.Builder<?> operation) {
		return new AttributeSink() {
			@Override
			public <T> void put(AttributeKey<T> key, @Nullable T value) {
				operation.protocolAttribute(key, value);
			}
		};
	}

	/**
	 * Writes what this request says as A2A attributes (those that are known), in the order
	 * {@link #describe} adds them: onto a span that already carries its operation's other
	 * attributes.
	 * @param sink where to write
	 */
	void writeAttributes(AttributeSink sink) {
		sink.put(A2aAttributes.METHOD_NAME, methodName());
		sink.put(A2aAttributes.METHOD_ORIGINAL, this.unknownMethod);
		sink.put(A2aAttributes.MESSAGE_ID, this.messageId);
		sink.put(A2aAttributes.TASK_ID, this.taskId);
		sink.put(A2aAttributes.TENANT, this.tenant);
		sink.put(A2aAttributes.PROTOCOL_VERSION, this.protocolVersion);
		sink.put(A2aAttributes.JSONRPC_REQUEST_ID, this.jsonRpcId);
		sink.put(A2aAttributes.BODY_NOT_PARSED, this.notParsed);
	}

	/** The members a request's span is made of; the text parts only when content is recorded. */
	private static final SelectiveJsonReader.Names MEMBERS = SelectiveJsonReader.Names.of("jsonrpc", "method", "id",
			"params", "message", "messageId", "contextId", "taskId", "tenant");

	private static final SelectiveJsonReader.Names MEMBERS_WITH_TEXT = MEMBERS.with("parts", "text");

	private static final int JSONRPC = 0;

	private static final int METHOD = 1;

	private static final int ID = 2;

	private static final int PARAMS = 3;

	private static final int PARAMS_ID = 4;

	private static final int PARAMS_TASK_ID = 5;

	private static final int TENANT = 6;

	private static final int MESSAGE = 7;

	private static final int MESSAGE_ID = 8;

	private static final int CONTEXT_ID = 9;

	private static final int MESSAGE_TASK_ID = 10;

	/** What a request's outcome needs of its body when no text is recorded. */
	private static final SelectiveJsonReader.Fields FIELDS = SelectiveJsonReader.Fields.of(
			SelectiveJsonReader.Fields.leaf("jsonrpc", JSONRPC, "2.0"),
			SelectiveJsonReader.Fields.leaf("method", METHOD, A2aMethod.wireNames()),
			SelectiveJsonReader.Fields.leaf("id", ID),
			SelectiveJsonReader.Fields.object("params", PARAMS, SelectiveJsonReader.Fields.leaf("id", PARAMS_ID),
					SelectiveJsonReader.Fields.leaf("taskId", PARAMS_TASK_ID),
					SelectiveJsonReader.Fields.leaf("tenant", TENANT),
					SelectiveJsonReader.Fields.object("message", MESSAGE,
							SelectiveJsonReader.Fields.leaf("messageId", MESSAGE_ID),
							SelectiveJsonReader.Fields.leaf("contextId", CONTEXT_ID),
							SelectiveJsonReader.Fields.leaf("taskId", MESSAGE_TASK_ID))));

	private static final int SLOTS = FIELDS.slots();

	/**
	 * Reads a request's body. Without text to record (content capture off) only its
	 * members at the paths the outcome needs are read, into slots: no tree is built.
	 * @param body the body's bytes
	 * @param length how many of them were read
	 * @param versionHeader the {@code A2A-Version} header
	 * @param maxTextLength the longest user text recorded, 0 for none
	 * @return the request
	 */
	static A2aRequest parse(byte[] body, int length, @Nullable String versionHeader, int maxTextLength) {
		if (!A2aJson.mayBeJsonRpc(body, length)) {
			return notParsed("not_json_rpc");
		}
		return (maxTextLength > 0) ? parseTree(body, length, versionHeader, maxTextLength)
				: parseFields(body, length, versionHeader);
	}

	/**
	 * Reads a request's body without its text, into slots.
	 */
	static A2aRequest parseFields(byte[] body, int length, @Nullable String versionHeader) {
		@Nullable String[] slots = new String[SLOTS];
		int kind = SelectiveJsonReader.readFields(body, length, FIELDS, slots);
		if (kind == SelectiveJsonReader.NOT_JSON) {
			return notParsed("not_json");
		}
		if (kind == SelectiveJsonReader.ARRAY) {
			return notParsed("batch");
		}
		String wireMethod = SelectiveJsonReader.text(slots[METHOD]);
		if (wireMethod == null || slots[JSONRPC] == null) {
			return notParsed("not_json_rpc");
		}
		A2aMethod method = A2aMethod.fromWireName(wireMethod);
		String unknownMethod = (method == null) ? A2aValues.cut(wireMethod, A2aValues.MAX_METHOD_LENGTH) : null;
		String version = version(versionHeader);
		String taskId = SelectiveJsonReader.text(slots[MESSAGE_TASK_ID]);
		if (taskId == null && slots[PARAMS] == SelectiveJsonReader.PRESENT && method != null
				&& !method.sendsMessage()) {
			taskId = taskId(SelectiveJsonReader.text(slots[PARAMS_ID]),
					SelectiveJsonReader.text(slots[PARAMS_TASK_ID]), method, wireMethod, version);
		}
		return new A2aRequest(null, method, unknownMethod, version, SelectiveJsonReader.text(slots[ID]),
				SelectiveJsonReader.text(slots[MESSAGE_ID]), SelectiveJsonReader.text(slots[CONTEXT_ID]), taskId,
				SelectiveJsonReader.text(slots[TENANT]), null);
	}

	/**
	 * Reads a request's body into a tree of the members it keeps (with its text when
	 * {@code maxTextLength} is above 0).
	 */
	static A2aRequest parseTree(byte[] body, int length, @Nullable String versionHeader, int maxTextLength) {
		JsonNode root = A2aJson.read(body, length, (maxTextLength > 0) ? MEMBERS_WITH_TEXT : MEMBERS);
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
		String unknownMethod = (method == null) ? A2aValues.cut(wireMethod, A2aValues.MAX_METHOD_LENGTH) : null;
		String version = version(versionHeader);
		JsonNode params = root.path("params");
		JsonNode message = params.path("message");
		String messageId = message.isObject() ? A2aJson.text(message, "messageId") : null;
		String contextId = message.isObject() ? A2aJson.text(message, "contextId") : null;
		String taskId = message.isObject() ? A2aJson.text(message, "taskId") : null;
		if (taskId == null && params.isObject() && method != null && !method.sendsMessage()) {
			taskId = taskId(A2aJson.text(params, "id"), A2aJson.text(params, "taskId"), method, wireMethod, version);
		}
		String userText = null;
		if (maxTextLength > 0 && message.isObject()) {
			StringBuilder text = new StringBuilder();
			A2aJson.appendText(message.get("parts"), text, maxTextLength);
			userText = text.isEmpty() ? null : text.toString();
		}
		String tenant = params.isObject() ? A2aJson.text(params, "tenant") : null;
		return new A2aRequest(null, method, unknownMethod, version, A2aJson.text(root, "id"), messageId, contextId,
				taskId, tenant, userText);
	}

	private static @Nullable String taskId(@Nullable String paramsId, @Nullable String paramsTaskId,
			A2aMethod method, String wireMethod, String version) {
		if (!method.configuresPushNotifications()) {
			// get, cancel, subscribe/resubscribe: {"id": task id}
			return paramsId;
		}
		// 0.3 set: {"taskId", "pushNotificationConfig"}; 1.0: {"taskId", "id": the config id}
		if (paramsTaskId != null) {
			return paramsTaskId;
		}
		boolean v10 = !wireMethod.contains("/") || version.startsWith("1.");
		// 0.3 get, list and delete name the task "id"; in 1.0 "id" is the config's id
		return v10 ? null : paramsId;
	}

}
