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

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Traces calls to remote A2A agents made with Spring's {@code RestClient}: an A2A
 * JSON-RPC request (a POST whose JSON body names an A2A method) gets an
 * {@code invoke_agent {remote agent}} CLIENT span, carries that span's
 * {@code traceparent} and the baggage of the current context (the conversation id), and
 * the span ends when the response body has been read to its end or closed — also for a
 * server-sent event stream, which passes through unbuffered. Other requests pass through
 * untouched. Nothing of its own is ever thrown to the caller.
 *
 * @since 0.1.0
 */
public final class A2aClientTracingInterceptor implements ClientHttpRequestInterceptor {

	private static final String VERSION_HEADER = "A2A-Version";

	private final A2aClientCallTracer tracer;

	/**
	 * Creates the interceptor.
	 * @param tracer the A2A call tracer
	 */
	public A2aClientTracingInterceptor(A2aClientCallTracer tracer) {
		this.tracer = tracer;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		if ("GET".equals(request.getMethod().name()) && A2aAgentCards.isAgentCard(request.getURI())) {
			return new CardReadingResponse(execution.execute(request, body), request.getURI(), this.tracer);
		}
		A2aClientCallTracer.Call call = this.tracer.start(request.getMethod().name(), request.getURI(), body,
				body.length, request.getHeaders().getFirst(VERSION_HEADER), request.getHeaders()::set);
		if (call == null) {
			return execution.execute(request, body);
		}
		ClientHttpResponse response;
		try {
			response = execution.execute(request, body);
		}
		catch (IOException | RuntimeException | Error ex) {
			call.end(0, ex);
			throw ex;
		}
		return new TracedResponse(response, call);
	}

	/**
	 * A response that answers status and headers from the one it wraps.
	 */
	private abstract static class DelegatingResponse implements ClientHttpResponse {

		protected final ClientHttpResponse delegate;

		DelegatingResponse(ClientHttpResponse delegate) {
			this.delegate = delegate;
		}

		@Override
		public HttpStatusCode getStatusCode() throws IOException {
			return this.delegate.getStatusCode();
		}

		@Override
		public String getStatusText() throws IOException {
			return this.delegate.getStatusText();
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.delegate.getHeaders();
		}

	}

	/**
	 * The response as the caller sees it: the same status, headers and bytes; the span
	 * ends at the end of the body or when the response is closed.
	 */
	private static final class TracedResponse extends DelegatingResponse {

		private final A2aClientCallTracer.Call call;

		private @Nullable InputStream body;

		TracedResponse(ClientHttpResponse delegate, A2aClientCallTracer.Call call) {
			super(delegate);
			this.call = call;
		}

		@Override
		public InputStream getBody() throws IOException {
			if (this.body == null) {
				this.body = new ObservedBody(this.delegate.getBody());
			}
			return this.body;
		}

		@Override
		public void close() {
			try {
				this.delegate.close();
			}
			finally {
				end(null);
			}
		}

		void end(@Nullable Throwable error) {
			int status;
			try {
				status = this.delegate.getStatusCode().value();
			}
			catch (IOException | RuntimeException ex) {
				status = 0;
			}
			this.call.end(status, error);
		}

		private void observe(byte[] bytes, int offset, int length) {
			String contentType;
			try {
				contentType = this.delegate.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
			}
			catch (RuntimeException ex) {
				contentType = null;
			}
			this.call.onBytes(contentType, bytes, offset, length);
		}

		private final class ObservedBody extends InputStream {

			private final InputStream in;

			ObservedBody(InputStream in) {
				this.in = in;
			}

			@Override
			public int read() throws IOException {
				int b;
				try {
					b = this.in.read();
				}
				catch (IOException ex) {
					end(ex);
					throw ex;
				}
				if (b < 0) {
					end(null);
				}
				else {
					observe(new byte[] { (byte) b }, 0, 1);
				}
				return b;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				int read;
				try {
					read = this.in.read(buffer, offset, length);
				}
				catch (IOException ex) {
					end(ex);
					throw ex;
				}
				if (read < 0) {
					end(null);
				}
				else if (read > 0) {
					observe(buffer, offset, read);
				}
				return read;
			}

			@Override
			public int available() throws IOException {
				return this.in.available();
			}

			@Override
			public void close() throws IOException {
				try {
					this.in.close();
				}
				finally {
					end(null);
				}
			}

		}

	}

	/**
	 * An Agent Card response as the caller sees it, read on the side (up to 64 KiB) to
	 * learn the remote agent's name.
	 */
	private static final class CardReadingResponse extends DelegatingResponse {

		private static final int MAX_CARD = 64 * 1024;

		private final java.net.URI uri;

		private final A2aClientCallTracer tracer;

		private final java.io.ByteArrayOutputStream copy = new java.io.ByteArrayOutputStream();

		private boolean learnt;

		private @Nullable InputStream body;

		CardReadingResponse(ClientHttpResponse delegate, java.net.URI uri, A2aClientCallTracer tracer) {
			super(delegate);
			this.uri = uri;
			this.tracer = tracer;
		}

		@Override
		public InputStream getBody() throws IOException {
			if (this.body == null) {
				InputStream in = this.delegate.getBody();
				this.body = new java.io.FilterInputStream(in) {

					@Override
					public int read() throws IOException {
						int b = super.read();
						if (b < 0) {
							learn();
						}
						else if (CardReadingResponse.this.copy.size() < MAX_CARD) {
							CardReadingResponse.this.copy.write(b);
						}
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int read = super.read(buffer, offset, length);
						if (read < 0) {
							learn();
						}
						else if (read > 0) {
							int room = MAX_CARD - CardReadingResponse.this.copy.size();
							CardReadingResponse.this.copy.write(buffer, offset, Math.max(0, Math.min(room, read)));
						}
						return read;
					}

				};
			}
			return this.body;
		}

		private void learn() {
			if (this.learnt) {
				return;
			}
			this.learnt = true;
			try {
				if (this.delegate.getStatusCode().is2xxSuccessful() && this.copy.size() < MAX_CARD) {
					this.tracer.learnAgentCard(this.uri, this.copy.toByteArray(), this.copy.size());
				}
			}
			catch (IOException | RuntimeException ex) {
				// reading the card never fails the call
			}
		}

		@Override
		public void close() {
			this.delegate.close();
		}

	}

}
