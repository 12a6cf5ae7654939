/**
 * Inbound A2A JSON-RPC tracing. Internal; not public API.
 */
@NullMarked
package io.github.genaitracing.a2a;

import org.jspecify.annotations.NullMarked;
