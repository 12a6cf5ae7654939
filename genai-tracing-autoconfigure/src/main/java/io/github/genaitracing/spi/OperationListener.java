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
