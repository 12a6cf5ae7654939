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
 * A tool execution, {@code execute_tool {tool}}: a {@code @ToolCall} method or a tool
 * called by Spring AI.
 *
 * @since 0.1.0
 */
public final class ToolExecution extends GenAiOperation {

	private final String toolName;

	private final @Nullable String toolDescription;

	private final @Nullable String toolType;

	private final @Nullable String toolCallId;

	private ToolExecution(Builder builder) {
		super(OperationKind.EXECUTE_TOOL, builder, builder.toolName);
		this.toolName = builder.toolName;
		this.toolDescription = builder.toolDescription;
		this.toolType = builder.toolType;
		this.toolCallId = builder.toolCallId;
	}

	private ToolExecution(ToolExecution source, @Nullable String toolCallId) {
		super(source);
		this.toolName = source.toolName;
		this.toolDescription = source.toolDescription;
		this.toolType = source.toolType;
		this.toolCallId = toolCallId;
	}

	/**
	 * Returns this tool execution with another tool call id (the id the model gave this
	 * call); the rest is shared.
	 * @param toolCallId the tool call id
	 * @return the tool execution
	 */
	public ToolExecution withToolCallId(@Nullable String toolCallId) {
		return new ToolExecution(this, toolCallId);
	}

	/**
	 * Returns the tool name.
	 * @return the tool name
	 */
	public String toolName() {
		return this.toolName;
	}

	/**
	 * Returns the tool description.
	 * @return the tool description, or {@code null}
	 */
	public @Nullable String toolDescription() {
		return this.toolDescription;
	}

	/**
	 * Returns the tool type.
	 * @return the tool type, or {@code null}
	 */
	public @Nullable String toolType() {
		return this.toolType;
	}

	/**
	 * Returns the tool call id.
	 * @return the tool call id, or {@code null}
	 */
	public @Nullable String toolCallId() {
		return this.toolCallId;
	}

	/**
	 * Builds a {@link ToolExecution}.
	 */
	public static final class Builder extends GenAiOperation.Builder<Builder> {

		private final String toolName;

		private @Nullable String toolDescription;

		private @Nullable String toolType;

		private @Nullable String toolCallId;

		Builder(String toolName) {
			this.toolName = toolName;
		}

		/**
		 * Sets the tool description.
		 * @param toolDescription the tool description
		 * @return this builder
		 */
		public Builder toolDescription(@Nullable String toolDescription) {
			this.toolDescription = toolDescription;
			return this;
		}

		/**
		 * Sets the tool type.
		 * @param toolType the tool type
		 * @return this builder
		 */
		public Builder toolType(@Nullable String toolType) {
			this.toolType = toolType;
			return this;
		}

		/**
		 * Sets the tool call id.
		 * @param toolCallId the tool call id
		 * @return this builder
		 */
		public Builder toolCallId(@Nullable String toolCallId) {
			this.toolCallId = toolCallId;
			return this;
		}

		/**
		 * Builds the operation.
		 * @return the operation
		 */
		public ToolExecution build() {
			return new ToolExecution(this);
		}

	}

}
