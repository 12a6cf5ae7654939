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

import io.opentelemetry.api.trace.Span;
import org.jspecify.annotations.Nullable;

/**
 * One run of a {@link GenAiOperation}: what an {@link OperationListener} sees of a span
 * while it runs and once it ended. Values recorded on the span (response, usage, outcome)
 * are readable here whichever vocabularies are enabled.
 *
 * @since 0.1.0
 */
public interface OperationRun {

	/**
	 * Returns the operation.
	 * @return the operation
	 */
	GenAiOperation operation();

	/**
	 * Returns the conversation id of the run, its own or inherited.
	 * @return the conversation id, or {@code null}
	 */
	@Nullable String conversationId();

	/**
	 * Returns the run of the enclosing GenAI operation in this process (the
	 * {@code invoke_agent} run around a chat call, for instance).
	 * @return the parent run, or {@code null}
	 */
	@Nullable OperationRun parent();

	/**
	 * Returns the OpenTelemetry span; after {@link OperationListener#onEnd} the span has
	 * ended.
	 * @return the span
	 */
	Span span();

	/**
	 * Returns when the run started, in {@link System#nanoTime()} units.
	 * @return the start time
	 */
	long startNanos();

	/**
	 * Returns how long the run took.
	 * @return the duration in nanoseconds, or {@code -1} while it runs
	 */
	long durationNanos();

	/**
	 * Returns the response recorded on the span.
	 * @return the response, or {@code null}
	 */
	@Nullable GenAiResponse response();

	/**
	 * Returns the token usage recorded on the span.
	 * @return the usage, or {@code null}
	 */
	@Nullable TokenUsage usage();

	/**
	 * Returns the time from the start to the first chunk of a streamed operation.
	 * @return the time in nanoseconds, or {@code -1} when none was recorded
	 */
	long timeToFirstChunkNanos();

	/**
	 * Returns what a model call cost, once its span ended.
	 * @return the cost, or {@code null} when its model is not priced (or not a model call)
	 */
	default @Nullable Cost cost() {
		return null;
	}

	/**
	 * Returns the sums over the model calls below an agent run in this process.
	 * @return the sums, or {@code null} when not an agent run, run totals are off or no
	 * model call ended below it
	 */
	default @Nullable RunTotals runTotals() {
		return null;
	}

	/**
	 * Returns how many chat calls of this agent run ended: the inference calls the agent
	 * made itself in this process, those of a nested agent counting for that agent.
	 * Counted while the lifecycle tells listeners of runs or sums run totals.
	 * @return the count, 0 when not an agent run
	 */
	default int inferenceCalls() {
		return 0;
	}

	/**
	 * Returns how many tool executions of this agent run ended: the tool calls the agent
	 * made itself in this process, those of a nested agent counting for that agent.
	 * Counted while the lifecycle tells listeners of runs or sums run totals.
	 * @return the count, 0 when not an agent run
	 */
	default int toolCalls() {
		return 0;
	}

	/**
	 * Returns the address of the server the run reached: the one learnt while it ran
	 * (the endpoint of a model call's HTTP request), else the operation's.
	 * @return the server address, or {@code null}
	 */
	default @Nullable String serverAddress() {
		return operation().serverAddress();
	}

	/**
	 * Returns the port of the server the run reached, with {@link #serverAddress()}.
	 * @return the server port, or {@code null}
	 */
	default @Nullable Long serverPort() {
		return operation().serverPort();
	}

	/**
	 * Returns the outcome: {@link Outcome#OK} unless the run failed.
	 * @return the outcome
	 */
	Outcome outcome();

	/**
	 * Returns whether the run ended.
	 * @return whether the run ended
	 */
	boolean isEnded();

}
