/**
 * Content capture: what prompt, response and tool content may be recorded, redacted and bounded.
 */
@NullMarked
package io.github.genaitracing.content;

import org.jspecify.annotations.NullMarked;
