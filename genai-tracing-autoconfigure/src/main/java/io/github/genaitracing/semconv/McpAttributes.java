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

package io.github.genaitracing.semconv;

import java.util.Set;

import io.opentelemetry.api.common.AttributeKey;

/**
 * Attribute keys, well-known values and metric names of the OpenTelemetry MCP
 * conventions ({@code docs/gen-ai/mcp.md} of the GenAI conventions draft), and the
 * {@code params._meta} keys the MCP specification reserves for trace context.
 *
 * @since 0.1.0
 */
public final class McpAttributes {

	// copied from semantic-conventions docs/gen-ai/mcp.md and model/mcp (development, 2026-08)

	/** Name of the request or notification method, such as {@code tools/call}. */
	public static final AttributeKey<String> METHOD_NAME = AttributeKey.stringKey("mcp.method.name");

	/** MCP session id ({@code Mcp-Session-Id}). */
	public static final AttributeKey<String> SESSION_ID = AttributeKey.stringKey("mcp.session.id");

	/** Negotiated MCP protocol version, such as {@code 2025-06-18}. */
	public static final AttributeKey<String> PROTOCOL_VERSION = AttributeKey.stringKey("mcp.protocol.version");

	/** URI of the resource of {@code resources/read}, {@code resources/subscribe}, .... */
	public static final AttributeKey<String> RESOURCE_URI = AttributeKey.stringKey("mcp.resource.uri");

	/** Name of the prompt of {@code prompts/get}. */
	public static final AttributeKey<String> PROMPT_NAME = AttributeKey.stringKey("gen_ai.prompt.name");

	/** String form of the JSON-RPC request id. */
	public static final AttributeKey<String> JSONRPC_REQUEST_ID = A2aAttributes.JSONRPC_REQUEST_ID;

	/** JSON-RPC error code of the response, as a string. */
	public static final AttributeKey<String> RPC_RESPONSE_STATUS_CODE = AttributeKey
		.stringKey("rpc.response.status_code");

	/** Transport protocol: {@code tcp} for HTTP, {@code pipe} for stdio. */
	public static final AttributeKey<String> NETWORK_TRANSPORT = AttributeKey.stringKey("network.transport");

	/** Application protocol, {@code http} when MCP runs over HTTP. */
	public static final AttributeKey<String> NETWORK_PROTOCOL_NAME = AttributeKey.stringKey("network.protocol.name");

	/** {@code error.type} of a {@code tools/call} whose result has {@code isError: true}. */
	public static final String ERROR_TYPE_TOOL_ERROR = "tool_error";

	/** {@code network.transport} of HTTP transports. */
	public static final String TRANSPORT_TCP = "tcp";

	/** {@code network.transport} of the stdio transport. */
	public static final String TRANSPORT_PIPE = "pipe";

	/** Client operation duration histogram, in seconds. */
	public static final String CLIENT_OPERATION_DURATION = "mcp.client.operation.duration";

	/** Server operation duration histogram, in seconds. */
	public static final String SERVER_OPERATION_DURATION = "mcp.server.operation.duration";

	/** {@code params._meta} key of the W3C {@code traceparent}. */
	public static final String META_TRACEPARENT = "traceparent";

	/** {@code params._meta} key of the W3C {@code tracestate}. */
	public static final String META_TRACESTATE = "tracestate";

	/** {@code params._meta} key of the W3C {@code baggage}. */
	public static final String META_BAGGAGE = "baggage";

	/** The {@code params} member holding request metadata. */
	public static final String META = "_meta";

	/** The well-known values of {@code mcp.method.name}. */
	public static final Set<String> WELL_KNOWN_METHODS = Set.of("completion/complete", "elicitation/create",
			"initialize", "logging/setLevel", "notifications/cancelled", "notifications/initialized",
			"notifications/message", "notifications/progress", "notifications/prompts/list_changed",
			"notifications/resources/list_changed", "notifications/resources/updated",
			"notifications/roots/list_changed", "notifications/tools/list_changed", "ping", "prompts/get",
			"prompts/list", "resources/list", "resources/read", "resources/subscribe", "resources/templates/list",
			"resources/unsubscribe", "roots/list", "sampling/createMessage", "tools/call", "tools/list");

	/** The {@code tools/call} method. */
	public static final String METHOD_TOOLS_CALL = "tools/call";

	/** The {@code prompts/get} method. */
	public static final String METHOD_PROMPTS_GET = "prompts/get";

	/** The {@code initialize} method. */
	public static final String METHOD_INITIALIZE = "initialize";

	private McpAttributes() {
	}

}
