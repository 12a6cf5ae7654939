package io.github.genaitracing.core;

import io.opentelemetry.context.Scope;

/**
 * Told whenever a GenAI span's context is made current, so that another tracing API can
 * follow: the Micrometer integration uses it to step out of the current observation, so
 * that observations started inside a GenAI span (Spring AI's, an HTTP client's) take
 * that span as their parent rather than the enclosing HTTP server observation.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ScopeListener {

	/** A listener that does nothing. */
	ScopeListener NONE = () -> Scope.noop();

	/**
	 * Called after a GenAI span's context was made current on this thread.
	 * @return what to close, on the same thread, when that scope closes
	 */
	Scope onMakeCurrent();

}
