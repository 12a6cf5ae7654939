package io.github.genaitracing.span;

import org.jspecify.annotations.Nullable;

import io.github.genaitracing.content.CapturedContent;

/**
 * One attribute vocabulary (OpenTelemetry GenAI, OpenInference, MLflow, ...): translates
 * what {@link GenAiSpans} learns about an operation into that vocabulary's attributes.
 * Declare a bean of this type to add a vocabulary. Content reaches a vocabulary only when
 * the content policy let it through.
 *
 * @since 0.1.0
 */
public interface SpanVocabulary {

	/**
	 * Writes the attributes known when the span starts.
	 * @param operation the operation
	 * @param sink where to write
	 */
	void onStart(GenAiOperation operation, AttributeSink sink);

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

}
