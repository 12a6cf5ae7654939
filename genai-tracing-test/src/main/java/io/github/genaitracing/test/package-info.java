/**
 * Test support for GenAI tracing: a loopback OTLP receiver and an OpenAI-compatible stub.
 */
@NullMarked
package io.github.genaitracing.test;

import org.jspecify.annotations.NullMarked;
