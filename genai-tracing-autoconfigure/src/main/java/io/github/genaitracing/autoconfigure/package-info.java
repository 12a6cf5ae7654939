/**
 * Auto-configuration for genai-tracing.
 */
@NullMarked
package io.github.genaitracing.autoconfigure;

import org.jspecify.annotations.NullMarked;
