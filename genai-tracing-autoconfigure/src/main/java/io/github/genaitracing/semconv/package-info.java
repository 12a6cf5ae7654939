/**
 * Attribute keys and values of the vocabularies genai-tracing writes: OpenTelemetry GenAI semantic conventions, OpenInference and MLflow.
 */
@NullMarked
package io.github.genaitracing.semconv;

import org.jspecify.annotations.NullMarked;
