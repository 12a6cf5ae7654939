/**
 * The {@code genaitracing} actuator endpoint: effective settings, traced methods, counters
 * per agent and model, exporter health and the recent GenAI traces, and a local HTML view
 * of them.
 */
@NullMarked
package io.github.genaitracing.actuate;

import org.jspecify.annotations.NullMarked;
