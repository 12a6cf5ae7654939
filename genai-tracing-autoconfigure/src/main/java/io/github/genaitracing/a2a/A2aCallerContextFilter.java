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

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the server span of an A2A request the root of a new trace, for the parent
 * policies {@code new-trace-with-link} and {@code ignore}: ordered before Spring Boot's
 * HTTP server observation filter, it keeps the caller's span context (read from the
 * {@code traceparent} header) for the {@link A2aTracingFilter} to link to, and hides the
 * {@code traceparent} and {@code tracestate} headers from the observation filter, so that
 * the HTTP server span it starts has no parent. The headers are visible again from the
 * A2A filter on: the application reads the request as sent.
 *
 * @since 0.1.0
 */
public final class A2aCallerContextFilter extends OncePerRequestFilter {

	/** Request attribute holding the caller's {@link SpanContext}. */
	static final String CALLER_ATTRIBUTE = A2aCallerContextFilter.class.getName() + ".caller";

	/** Request attribute that makes the hidden headers visible again. */
	static final String REVEAL_ATTRIBUTE = A2aCallerContextFilter.class.getName() + ".reveal";

	private static final List<String> HIDDEN = List.of("traceparent", "tracestate");

	/** The request attribute that marks a request this filter has seen, made once. */
	private static final String ALREADY_FILTERED = A2aCallerContextFilter.class.getName() + ALREADY_FILTERED_SUFFIX;

	private final OpenTelemetry openTelemetry;

	private final A2aPaths paths;

	/**
	 * Creates the filter.
	 * @param openTelemetry the OpenTelemetry instance, whose propagators read the caller's
	 * context
	 * @param paths path patterns of A2A JSON-RPC endpoints
	 * @param excludes path patterns never traced
	 */
	public A2aCallerContextFilter(OpenTelemetry openTelemetry, List<String> paths, List<String> excludes) {
		this.openTelemetry = openTelemetry;
		this.paths = new A2aPaths(paths, excludes);
	}

	/**
	 * The same attribute for every request, made once (the superclass joins the filter's
	 * name and a suffix on each request).
	 */
	@Override
	protected String getAlreadyFilteredAttributeName() {
		return ALREADY_FILTERED;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// the header first: most requests carry none, and it is cheaper to look up
		return request.getHeader("traceparent") == null || !this.paths.mayBeA2a(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpServletRequest passOn = request;
		try {
			SpanContext caller = Span
				.fromContext(this.openTelemetry.getPropagators()
					.getTextMapPropagator()
					.extract(Context.root(), request, ServletRequestHeaders.GETTER))
				.getSpanContext();
			if (caller.isValid()) {
				request.setAttribute(CALLER_ATTRIBUTE, caller);
			}
			passOn = new TraceContextHidingRequest(request);
		}
		catch (RuntimeException ex) {
			// tracing never fails the request: the caller's context is then simply kept
		}
		chain.doFilter(passOn, response);
	}

	/**
	 * Returns the caller's span context kept for a request, if any.
	 * @param request the request
	 * @return the caller's span context, or {@code null}
	 */
	static @Nullable SpanContext caller(HttpServletRequest request) {
		return (request.getAttribute(CALLER_ATTRIBUTE) instanceof SpanContext caller) ? caller : null;
	}

	/**
	 * The request without {@code traceparent} and {@code tracestate} until the A2A filter
	 * reveals them.
	 */
	private static final class TraceContextHidingRequest extends HttpServletRequestWrapper {

		TraceContextHidingRequest(HttpServletRequest request) {
			super(request);
		}

		private boolean hides(@Nullable String name) {
			return name != null && getAttribute(REVEAL_ATTRIBUTE) == null
					&& HIDDEN.contains(name.toLowerCase(Locale.ROOT));
		}

		@Override
		public @Nullable String getHeader(String name) {
			return hides(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return hides(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			if (getAttribute(REVEAL_ATTRIBUTE) != null) {
				return super.getHeaderNames();
			}
			List<String> names = Collections.list(super.getHeaderNames());
			names.removeIf(this::hides);
			return Collections.enumeration(names);
		}

	}

}
