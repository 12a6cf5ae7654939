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

package io.github.genaitracing.mcp;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.semconv.McpAttributes;

/**
 * What a span says about one MCP request or notification, with every value bounded: the
 * method (well-known names only; others are {@code _OTHER}), the JSON-RPC id and the
 * target tool, prompt or resource.
 *
 * @param method the method name, or {@code _OTHER}
 * @param requestId the JSON-RPC request id, {@code null} for a notification
 * @param toolName the tool of {@code tools/call}
 * @param promptName the prompt of {@code prompts/get}
 * @param resourceUri the resource of {@code resources/*}
 * @param protocolVersion the protocol version the request states (initialize)
 */
record McpMessage(String method, @Nullable String requestId, @Nullable String toolName, @Nullable String promptName,
		@Nullable String resourceUri, @Nullable String protocolVersion) {

	/** Longest identifier (id, tool or prompt name) kept. */
	static final int MAX_NAME_LENGTH = 128;

	/** Longest other value (URI, session id) kept. */
	static final int MAX_VALUE_LENGTH = 256;

	static McpMessage of(@Nullable String rawMethod, @Nullable Object id, @Nullable Map<?, ?> params) {
		String method = (rawMethod != null && McpAttributes.WELL_KNOWN_METHODS.contains(rawMethod)) ? rawMethod
				: GenAiAttributes.ERROR_TYPE_OTHER;
		String toolName = null;
		String promptName = null;
		String resourceUri = null;
		String protocolVersion = null;
		if (params != null) {
			if (McpAttributes.METHOD_TOOLS_CALL.equals(method)) {
				toolName = bounded(params.get("name"), MAX_NAME_LENGTH);
			}
			else if (McpAttributes.METHOD_PROMPTS_GET.equals(method)) {
				promptName = bounded(params.get("name"), MAX_NAME_LENGTH);
			}
			else if (method.startsWith("resources/") || method.equals("notifications/resources/updated")) {
				resourceUri = bounded(params.get("uri"), MAX_VALUE_LENGTH);
			}
			else if (McpAttributes.METHOD_INITIALIZE.equals(method)) {
				protocolVersion = bounded(params.get("protocolVersion"), MAX_NAME_LENGTH);
			}
		}
		return new McpMessage(method, id(id), toolName, promptName, resourceUri, protocolVersion);
	}

	static @Nullable String id(@Nullable Object id) {
		if (id instanceof String || id instanceof Number) {
			return bounded(id.toString(), MAX_NAME_LENGTH);
		}
		return null;
	}

	/**
	 * A string value cut to a length; other types give {@code null}.
	 */
	static @Nullable String bounded(@Nullable Object value, int maxLength) {
		if (!(value instanceof String text) || text.isEmpty()) {
			return null;
		}
		return (text.length() <= maxLength) ? text : text.substring(0, maxLength);
	}

	boolean isNotification() {
		return this.requestId == null;
	}

	@Nullable String target() {
		return (this.toolName != null) ? this.toolName : this.promptName;
	}

	String spanName() {
		String target = target();
		return (target != null) ? this.method + " " + target : this.method;
	}

}
