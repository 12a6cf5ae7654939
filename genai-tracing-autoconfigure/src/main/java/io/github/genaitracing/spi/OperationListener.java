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

/**
 * Told when every GenAI span starts and ends, whatever started it ({@code @AgentInvoke},
 * {@code @ToolCall}, inbound and outbound A2A, Spring AI): metrics, counters and the
 * recent-trace ring are listeners. Declare a bean of this type to add one. Listeners run
 * on the thread that starts or ends the span and must be quick; whatever a listener
 * throws is caught and logged, and the span still ends.
 *
 * @since 0.1.0
 */
public interface OperationListener {

	/**
	 * Called after a span started.
	 * @param run the run
	 */
	default void onStart(OperationRun run) {
	}

	/**
	 * Called once after a span ended, with its outcome, duration and usage.
	 * @param run the run
	 */
	default void onEnd(OperationRun run) {
	}

}
