/**
 * Annotations that mark agent and tool methods for GenAI tracing.
 */
@NullMarked
package io.github.genaitracing.annotation;

import org.jspecify.annotations.NullMarked;
