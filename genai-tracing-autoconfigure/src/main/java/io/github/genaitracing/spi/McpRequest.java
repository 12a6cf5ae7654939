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

package io.github.genaitracing.spi;

import io.opentelemetry.api.trace.SpanKind;
import org.jspecify.annotations.Nullable;

/**
 * A Model Context Protocol request or notification: sent by a client (CLIENT span) or
 * received by a server (SERVER span), named {@code {mcp.method.name} {target}} as the MCP
 * conventions say, the target being the tool or prompt.
 *
 * @since 0.1.0
 */
public final class McpRequest extends GenAiOperation {

	private final String method;

	private final @Nullable String requestId;

	private final @Nullable String toolName;

	private final @Nullable String promptName;

	private final @Nullable String resourceUri;

	private final @Nullable String protocolVersion;

	private final @Nullable String sessionId;

	private final String transport;

	private final @Nullable String networkProtocolName;

	private final @Nullable String clientAddress;

	private final @Nullable Long clientPort;

	private final boolean insideToolSpan;

	private McpRequest(Builder builder) {
		super(OperationKind.MCP, builder, target(builder));
		this.method = builder.method;
		this.requestId = builder.requestId;
		this.toolName = builder.toolName;
		this.promptName = builder.promptName;
		this.resourceUri = builder.resourceUri;
		this.protocolVersion = builder.protocolVersion;
		this.sessionId = builder.sessionId;
		this.transport = builder.transport;
		this.networkProtocolName = builder.networkProtocolName;
		this.clientAddress = builder.clientAddress;
		this.clientPort = builder.clientPort;
		this.insideToolSpan = builder.insideToolSpan;
	}

	private static String target(Builder builder) {
		String target = (builder.toolName != null) ? builder.toolName : builder.promptName;
		return (target != null) ? builder.method + " " + target : builder.method;
	}

	/**
	 * Starts describing a request sent by a client.
	 * @param method the method ({@code tools/call}…)
	 * @return a builder
	 */
	public static Builder sent(String method) {
		return new Builder(method, SpanKind.CLIENT);
	}

	/**
	 * Starts describing a request received by a server.
	 * @param method the method ({@code tools/call}…)
	 * @return a builder
	 */
	public static Builder received(String method) {
		return new Builder(method, SpanKind.SERVER);
	}

	/**
	 * Returns the method.
	 * @return the method
	 */
	public String method() {
		return this.method;
	}

	/**
	 * Returns the JSON-RPC request id.
	 * @return the id, or {@code null} for a notification
	 */
	public @Nullable String requestId() {
		return this.requestId;
	}

	/**
	 * Returns the tool of {@code tools/call}.
	 * @return the tool name, or {@code null}
	 */
	public @Nullable String toolName() {
		return this.toolName;
	}

	/**
	 * Returns the prompt of {@code prompts/get}.
	 * @return the prompt name, or {@code null}
	 */
	public @Nullable String promptName() {
		return this.promptName;
	}

	/**
	 * Returns the resource URI of {@code resources/*}.
	 * @return the resource URI, or {@code null}
	 */
	public @Nullable String resourceUri() {
		return this.resourceUri;
	}

	/**
	 * Returns the MCP protocol version known when the request started.
	 * @return the protocol version, or {@code null}
	 */
	public @Nullable String protocolVersion() {
		return this.protocolVersion;
	}

	/**
	 * Returns the MCP session id known when the request started.
	 * @return the session id, or {@code null}
	 */
	public @Nullable String sessionId() {
		return this.sessionId;
	}

	/**
	 * Returns the transport: {@code tcp} for HTTP, {@code pipe} for stdio.
	 * @return the transport
	 */
	public String transport() {
		return this.transport;
	}

	/**
	 * Returns the application protocol under MCP, {@code http} or {@code null}.
	 * @return the protocol name, or {@code null}
	 */
	public @Nullable String networkProtocolName() {
		return this.networkProtocolName;
	}

	/**
	 * Returns the client address (server side).
	 * @return the client address, or {@code null}
	 */
	public @Nullable String clientAddress() {
		return this.clientAddress;
	}

	/**
	 * Returns the client port (server side).
	 * @return the client port, or {@code null}
	 */
	public @Nullable Long clientPort() {
		return this.clientPort;
	}

	/**
	 * Returns whether this {@code tools/call} runs inside an {@code execute_tool} span of
	 * the same tool (Spring AI tool calling), which then is the one tool execution; the
	 * MCP span does not say {@code gen_ai.operation.name} itself.
	 * @return whether a tool span encloses this request
	 */
	public boolean insideToolSpan() {
		return this.insideToolSpan;
	}

	/**
	 * Returns whether this is a {@code tools/call} that counts as a tool execution
	 * ({@code gen_ai.operation.name} {@code execute_tool}).
	 * @return whether it is a tool execution
	 */
	public boolean isToolExecution() {
		return this.toolName != null && !this.insideToolSpan;
	}

	/**
	 * Builds an {@link McpRequest}.
	 */
	public static final class Builder extends GenAiOperation.Builder<Builder> {

		private final String method;

		private @Nullable String requestId;

		private @Nullable String toolName;

		private @Nullable String promptName;

		private @Nullable String resourceUri;

		private @Nullable String protocolVersion;

		private @Nullable String sessionId;

		private String transport = "tcp";

		private @Nullable String networkProtocolName;

		private @Nullable String clientAddress;

		private @Nullable Long clientPort;

		private boolean insideToolSpan;

		Builder(String method, SpanKind spanKind) {
			this.method = method;
			spanKind(spanKind);
		}

		/**
		 * Sets the JSON-RPC request id.
		 * @param requestId the id, {@code null} for a notification
		 * @return this builder
		 */
		public Builder requestId(@Nullable String requestId) {
			this.requestId = requestId;
			return this;
		}

		/**
		 * Sets the tool of {@code tools/call}.
		 * @param toolName the tool name
		 * @return this builder
		 */
		public Builder toolName(@Nullable String toolName) {
			this.toolName = toolName;
			return this;
		}

		/**
		 * Sets the prompt of {@code prompts/get}.
		 * @param promptName the prompt name
		 * @return this builder
		 */
		public Builder promptName(@Nullable String promptName) {
			this.promptName = promptName;
			return this;
		}

		/**
		 * Sets the resource URI.
		 * @param resourceUri the URI
		 * @return this builder
		 */
		public Builder resourceUri(@Nullable String resourceUri) {
			this.resourceUri = resourceUri;
			return this;
		}

		/**
		 * Sets the protocol version.
		 * @param protocolVersion the version
		 * @return this builder
		 */
		public Builder protocolVersion(@Nullable String protocolVersion) {
			this.protocolVersion = protocolVersion;
			return this;
		}

		/**
		 * Sets the session id.
		 * @param sessionId the session id
		 * @return this builder
		 */
		public Builder sessionId(@Nullable String sessionId) {
			this.sessionId = sessionId;
			return this;
		}

		/**
		 * Sets the transport ({@code tcp}, {@code pipe}) and application protocol.
		 * @param transport the transport
		 * @param protocolName the application protocol, or {@code null}
		 * @return this builder
		 */
		public Builder transport(String transport, @Nullable String protocolName) {
			this.transport = transport;
			this.networkProtocolName = protocolName;
			return this;
		}

		/**
		 * Sets the client address and port (server side).
		 * @param address the address
		 * @param port the port, or {@code null}
		 * @return this builder
		 */
		public Builder client(@Nullable String address, @Nullable Long port) {
			this.clientAddress = address;
			this.clientPort = port;
			return this;
		}

		/**
		 * Says that an {@code execute_tool} span of the same tool encloses this request.
		 * @param insideToolSpan whether it does
		 * @return this builder
		 */
		public Builder insideToolSpan(boolean insideToolSpan) {
			this.insideToolSpan = insideToolSpan;
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 */
		public McpRequest build() {
			return new McpRequest(this);
		}

	}

}
