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
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.genaitracing.core.FailSafe;

/**
 * A request's body as the A2A filter reads it once (bounded): the A2A request it holds,
 * or none when it is not traced, and the request that passes the same bytes on to the
 * application. Read by whichever part sees the request first — the
 * {@link A2aRequestReadingFilter} ahead of Spring Boot's observation, so that the server
 * span starts named and described, else the {@link A2aTracingFilter} — and kept as a
 * request attribute for the other.
 *
 * @param owner the filter whose settings the body was read with, which traces it
 * @param a2a the A2A request, or {@code null} when the request is not traced (not
 * JSON-RPC, or its body could not be read)
 * @param passOn the request the application reads the body from
 * @param held the bytes held for the replay
 */
record A2aRequestRead(A2aTracingFilter owner, @Nullable A2aRequest a2a, HttpServletRequest passOn, long held) {

	/** The request attribute that keeps the read. */
	static final String ATTRIBUTE = A2aRequestRead.class.getName();

	private static final Log logger = LogFactory.getLog(A2aRequestRead.class);

	private static final String VERSION_HEADER = "A2A-Version";

	/**
	 * Reads a request's body (at most {@code maxBodySize} bytes and one more) and parses
	 * it. Never throws: a failure leaves the request untraced, with every byte read
	 * passed on.
	 * @param owner the filter that traces the request
	 * @param request the request
	 * @param maxBodySize the largest body parsed
	 * @param maxTextLength the longest text kept, 0 for none
	 * @return the read
	 */
	static A2aRequestRead of(A2aTracingFilter owner, HttpServletRequest request, long maxBodySize,
			int maxTextLength) {
		HttpServletRequest passOn = request;
		try {
			if (request.getHeader("Content-Encoding") != null) {
				return new A2aRequestRead(owner, A2aRequest.notParsed("encoded"), request, 0);
			}
			InputStream in = request.getInputStream();
			ReplayingRequest.Prefix prefix = ReplayingRequest.readPrefix(in, maxBodySize,
					request.getContentLengthLong());
			byte[] buffer = prefix.bytes();
			int read = prefix.length();
			boolean tooLarge = read > maxBodySize;
			// from here on only a replaying request can pass the body on; a failed read
			// passes on what came, then the failure
			passOn = new ReplayingRequest(request, buffer, read, (prefix.failed() || tooLarge) ? in : null);
			if (prefix.failed()) {
				return new A2aRequestRead(owner, null, passOn, 0);
			}
			A2aRequest a2a = tooLarge ? A2aRequest.notParsed("too_large")
					: A2aRequest.parse(buffer, read, request.getHeader(VERSION_HEADER), maxTextLength);
			// not A2A traffic (a REST or other JSON endpoint on the same path): left alone
			return new A2aRequestRead(owner, a2a.isNotJsonRpc() ? null : a2a, passOn,
					a2a.isNotJsonRpc() ? 0 : buffer.length);
		}
		catch (IOException ex) {
			logger.debug("A2A request not traced", ex);
			return new A2aRequestRead(owner, null, passOn, 0);
		}
		catch (RuntimeException | Error ex) {
			FailSafe.failed(A2aTracingFilter.class, ex);
			return new A2aRequestRead(owner, null, passOn, 0);
		}
	}

	/**
	 * The read kept for a request by a part ahead of this one, when the same filter's
	 * settings made it.
	 * @param request the request
	 * @param owner the filter asking
	 * @return the read, or {@code null}
	 */
	static @Nullable A2aRequestRead kept(HttpServletRequest request, A2aTracingFilter owner) {
		return (request.getAttribute(ATTRIBUTE) instanceof A2aRequestRead read && read.owner() == owner) ? read
				: null;
	}

}
