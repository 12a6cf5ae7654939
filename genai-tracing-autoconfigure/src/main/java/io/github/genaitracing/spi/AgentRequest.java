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

import org.jspecify.annotations.Nullable;

/**
 * A protocol request served by an agent, such as an A2A JSON-RPC call: the SERVER span
 * named after the protocol method ({@code SendMessage}…), parent of the
 * {@code invoke_agent} span of the {@link AgentInvocation} it serves.
 *
 * @since 0.1.0
 */
public final class AgentRequest extends GenAiOperation {

	private final AgentInvocation agent;

	private final @Nullable String clientAddress;

	private final @Nullable Long clientPort;

	private AgentRequest(Builder builder) {
		super(OperationKind.AGENT_REQUEST, builder, builder.method);
		this.agent = builder.agent;
		this.clientAddress = builder.clientAddress;
		this.clientPort = builder.clientPort;
	}

	/**
	 * Starts describing a protocol request.
	 * @param method the protocol method, the span name
	 * @param agent the agent invocation the request serves
	 * @return a builder
	 */
	public static Builder of(String method, AgentInvocation agent) {
		return new Builder(method, agent);
	}

	/**
	 * Returns the agent invocation the request serves.
	 * @return the agent invocation
	 */
	public AgentInvocation agent() {
		return this.agent;
	}

	/**
	 * Returns the address of the client.
	 * @return the client address, or {@code null}
	 */
	public @Nullable String clientAddress() {
		return this.clientAddress;
	}

	/**
	 * Returns the port of the client.
	 * @return the client port, or {@code null}
	 */
	public @Nullable Long clientPort() {
		return this.clientPort;
	}

	/**
	 * Builds an {@link AgentRequest}.
	 */
	public static final class Builder extends GenAiOperation.Builder<Builder> {

		private final String method;

		private final AgentInvocation agent;

		private @Nullable String clientAddress;

		private @Nullable Long clientPort;

		Builder(String method, AgentInvocation agent) {
			this.method = method;
			this.agent = agent;
		}

		/**
		 * Sets the client address and port.
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
		 * Builds the operation.
		 * @return the operation
		 */
		public AgentRequest build() {
			return new AgentRequest(this);
		}

	}

}
