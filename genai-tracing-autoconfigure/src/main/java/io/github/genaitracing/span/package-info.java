/**
 * The one writer of GenAI spans: operations, span handles and attribute vocabularies. Internal; not public API.
 */
@NullMarked
package io.github.genaitracing.span;

import org.jspecify.annotations.NullMarked;
