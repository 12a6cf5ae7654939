package io.github.genaitracing.autoconfigure;

/**
 * Where the span of an inbound A2A request gets its parent
 * ({@code genai.tracing.a2a.parent}).
 *
 * @since 0.1.0
 */
public enum A2aParentPolicy {

	/** A child of the current (HTTP server) span, else of the inbound traceparent. */
	CONTINUE,

	/** A new trace whose root links to the caller's span. */
	NEW_TRACE_WITH_LINK,

	/** A new trace, without a link to the caller. */
	NEW_TRACE,

	/**
	 * A new trace, without a link to the caller.
	 * @deprecated since 0.1.0 for removal: the name hid that a new trace starts; use
	 * {@link #NEW_TRACE}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	IGNORE

}
