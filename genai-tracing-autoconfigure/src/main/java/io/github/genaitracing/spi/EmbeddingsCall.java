package io.github.genaitracing.spi;

import org.jspecify.annotations.Nullable;

/**
 * An embeddings call to a model, {@code embeddings {model}}.
 *
 * @since 0.1.0
 */
public final class EmbeddingsCall extends ModelCall {

	private EmbeddingsCall(Builder builder) {
		super(OperationKind.EMBEDDINGS, builder);
	}

	/**
	 * Builds a {@link EmbeddingsCall}.
	 */
	public static final class Builder extends ModelCall.Builder<Builder> {

		Builder(@Nullable String requestModel) {
			super(requestModel);
		}

		/**
		 * Builds the operation.
		 * @return the operation
		 */
		public EmbeddingsCall build() {
			return new EmbeddingsCall(this);
		}

	}

}
