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

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import io.github.genaitracing.core.FailSafe;

/**
 * Reads the body of a request that may be A2A ahead of Spring Boot's HTTP server
 * observation filter, so that the request's server span starts already named and
 * described ({@link A2aServerObservationHandler}) instead of being renamed and
 * described after its start. The same bytes pass on to the rest of the chain (the
 * {@link A2aTracingFilter}, which traces the request from this read, and the
 * application); nothing else of the request changes, and nothing is ever thrown into
 * it. Made by {@link A2aTracingFilter#readingFilter()}.
 *
 * @since 0.2.0
 */
public final class A2aRequestReadingFilter implements Filter {

	private final A2aTracingFilter owner;

	A2aRequestReadingFilter(A2aTracingFilter owner) {
		this.owner = owner;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		ServletRequest passOn = request;
		try {
			if (request instanceof HttpServletRequest http && request.getAttribute(A2aRequestRead.ATTRIBUTE) == null
					&& this.owner.mayBeA2a(http)) {
				A2aRequestRead read = this.owner.read(http);
				passOn = read.passOn();
				http.setAttribute(A2aRequestRead.ATTRIBUTE, read);
			}
		}
		catch (RuntimeException ex) {
			FailSafe.failed(A2aRequestReadingFilter.class, ex);
		}
		chain.doFilter(passOn, response);
	}

}
