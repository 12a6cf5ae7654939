/**
 * GenAI metrics, recorded by span listeners. Internal; not public API.
 */
@NullMarked
package io.github.genaitracing.metrics;

import org.jspecify.annotations.NullMarked;
