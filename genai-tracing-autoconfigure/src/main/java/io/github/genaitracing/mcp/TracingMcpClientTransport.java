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

package io.github.genaitracing.mcp;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.opentelemetry.context.Context;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.github.genaitracing.semconv.McpAttributes;

/**
 * An {@link McpClientTransport} that traces what the client sends: each request is a
 * CLIENT span, from the send until its response arrives, and carries the span's trace
 * context (and baggage, with the conversation id) in {@code params._meta}; each
 * notification is a CLIENT span until it is sent. The application's own {@code _meta}
 * entries are kept; the reserved {@code traceparent}, {@code tracestate} and
 * {@code baggage} entries are the span's. What the server sends on its own initiative
 * (requests, notifications) passes through untraced. Whatever fails in the tracing, the
 * message is sent as it would have been without it.
 *
 * @since 0.1.0
 */
public final class TracingMcpClientTransport implements McpClientTransport {

	/**
	 * Key under which a traced call is visible to the HTTP request customizer through
	 * the {@link McpTransportContext}.
	 */
	static final String CALL_KEY = TracingMcpClientTransport.class.getName() + ".call";

	private static final TypeRef<Map<String, Object>> MAP = new TypeRef<>() {
	};

	private final McpClientTransport delegate;

	private final McpSpans spans;

	private final String transport;

	private final int maxPending;

	private final long staleAfterNanos;

	private final Map<String, McpCall> pending = new ConcurrentHashMap<>();

	private volatile @Nullable String protocolVersion;

	/**
	 * Wraps a transport.
	 * @param delegate the transport
	 * @param spans the span maker
	 * @param maxPending most requests awaiting a response that are traced at once; more
	 * are sent untraced
	 * @param staleAfter how long a request may await its response before its span is
	 * ended as {@code timeout} to make room for new ones
	 */
	public TracingMcpClientTransport(McpClientTransport delegate, McpSpans spans, int maxPending,
			Duration staleAfter) {
		this.delegate = delegate;
		this.spans = spans;
		this.transport = delegate.getClass().getSimpleName().startsWith("Stdio") ? McpAttributes.TRANSPORT_PIPE
				: McpAttributes.TRANSPORT_TCP;
		this.maxPending = maxPending;
		this.staleAfterNanos = staleAfter.toNanos();
	}

	/**
	 * Returns the wrapped transport.
	 * @return the transport
	 */
	public McpClientTransport getDelegate() {
		return this.delegate;
	}

	@Override
	public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
		return this.delegate.connect((message) -> handler.apply(message.doOnNext(this::received)));
	}

	@Override
	public void setExceptionHandler(Consumer<Throwable> handler) {
		this.delegate.setExceptionHandler(handler);
	}

	@Override
	public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
		if (!(message instanceof McpSchema.JSONRPCRequest) && !(message instanceof McpSchema.JSONRPCNotification)) {
			return this.delegate.sendMessage(message);
		}
		return Mono.deferContextual((reactorContext) -> {
			Traced traced = trace(message, Context.current());
			if (traced == null) {
				return this.delegate.sendMessage(message);
			}
			McpCall call = traced.call();
			McpTransportContext transportContext = reactorContext.getOrDefault(McpTransportContext.KEY,
					McpTransportContext.EMPTY);
			Mono<Void> sent;
			try {
				sent = this.delegate.sendMessage(traced.message());
			}
			catch (RuntimeException ex) {
				forget(call);
				call.end(McpCall.Outcome.failure(ex));
				throw ex;
			}
			return sent
				.contextWrite((context) -> context.put(McpTransportContext.KEY,
						new CallTransportContext(transportContext, call)))
				.doOnError((error) -> {
					forget(call);
					call.end(McpCall.Outcome.failure(error));
				})
				.doOnSuccess((ignored) -> {
					if (call.request().isNotification()) {
						call.end(McpCall.Outcome.OK);
					}
				})
				.doOnCancel(() -> {
					if (call.request().isNotification()) {
						call.end(McpCall.Outcome.OK);
					}
				});
		});
	}

	private @Nullable Traced trace(McpSchema.JSONRPCMessage message, Context parent) {
		McpCall call = null;
		try {
			String method;
			Object id = null;
			Object params;
			if (message instanceof McpSchema.JSONRPCRequest request) {
				method = request.method();
				id = request.id();
				params = request.params();
				if (this.pending.size() >= this.maxPending && sweepStale() >= this.maxPending) {
					return null;
				}
			}
			else {
				McpSchema.JSONRPCNotification notification = (McpSchema.JSONRPCNotification) message;
				method = notification.method();
				params = notification.params();
			}
			Map<String, Object> map = asMap(params);
			if (map == null) {
				return null;
			}
			McpMessage request = McpMessage.of(method, id, map);
			call = this.spans.startClient(request, parent, this.transport);
			call.protocolVersion(this.protocolVersion);
			Map<String, Object> withMeta = withMeta(map, this.spans.meta(call.context()));
			McpSchema.JSONRPCMessage traced = (message instanceof McpSchema.JSONRPCRequest jsonRpc)
					? new McpSchema.JSONRPCRequest(jsonRpc.jsonrpc(), method, id, withMeta)
					: new McpSchema.JSONRPCNotification(((McpSchema.JSONRPCNotification) message).jsonrpc(), method,
							withMeta);
			if (request.requestId() != null) {
				this.pending.put(request.requestId(), call);
			}
			else if ("notifications/cancelled".equals(method)) {
				McpCall cancelled = this.pending.remove(String.valueOf(map.get("requestId")));
				if (cancelled != null) {
					cancelled.end(McpCall.Outcome.of("cancelled", null));
				}
			}
			return new Traced(traced, call);
		}
		catch (RuntimeException ex) {
			McpSpans.failed(ex);
			if (call != null) {
				forget(call);
				call.end(McpCall.Outcome.OK);
			}
			return null;
		}
	}

	private @Nullable Map<String, Object> asMap(@Nullable Object params) {
		if (params == null) {
			return new LinkedHashMap<>();
		}
		if (params instanceof McpSchema.CallToolRequest call) {
			Map<String, Object> map = new LinkedHashMap<>(4);
			map.put("name", call.name());
			if (call.arguments() != null) {
				map.put("arguments", call.arguments());
			}
			if (call.meta() != null) {
				map.put(McpAttributes.META, call.meta());
			}
			return map;
		}
		if (params instanceof Map<?, ?> source) {
			Map<String, Object> map = new LinkedHashMap<>(source.size() + 1);
			source.forEach((key, value) -> map.put(String.valueOf(key), value));
			return map;
		}
		return this.delegate.unmarshalFrom(params, MAP);
	}

	private static Map<String, Object> withMeta(Map<String, Object> params, Map<String, Object> context) {
		Object existing = params.get(McpAttributes.META);
		if (existing != null && !(existing instanceof Map)) {
			// an application _meta that is not an object is left as it is
			return params;
		}
		Map<String, Object> meta = new LinkedHashMap<>();
		if (existing instanceof Map<?, ?> entries) {
			entries.forEach((key, value) -> meta.put(String.valueOf(key), value));
		}
		meta.putAll(context);
		params.put(McpAttributes.META, meta);
		return params;
	}

	private void received(McpSchema.JSONRPCMessage message) {
		if (!(message instanceof McpSchema.JSONRPCResponse response) || response.id() == null) {
			return;
		}
		McpSpans.safely(() -> {
			McpCall call = this.pending.remove(String.valueOf(response.id()));
			if (call == null) {
				return;
			}
			McpSchema.JSONRPCResponse.JSONRPCError error = response.error();
			if (error != null) {
				call.end(McpCall.Outcome.rpcError((error.code() != null) ? error.code() : 0, error.message()));
				return;
			}
			if (response.result() instanceof Map<?, ?> result) {
				if (McpAttributes.METHOD_INITIALIZE.equals(call.request().method())) {
					String version = McpMessage.bounded(result.get("protocolVersion"), McpMessage.MAX_NAME_LENGTH);
					this.protocolVersion = version;
					call.protocolVersion(version);
				}
				if (Boolean.TRUE.equals(result.get("isError"))) {
					call.end(McpCall.Outcome.toolError());
					return;
				}
			}
			call.end(McpCall.Outcome.OK);
		});
	}

	/**
	 * Ends the spans of requests whose response is overdue (the client gave up on them)
	 * and returns how many are still pending.
	 */
	private int sweepStale() {
		long now = System.nanoTime();
		for (McpCall call : List.copyOf(this.pending.values())) {
			if (now - call.startNanos() > this.staleAfterNanos) {
				forget(call);
				call.end(McpCall.Outcome.of("timeout", null));
			}
		}
		return this.pending.size();
	}

	private void forget(McpCall call) {
		String id = call.request().requestId();
		if (id != null) {
			this.pending.remove(id, call);
		}
	}

	@Override
	public Mono<Void> closeGracefully() {
		return this.delegate.closeGracefully().doFinally((signal) -> endPending());
	}

	@Override
	public void close() {
		try {
			this.delegate.close();
		}
		finally {
			endPending();
		}
	}

	private void endPending() {
		for (String id : List.copyOf(this.pending.keySet())) {
			McpCall call = this.pending.remove(id);
			if (call != null) {
				call.end(McpCall.Outcome.of("transport_closed", null));
			}
		}
	}

	/**
	 * Number of requests awaiting a response; for tests.
	 * @return the number
	 */
	int pendingCount() {
		return this.pending.size();
	}

	@Override
	public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
		return this.delegate.unmarshalFrom(data, typeRef);
	}

	@Override
	public List<String> protocolVersions() {
		return this.delegate.protocolVersions();
	}

	@Override
	public String toString() {
		return "Tracing" + this.delegate;
	}

	private record Traced(McpSchema.JSONRPCMessage message, McpCall call) {
	}

	/**
	 * The application's transport context, plus the traced call for the HTTP request
	 * customizer.
	 */
	private record CallTransportContext(McpTransportContext delegate, McpCall call) implements McpTransportContext {

		@Override
		public @Nullable Object get(String key) {
			return CALL_KEY.equals(key) ? this.call : this.delegate.get(key);
		}

	}

}
