/**
 * Model Context Protocol tracing: client and server spans, trace context in
 * {@code params._meta}. Internal; not public API.
 */
@NullMarked
package io.github.genaitracing.mcp;

import org.jspecify.annotations.NullMarked;
