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
 * An agent invocation, {@code invoke_agent {agent}}: an {@code @AgentInvoke} method, an
 * inbound A2A request, or a call to a remote agent.
 *
 * @since 0.1.0
 */
public final class AgentInvocation extends GenAiOperation {

	private final @Nullable String agentId;

	private final @Nullable String agentName;

	private final @Nullable String agentDescription;

	private final @Nullable String agentVersion;

	private final @Nullable String userId;

	private AgentInvocation(Builder builder) {
		super(OperationKind.INVOKE_AGENT, builder, builder.agentName);
		this.agentId = builder.agentId;
		this.agentName = builder.agentName;
		this.agentDescription = builder.agentDescription;
		this.agentVersion = builder.agentVersion;
		this.userId = builder.userId;
	}

	/**
	 * Returns the agent id.
	 * @return the agent id, or {@code null}
	 */
	public @Nullable String agentId() {
		return this.agentId;
	}

	/**
	 * Returns the agent name.
	 * @return the agent name, or {@code null}
	 */
	public @Nullable String agentName() {
		return this.agentName;
	}

	/**
	 * Returns the agent description.
	 * @return the agent description, or {@code null}
	 */
	public @Nullable String agentDescription() {
		return this.agentDescription;
	}

	/**
	 * Returns the agent version.
	 * @return the agent version, or {@code null}
	 */
	public @Nullable String agentVersion() {
		return this.agentVersion;
	}

	/**
	 * Returns the end-user id.
	 * @return the user id, or {@code null}
	 */
	public @Nullable String userId() {
		return this.userId;
	}

	/**
	 * Builds an {@link AgentInvocation}.
	 */
	public static final class Builder extends GenAiOperation.Builder<Builder> {

		private @Nullable String agentId;

		private @Nullable String agentName;

		private @Nullable String agentDescription;

		private @Nullable String agentVersion;

		private @Nullable String userId;

		Builder(@Nullable String agentName) {
			this.agentName = agentName;
		}

		/**
		 * Sets the agent id.
		 * @param agentId the agent id
		 * @return this builder
		 */
		public Builder agentId(@Nullable String agentId) {
			this.agentId = agentId;
			return this;
		}

		/**
		 * Sets the agent description.
		 * @param agentDescription the agent description
		 * @return this builder
		 */
		public Builder agentDescription(@Nullable String agentDescription) {
			this.agentDescription = agentDescription;
			return this;
		}

		/**
		 * Sets the agent version.
		 * @param agentVersion the agent version
		 * @return this builder
		 */
		public Builder agentVersion(@Nullable String agentVersion) {
			this.agentVersion = agentVersion;
			return this;
		}

		/**
		 * Sets the end-user id.
		 * @param userId the user id
		 * @return this builder
		 */
		public Builder userId(@Nullable String userId) {
			this.userId = userId;
			return this;
		}

		/**
		 * Builds the operation.
		 * @return the operation
		 */
		public AgentInvocation build() {
			return new AgentInvocation(this);
		}

	}

}
