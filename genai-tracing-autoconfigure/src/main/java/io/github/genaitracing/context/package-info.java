/**
 * Access to the GenAI context of the current request: conversation id and task id.
 */
@NullMarked
package io.github.genaitracing.context;

import org.jspecify.annotations.NullMarked;
