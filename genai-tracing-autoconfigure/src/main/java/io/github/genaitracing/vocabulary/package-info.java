/**
 * The built-in attribute vocabularies: each is the only writer of its keys. Internal; not public API.
 */
@NullMarked
package io.github.genaitracing.vocabulary;

import org.jspecify.annotations.NullMarked;
