package io.github.genaitracing.spi;

import org.jspecify.annotations.Nullable;

/**
 * How an operation ended: without error, or failed with a low-cardinality error type
 * ({@code error.type}). Recorded once per span: the first failure wins.
 *
 * @param errorType the error type of a failed operation, {@code null} when it succeeded
 * @param description a description of the failure, or {@code null}
 * @param exception the exception of the failure, when it was one
 * @since 0.1.0
 */
public record Outcome(@Nullable String errorType, @Nullable String description, @Nullable Throwable exception) {

	/** The outcome of an operation that succeeded. */
	public static final Outcome OK = new Outcome(null, null, null);

	/**
	 * Returns the outcome of an operation that failed with an exception; the error type
	 * is the exception's class name.
	 * @param exception the exception
	 * @return the outcome
	 */
	public static Outcome of(Throwable exception) {
		return new Outcome(exception.getClass().getName(), exception.getMessage(), exception);
	}

	/**
	 * Returns whether the operation failed.
	 * @return whether the operation failed
	 */
	public boolean isError() {
		return this.errorType != null;
	}

}
