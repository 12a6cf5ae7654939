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

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.opentelemetry.context.Context;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpRequestDecorator;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * Traces calls to remote A2A agents made with Spring's {@code WebClient}: a POST whose
 * body is one buffer (as {@code bodyValue(...)} writes it) naming an A2A method gets an
 * {@code invoke_agent {remote agent}} CLIENT span, child of the context current when the
 * call is subscribed; the request carries its {@code traceparent} and baggage; the span
 * ends when the response body completes, fails or is cancelled — a server-sent event
 * stream passes through unbuffered. Request bodies written as a stream of buffers, and
 * all other requests, pass through untouched. Nothing of its own is ever thrown to the
 * caller.
 *
 * @since 0.1.0
 */
public final class A2aWebClientTracingFilter implements ExchangeFilterFunction {

	private static final String VERSION_HEADER = "A2A-Version";

	private final A2aClientCallTracer tracer;

	/**
	 * Creates the filter.
	 * @param tracer the A2A call tracer
	 */
	public A2aWebClientTracingFilter(A2aClientCallTracer tracer) {
		this.tracer = tracer;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		if (!HttpMethod.POST.equals(request.method())) {
			return next.exchange(request);
		}
		Context parent = Context.current();
		AtomicReference<A2aClientCallTracer.@Nullable Call> started = new AtomicReference<>();
		ClientRequest observed = ClientRequest.from(request)
			.body((message, context) -> request.body()
				.insert(new InspectingRequest(message, request, parent, started), context))
			.build();
		return next.exchange(observed).map((response) -> observe(response, started.get())).doOnError((error) -> {
			A2aClientCallTracer.Call call = started.get();
			if (call != null) {
				call.end(0, error);
			}
		}).doOnCancel(() -> {
			A2aClientCallTracer.Call call = started.get();
			if (call != null) {
				call.end(0, null);
			}
		});
	}

	private ClientResponse observe(ClientResponse response, A2aClientCallTracer.@Nullable Call call) {
		if (call == null) {
			return response;
		}
		int status = response.statusCode().value();
		String contentType = response.headers().contentType().map(MediaType::toString).orElse(null);
		return response.mutate()
			.body((body) -> body.doOnNext((buffer) -> call.onBytes(contentType, copy(buffer), 0,
					buffer.readableByteCount()))
				.doOnComplete(() -> call.end(status, null))
				.doOnError((error) -> call.end(status, error))
				.doOnCancel(() -> call.end(status, null)))
			.build();
	}

	private static byte[] copy(DataBuffer buffer) {
		int length = buffer.readableByteCount();
		byte[] bytes = new byte[length];
		buffer.toByteBuffer(buffer.readPosition(), ByteBuffer.wrap(bytes), 0, length);
		return bytes;
	}

	/**
	 * The outgoing request: looks at a one-buffer body before it is written, and adds the
	 * propagation headers while they can still be changed.
	 */
	private final class InspectingRequest extends ClientHttpRequestDecorator {

		private final ClientRequest request;

		private final Context parent;

		private final AtomicReference<A2aClientCallTracer.@Nullable Call> started;

		InspectingRequest(ClientHttpRequest delegate, ClientRequest request, Context parent,
				AtomicReference<A2aClientCallTracer.@Nullable Call> started) {
			super(delegate);
			this.request = request;
			this.parent = parent;
			this.started = started;
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			if (!(body instanceof Mono)) {
				return super.writeWith(body);
			}
			return Mono.from(body).<Optional<DataBuffer>>map(Optional::of)
				.defaultIfEmpty(Optional.empty())
				.flatMap((buffer) -> {
					buffer.ifPresent(this::inspect);
					return super.writeWith(Mono.justOrEmpty(buffer));
				});
		}

		private void inspect(DataBuffer buffer) {
			try {
				if (buffer.readableByteCount() > A2aWebClientTracingFilter.this.tracer.maxBodySize()) {
					return;
				}
				byte[] bytes = copy(buffer);
				HttpHeaders headers = getHeaders();
				this.started.set(A2aWebClientTracingFilter.this.tracer.start(this.parent, this.request.method().name(),
						this.request.url(), bytes, bytes.length, headers.getFirst(VERSION_HEADER), headers::set));
			}
			catch (RuntimeException ex) {
				// an untraced call rather than a failed one
			}
		}

	}

}
