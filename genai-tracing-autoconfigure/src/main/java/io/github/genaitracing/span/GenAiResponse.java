package io.github.genaitracing.span;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a model call answered, apart from content.
 *
 * @param id the response id
 * @param model the model that answered
 * @param finishReasons the finish reason of each choice, lower-case semantic-convention
 * values
 * @since 0.1.0
 */
public record GenAiResponse(@Nullable String id, @Nullable String model, List<String> finishReasons) {

	/**
	 * Creates a response.
	 * @param id the response id
	 * @param model the model that answered
	 * @param finishReasons the finish reasons
	 */
	public GenAiResponse {
		finishReasons = List.copyOf(finishReasons);
	}

}
