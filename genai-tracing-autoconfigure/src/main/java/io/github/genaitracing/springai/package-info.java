/**
 * Mapping of Spring AI model observations onto GenAI spans. Internal; not public API.
 */
@NullMarked
package io.github.genaitracing.springai;

import org.jspecify.annotations.NullMarked;
