package io.github.genaitracing.spi;

import org.jspecify.annotations.Nullable;

/**
 * A chat call to a model, {@code chat {model}}.
 *
 * @since 0.1.0
 */
public final class ChatCall extends ModelCall {

	private ChatCall(Builder builder) {
		super(OperationKind.CHAT, builder);
	}

	/**
	 * Builds a {@link ChatCall}.
	 */
	public static final class Builder extends ModelCall.Builder<Builder> {

		Builder(@Nullable String requestModel) {
			super(requestModel);
		}

		/**
		 * Builds the operation.
		 * @return the operation
		 */
		public ChatCall build() {
			return new ChatCall(this);
		}

	}

}
