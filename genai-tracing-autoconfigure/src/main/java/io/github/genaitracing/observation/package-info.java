/**
 * Keeps Micrometer observations in step with GenAI spans.
 */
@NullMarked
package io.github.genaitracing.observation;

import org.jspecify.annotations.NullMarked;
