/**
 * The public extension points of GenAI tracing: the operation types a span describes
 * ({@link io.github.genaitracing.spi.GenAiOperation} and its kinds), attribute
 * vocabularies ({@link io.github.genaitracing.spi.SpanVocabulary}), content redactors
 * ({@link io.github.genaitracing.spi.ContentRedactor},
 * {@link io.github.genaitracing.spi.SensitiveKeyRule}), span listeners
 * ({@link io.github.genaitracing.spi.OperationListener}) and the views they receive.
 * Everything outside this package, {@code annotation}, {@code semconv},
 * {@code context} and {@code autoconfigure} is internal.
 */
@NullMarked
package io.github.genaitracing.spi;

import org.jspecify.annotations.NullMarked;
