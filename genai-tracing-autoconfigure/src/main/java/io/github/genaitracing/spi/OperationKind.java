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

import io.github.genaitracing.semconv.GenAiAttributes.OperationName;

/**
 * The kinds of {@link GenAiOperation}, one per operation type, with the semantic-convention
 * operation name and the default span kind.
 *
 * @since 0.1.0
 */
public enum OperationKind {

	/** An agent invocation, {@link AgentInvocation}. */
	INVOKE_AGENT(OperationName.INVOKE_AGENT, SpanKind.INTERNAL),

	/** A tool execution, {@link ToolExecution}. */
	EXECUTE_TOOL(OperationName.EXECUTE_TOOL, SpanKind.INTERNAL),

	/** A chat call to a model, {@link ChatCall}. */
	CHAT(OperationName.CHAT, SpanKind.CLIENT),

	/** An embeddings call to a model, {@link EmbeddingsCall}. */
	EMBEDDINGS(OperationName.EMBEDDINGS, SpanKind.CLIENT),

	/**
	 * A protocol request served by an agent (an A2A JSON-RPC call), {@link AgentRequest};
	 * not a GenAI operation of the conventions, so it has no operation name.
	 */
	AGENT_REQUEST(null, SpanKind.SERVER),

	/**
	 * A Model Context Protocol request or notification, {@link McpRequest}: CLIENT when
	 * sent, SERVER when received; its {@code gen_ai.operation.name} is
	 * {@code execute_tool} only for a {@code tools/call} that is the tool execution.
	 */
	MCP(null, SpanKind.CLIENT);

	private final @Nullable String operationName;

	private final SpanKind defaultSpanKind;

	OperationKind(@Nullable String operationName, SpanKind defaultSpanKind) {
		this.operationName = operationName;
		this.defaultSpanKind = defaultSpanKind;
	}

	/**
	 * Returns the semantic-convention operation name ({@code gen_ai.operation.name}).
	 * @return the operation name, or {@code null} for a kind that is not a GenAI
	 * operation
	 */
	public @Nullable String operationName() {
		return this.operationName;
	}

	/**
	 * Returns the span kind used unless the operation sets another.
	 * @return the default span kind
	 */
	public SpanKind defaultSpanKind() {
		return this.defaultSpanKind;
	}

}
