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
 * One attribute vocabulary (OpenTelemetry GenAI, OpenInference, MLflow, ...): translates
 * what the span lifecycle learns about an operation into that vocabulary's attributes. It
 * is the only writer of its keys, so that turning it off removes all of them. Declare a
 * bean of this type to add a vocabulary. Content reaches a vocabulary only when the
 * content policy let it through. Whatever a vocabulary throws is caught and logged; the
 * span still ends.
 *
 * @since 0.1.0
 */
public interface SpanVocabulary {

	/**
	 * Writes the attributes known when the span starts.
	 * @param operation the operation
	 * @param conversationId the conversation id of this run, or {@code null}
	 * @param sink where to write
	 */
	void onStart(GenAiOperation operation, @Nullable String conversationId, AttributeSink sink);

	/**
	 * Whether {@link #onStart} writes the same attributes whenever it is given the same
	 * operation and conversation id, reading nothing else (no clock, thread-local or
	 * mutable state), and writes the conversation id, if at all, as given. The lifecycle
	 * then asks such a vocabulary once per operation shared by many spans (the operation
	 * of an annotated method) and sets what it wrote on every span of that operation,
	 * with each span's own conversation id. {@code false} by default: the vocabulary is
	 * asked at every span start.
	 * @return whether the start attributes may be written once per operation
	 */
	default boolean isStartRepeatable() {
		return false;
	}

	/**
	 * Writes the operation's input.
	 * @param operation the operation
	 * @param input the captured input
	 * @param sink where to write
	 */
	default void onInput(GenAiOperation operation, CapturedContent input, AttributeSink sink) {
	}

	/**
	 * Writes the operation's output.
	 * @param operation the operation
	 * @param output the captured output
	 * @param finishReason the finish reason when known
	 * @param sink where to write
	 */
	default void onOutput(GenAiOperation operation, CapturedContent output, @Nullable String finishReason,
			AttributeSink sink) {
	}

	/**
	 * Writes system instructions, a JSON array of parts.
	 * @param operation the operation
	 * @param instructionsJson the instructions
	 * @param sink where to write
	 */
	default void onSystemInstructions(GenAiOperation operation, String instructionsJson, AttributeSink sink) {
	}

	/**
	 * Writes tool definitions, a JSON array.
	 * @param operation the operation
	 * @param definitionsJson the definitions
	 * @param sink where to write
	 */
	default void onToolDefinitions(GenAiOperation operation, String definitionsJson, AttributeSink sink) {
	}

	/**
	 * Writes response metadata.
	 * @param operation the operation
	 * @param response the response
	 * @param sink where to write
	 */
	default void onResponse(GenAiOperation operation, GenAiResponse response, AttributeSink sink) {
	}

	/**
	 * Writes token usage.
	 * @param operation the operation
	 * @param usage the usage
	 * @param sink where to write
	 */
	default void onUsage(GenAiOperation operation, TokenUsage usage, AttributeSink sink) {
	}

	/**
	 * Writes what a model call cost (its model is priced); called once, just before the
	 * span ends.
	 * @param operation the operation, a {@link ModelCall}
	 * @param cost the cost
	 * @param sink where to write
	 */
	default void onCost(GenAiOperation operation, Cost cost, AttributeSink sink) {
	}

	/**
	 * Writes the sums over the model calls below an agent run in this process; called
	 * once, just before the agent's span ends, when there was at least one.
	 * @param operation the operation, an {@link AgentInvocation}
	 * @param totals the sums
	 * @param sink where to write
	 */
	default void onRunTotals(GenAiOperation operation, RunTotals totals, AttributeSink sink) {
	}

	/**
	 * Writes the server endpoint a client operation actually reached, learnt after the
	 * start (from the HTTP request a model call made); it replaces the address and port
	 * the operation was started with.
	 * @param operation the operation
	 * @param address the server's host name or IP address
	 * @param port the server's port, or {@code null}
	 * @param sink where to write
	 */
	default void onServer(GenAiOperation operation, String address, @Nullable Long port, AttributeSink sink) {
	}

	/**
	 * Writes the time from the start of a streamed operation to its first chunk.
	 * @param operation the operation
	 * @param nanos the time in nanoseconds
	 * @param sink where to write
	 */
	default void onTimeToFirstChunk(GenAiOperation operation, long nanos, AttributeSink sink) {
	}

	/**
	 * Writes the outcome of a failed operation (such as {@code error.type}); called once,
	 * just before the span ends. The span's status is set by the lifecycle.
	 * @param operation the operation
	 * @param outcome the outcome
	 * @param sink where to write
	 */
	default void onError(GenAiOperation operation, Outcome outcome, AttributeSink sink) {
	}

}
