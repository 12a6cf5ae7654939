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

package io.github.genaitracing.a2a;

import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import io.github.genaitracing.core.DescribedOperation;
import io.github.genaitracing.core.FailSafe;
import io.github.genaitracing.spi.AttributeSink;

/**
 * How the server span of an A2A request starts when its body was read ahead of Spring
 * Boot's observation ({@link A2aRequestReadingFilter}): with its final name and, on the
 * span builder, the described operation's start attributes, the request's A2A (and,
 * for a span that is not the agent run, network) attributes and the caller's link. The
 * {@link A2aTracingFilter} then adopts the span as it started, writing nothing again.
 *
 * @param owner the filter that adopts the span
 * @param a2a the request
 * @param described the operation the span describes
 * @param conversationId the conversation id of the run, as the request (or its baggage)
 * gave it, or {@code null}
 * @param caller the caller's span to link to, or {@code null}
 * @param writesAddresses whether the span gets the request's network attributes (every
 * span but the agent run)
 */
record A2aServerSpanStart(A2aTracingFilter owner, A2aRequest a2a, DescribedOperation described,
		@Nullable String conversationId, @Nullable SpanContext caller, boolean writesAddresses) {

	/**
	 * Returns the span's name.
	 * @return the name
	 */
	String name() {
		return this.described.operation().spanName();
	}

	/**
	 * Sets the span's start attributes and link on its builder.
	 * @param builder the span builder
	 * @param request the request
	 */
	void describe(SpanBuilder builder, HttpServletRequest request) {
		this.owner.spans().describeStart(builder, this.described, this.conversationId);
		try {
			AttributeSink sink = AttributeSink.of(builder);
			this.a2a.writeAttributes(sink);
			if (this.writesAddresses) {
				A2aServerSpan.writeAddresses(request, sink);
			}
			if (this.caller != null) {
				builder.addLink(this.caller);
			}
		}
		catch (RuntimeException ex) {
			// the span starts with what was set
			FailSafe.failed(A2aTracingFilter.class, ex);
		}
	}

}
