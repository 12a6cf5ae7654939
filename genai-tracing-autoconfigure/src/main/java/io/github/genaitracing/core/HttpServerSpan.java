/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.genaitracing.core;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import org.jspecify.annotations.Nullable;

/**
 * Spring Boot's HTTP server span of a request, made by the starter in place of
 * Micrometer Tracing's handler: started from the context the request's headers gave,
 * tagged with the observation's key values and named after it when the request ends.
 * It describes no GenAI operation of its own; the A2A filter adopts it through
 * {@link SpanLifecycle#adopt} like a span Micrometer made.
 *
 * @since 0.2.0
 */
public final class HttpServerSpan {

	private final Span span;

	private final Context parent;

	/**
	 * The name given while the request ran, kept over the observation's at the end (which
	 * may come on another thread, when the request went on asynchronously).
	 */
	private volatile @Nullable String name;

	private HttpServerSpan(Span span, Context parent) {
		this.span = span;
		this.parent = parent;
	}

	/**
	 * Starts a {@code SERVER} span.
	 * @param tracer the tracer that starts it (Spring Boot's, for the same
	 * instrumentation scope)
	 * @param name its name until the request ends
	 * @param parent the context the request's headers gave (the caller's span, if any,
	 * and its baggage)
	 * @return the started span
	 */
	public static HttpServerSpan start(Tracer tracer, String name, Context parent) {
		Span span = tracer.spanBuilder(name).setSpanKind(SpanKind.SERVER).setParent(parent).startSpan();
		return new HttpServerSpan(span, parent);
	}

	/**
	 * Returns the span.
	 * @return the span
	 */
	public Span span() {
		return this.span;
	}

	/**
	 * Returns the context the span started from.
	 * @return the parent context
	 */
	public Context parent() {
		return this.parent;
	}

	/**
	 * Sets a string attribute, as Micrometer Tracing tags a span with a key value.
	 * @param key the key
	 * @param value the value
	 */
	public void attribute(String key, String value) {
		this.span.setAttribute(key, value);
	}

	/**
	 * Records an error as Micrometer Tracing does: the exception event and the status
	 * {@code ERROR} with its message.
	 * @param error the error
	 */
	public void fail(Throwable error) {
		this.span.recordException(error);
		this.span.setStatus(StatusCode.ERROR, (error.getMessage() != null) ? error.getMessage() : "");
	}

	/**
	 * Adds an event.
	 * @param name the event's name
	 */
	public void event(String name) {
		this.span.addEvent(name);
	}

	/**
	 * Names the span now and for good: the name {@link #end(String) the end} is given is
	 * then ignored.
	 * @param name its name
	 */
	public void name(String name) {
		this.name = name;
		this.span.updateName(name);
	}

	/**
	 * Names and ends the span.
	 * @param name its final name, unless it was {@link #name(String) named} while the
	 * request ran
	 */
	public void end(String name) {
		try {
			if (this.name == null) {
				this.span.updateName(name);
			}
		}
		finally {
			this.span.end();
		}
	}

}
