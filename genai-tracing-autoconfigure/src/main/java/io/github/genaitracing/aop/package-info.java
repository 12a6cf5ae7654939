/**
 * Aspects for {@code @AgentInvoke} and {@code @ToolCall}. Internal; not public API.
 */
@NullMarked
package io.github.genaitracing.aop;

import org.jspecify.annotations.NullMarked;
