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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.a2a.client.http.A2AHttpClient;
import io.a2a.client.http.A2AHttpResponse;
import org.jspecify.annotations.Nullable;

/**
 * An {@link A2AHttpClient} of the A2A Java SDK that traces the JSON-RPC calls made through
 * it: an A2A message gets an {@code invoke_agent {remote agent}} CLIENT span, any other
 * A2A method (a {@code GetTask} poll…) a CLIENT span named after the method; the request
 * carries the span's {@code traceparent} and baggage; the span ends with the response, or
 * when an event stream completes, fails or is cancelled. GET and DELETE requests pass
 * through untouched; an Agent Card fetched through it names the remote agent of later
 * calls. Pass it to the SDK's
 * transport, for example {@code new JSONRPCTransportConfig(tracedHttpClient)}.
 *
 * @since 0.1.0
 */
public final class TracingA2aHttpClient implements A2AHttpClient {

	private static final String VERSION_HEADER = "A2A-Version";

	private static final String JSON = "application/json";

	private final A2AHttpClient delegate;

	private final A2aClientCallTracer tracer;

	/**
	 * Wraps an HTTP client of the A2A SDK.
	 * @param delegate the client that makes the calls
	 * @param tracer the A2A call tracer
	 */
	public TracingA2aHttpClient(A2AHttpClient delegate, A2aClientCallTracer tracer) {
		this.delegate = delegate;
		this.tracer = tracer;
	}

	/**
	 * The client that makes the calls.
	 * @return the wrapped client
	 */
	public A2AHttpClient getDelegate() {
		return this.delegate;
	}

	@Override
	public GetBuilder createGet() {
		return new CardReadingGet(this.delegate.createGet());
	}

	@Override
	public PostBuilder createPost() {
		return new TracedPost(this.delegate.createPost());
	}

	@Override
	public DeleteBuilder createDelete() {
		return this.delegate.createDelete();
	}

	/**
	 * Passes GET requests through, and learns the remote agent's name from an Agent Card
	 * fetched this way (as the SDK's card resolver does).
	 */
	private final class CardReadingGet implements GetBuilder {

		private final GetBuilder delegate;

		private @Nullable String url;

		CardReadingGet(GetBuilder delegate) {
			this.delegate = delegate;
		}

		@Override
		public GetBuilder url(String url) {
			this.delegate.url(url);
			this.url = url;
			return this;
		}

		@Override
		public GetBuilder addHeaders(Map<String, String> headers) {
			this.delegate.addHeaders(headers);
			return this;
		}

		@Override
		public GetBuilder addHeader(String name, String value) {
			this.delegate.addHeader(name, value);
			return this;
		}

		@Override
		public A2AHttpResponse get() throws IOException, InterruptedException {
			A2AHttpResponse response = this.delegate.get();
			try {
				URI uri = (this.url != null) ? URI.create(this.url) : null;
				if (uri != null && A2aAgentCards.isAgentCard(uri) && response.success()) {
					String body = response.body();
					if (body != null) {
						byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
						TracingA2aHttpClient.this.tracer.learnAgentCard(uri, bytes, bytes.length);
					}
				}
			}
			catch (RuntimeException ex) {
				// reading the card never fails the call
			}
			return response;
		}

		@Override
		public CompletableFuture<Void> getAsyncSSE(Consumer<String> messageConsumer,
				Consumer<Throwable> errorConsumer, Runnable completeRunnable)
				throws IOException, InterruptedException {
			return this.delegate.getAsyncSSE(messageConsumer, errorConsumer, completeRunnable);
		}

	}

	private final class TracedPost implements PostBuilder {

		private final PostBuilder delegate;

		private @Nullable String url;

		private @Nullable String body;

		private @Nullable String version;

		TracedPost(PostBuilder delegate) {
			this.delegate = delegate;
		}

		@Override
		public PostBuilder url(String url) {
			this.delegate.url(url);
			this.url = url;
			return this;
		}

		@Override
		public PostBuilder addHeaders(Map<String, String> headers) {
			this.delegate.addHeaders(headers);
			if (headers != null) {
				headers.forEach(this::noteHeader);
			}
			return this;
		}

		@Override
		public PostBuilder addHeader(String name, String value) {
			this.delegate.addHeader(name, value);
			noteHeader(name, value);
			return this;
		}

		private void noteHeader(String name, String value) {
			if (VERSION_HEADER.equalsIgnoreCase(name)) {
				this.version = value;
			}
		}

		@Override
		public PostBuilder body(String body) {
			this.delegate.body(body);
			this.body = body;
			return this;
		}

		@Override
		public A2AHttpResponse post() throws IOException, InterruptedException {
			A2aClientCallTracer.Call call = start();
			if (call == null) {
				return this.delegate.post();
			}
			A2AHttpResponse response;
			try {
				response = this.delegate.post();
			}
			catch (IOException | InterruptedException | RuntimeException | Error ex) {
				call.end(0, ex);
				throw ex;
			}
			try {
				String responseBody = response.body();
				if (responseBody != null) {
					byte[] bytes = responseBody.getBytes(StandardCharsets.UTF_8);
					call.onBytes(JSON, bytes, 0, bytes.length);
				}
				call.end(response.status(), null);
			}
			catch (RuntimeException ex) {
				call.end(0, null);
			}
			return response;
		}

		@Override
		public CompletableFuture<Void> postAsyncSSE(Consumer<String> messageConsumer,
				Consumer<Throwable> errorConsumer, Runnable completeRunnable)
				throws IOException, InterruptedException {
			A2aClientCallTracer.Call call = start();
			if (call == null) {
				return this.delegate.postAsyncSSE(messageConsumer, errorConsumer, completeRunnable);
			}
			CompletableFuture<Void> future;
			try {
				future = this.delegate.postAsyncSSE((data) -> {
					call.onEvent(data);
					messageConsumer.accept(data);
				}, (error) -> {
					call.end(0, error);
					errorConsumer.accept(error);
				}, () -> {
					call.end(0, null);
					completeRunnable.run();
				});
			}
			catch (IOException | InterruptedException | RuntimeException | Error ex) {
				call.end(0, ex);
				throw ex;
			}
			future.whenComplete((ignored, error) -> {
				if (error != null) {
					call.end(0, error);
				}
			});
			return future;
		}

		private A2aClientCallTracer.@Nullable Call start() {
			if (this.url == null || this.body == null) {
				return null;
			}
			URI uri;
			try {
				uri = URI.create(this.url);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
			byte[] bytes = this.body.getBytes(StandardCharsets.UTF_8);
			return TracingA2aHttpClient.this.tracer.start("POST", uri, bytes, bytes.length, this.version,
					this.delegate::addHeader);
		}

	}

}
