/**
 * The span lifecycle: the one class that starts, fails and ends every GenAI span, its span
 * handles, and the guard that keeps faults of extensions away from the application.
 * Internal; not public API.
 */
@NullMarked
package io.github.genaitracing.core;

import org.jspecify.annotations.NullMarked;
