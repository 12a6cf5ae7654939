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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.genaitracing.semconv.McpAttributes;
import io.github.genaitracing.core.SpanHandle;
import io.github.genaitracing.servlet.TeeServletOutputStream;

/**
 * Traces the MCP requests and notifications a Spring MVC MCP server endpoint (Spring AI's
 * streamable HTTP, SSE and stateless WebMVC transports) receives: a SERVER span per
 * JSON-RPC message posted, whose parent is the context in {@code params._meta} (the HTTP
 * request's own span becomes a link) or, without one, the HTTP request's span; a
 * {@code tools/call} runs in an {@code execute_tool {tool}} span under it. The request
 * reaches the transport byte for byte as it came; whatever fails in the tracing, the
 * response is the one the transport makes.
 *
 * @since 0.1.0
 */
public final class McpServerTracingFilter implements HandlerFilterFunction<ServerResponse, ServerResponse> {

	private static final JsonMapper MAPPER = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
			.build())
		.build();

	private static final String SESSION_HEADER = "Mcp-Session-Id";

	private static final String PROTOCOL_VERSION_HEADER = "MCP-Protocol-Version";

	private final McpSpans spans;

	private final long maxBodySize;

	private final int maxResponseSize;

	/**
	 * Creates the filter.
	 * @param spans the span maker
	 * @param maxBodySize largest request body parsed; larger ones pass untraced
	 * @param maxResponseSize largest response copy kept to read the outcome from
	 */
	public McpServerTracingFilter(McpSpans spans, long maxBodySize, int maxResponseSize) {
		this.spans = spans;
		this.maxBodySize = maxBodySize;
		this.maxResponseSize = maxResponseSize;
	}

	@Override
	public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
		if (!HttpMethod.POST.equals(request.method())) {
			return next.handle(request);
		}
		byte[] body;
		try {
			body = request.servletRequest().getInputStream().readAllBytes();
		}
		catch (IOException ex) {
			return next.handle(request);
		}
		ServerRequest replay = ServerRequest.from(request).body(body).build();
		McpCall call = (body.length <= this.maxBodySize) ? start(request, body) : null;
		if (call == null) {
			return next.handle(replay);
		}
		ServerResponse response;
		try (Scope scope = makeCurrent(call)) {
			response = next.handle(replay);
		}
		catch (Exception | Error ex) {
			call.end(McpCall.Outcome.failure(ex));
			throw ex;
		}
		return new TracingResponse(response, call);
	}

	private @Nullable McpCall start(ServerRequest request, byte[] body) {
		try {
			JsonNode message = MAPPER.readTree(body);
			if (message == null || !message.isObject()) {
				return null;
			}
			JsonNode method = message.get("method");
			if (method == null || !method.isString()) {
				return null;
			}
			JsonNode paramsNode = message.get("params");
			Map<String, Object> params = new LinkedHashMap<>();
			Object meta = null;
			if (paramsNode != null && paramsNode.isObject()) {
				for (String name : new String[] { "name", "uri", "protocolVersion" }) {
					JsonNode value = paramsNode.get(name);
					if (value != null && value.isString()) {
						params.put(name, value.stringValue());
					}
				}
				meta = meta(paramsNode.get(McpAttributes.META));
			}
			JsonNode idNode = message.get("id");
			Object id = (idNode == null) ? null : idNode.isString() ? idNode.stringValue()
					: idNode.isIntegralNumber() ? idNode.asString() : null;
			McpMessage mcp = McpMessage.of(method.stringValue(), id, params);
			McpSpans.ServerParent parent = this.spans.serverParent(Context.current(), meta);
			HttpServletRequest servlet = request.servletRequest();
			McpCall call = this.spans.startServer(mcp, parent.context(), parent.link(),
					new McpSpans.ServerSide(McpAttributes.TRANSPORT_TCP, "http",
							McpMessage.bounded(servlet.getHeader(SESSION_HEADER), McpMessage.MAX_VALUE_LENGTH),
							McpMessage.bounded(servlet.getHeader(PROTOCOL_VERSION_HEADER), McpMessage.MAX_NAME_LENGTH),
							servlet.getRemoteAddr(), servlet.getRemotePort()));
			if (call.tool() != null && paramsNode != null) {
				this.spans.recordToolArguments(call, paramsNode.get("arguments"));
			}
			return call;
		}
		catch (RuntimeException ex) {
			McpSpans.failed(ex);
			return null;
		}
	}

	private static @Nullable Map<String, Object> meta(@Nullable JsonNode node) {
		if (node == null || !node.isObject()) {
			return null;
		}
		Map<String, Object> meta = new LinkedHashMap<>(4);
		for (String key : new String[] { McpAttributes.META_TRACEPARENT, McpAttributes.META_TRACESTATE,
				McpAttributes.META_BAGGAGE }) {
			JsonNode value = node.get(key);
			if (value != null && value.isString()) {
				meta.put(key, value.stringValue());
			}
		}
		return meta;
	}

	private static Scope makeCurrent(McpCall call) {
		SpanHandle tool = call.tool();
		return (tool != null) ? tool.makeCurrent() : call.span().makeCurrent();
	}

	private void finish(McpCall call, CapturingResponse response) {
		if (call.isEnded()) {
			return;
		}
		McpSpans.safely(() -> {
			if (McpAttributes.METHOD_INITIALIZE.equals(call.request().method())) {
				call.sessionId(McpMessage.bounded(response.getHeader(SESSION_HEADER), McpMessage.MAX_VALUE_LENGTH));
			}
			JsonNode reply = response.reply(call.request().requestId());
			if (reply != null) {
				JsonNode error = reply.get("error");
				if (error != null && error.isObject()) {
					JsonNode code = error.get("code");
					JsonNode message = error.get("message");
					call.end(McpCall.Outcome.rpcError((code != null && code.isIntegralNumber()) ? code.asInt() : 0,
							(message != null && message.isString()) ? message.stringValue() : null));
					return;
				}
				JsonNode result = reply.get("result");
				if (result != null && result.isObject()) {
					JsonNode version = result.get("protocolVersion");
					if (version != null && version.isString()
							&& McpAttributes.METHOD_INITIALIZE.equals(call.request().method())) {
						call.protocolVersion(McpMessage.bounded(version.stringValue(), McpMessage.MAX_NAME_LENGTH));
					}
					JsonNode isError = result.get("isError");
					if (isError != null && isError.isBoolean() && isError.booleanValue()) {
						call.end(McpCall.Outcome.toolError());
						return;
					}
					if (call.tool() != null) {
						JsonNode content = result.get("content");
						this.spans.recordToolResult(call, (content != null) ? content : result);
					}
				}
			}
			else if (response.getStatus() >= 400) {
				call.end(McpCall.Outcome.of(String.valueOf(response.getStatus()), null));
				return;
			}
			call.end(McpCall.Outcome.OK);
		});
		call.end(McpCall.Outcome.OK);
	}

	/**
	 * The transport's response, written in the request's spans, ending them once written.
	 */
	private final class TracingResponse implements ServerResponse {

		private final ServerResponse delegate;

		private final McpCall call;

		TracingResponse(ServerResponse delegate, McpCall call) {
			this.delegate = delegate;
			this.call = call;
		}

		@Override
		public HttpStatusCode statusCode() {
			return this.delegate.statusCode();
		}

		@Override
		public HttpHeaders headers() {
			return this.delegate.headers();
		}

		@Override
		public MultiValueMap<String, jakarta.servlet.http.Cookie> cookies() {
			return this.delegate.cookies();
		}

		@Override
		public @Nullable ModelAndView writeTo(HttpServletRequest request, HttpServletResponse response,
				ServerResponse.Context context) throws ServletException, IOException {
			CapturingResponse capturing = new CapturingResponse(response,
					McpServerTracingFilter.this.maxResponseSize);
			// the reply is complete when it is flushed: end the spans before the client can
			// read it (and end the span it parents), not when the stream is closed later
			capturing.beforeFlush(() -> {
				if (!this.call.isEnded() && capturing.reply(this.call.request().requestId()) != null) {
					finish(this.call, capturing);
				}
			});
			ModelAndView result;
			try (Scope scope = makeCurrent(this.call)) {
				result = this.delegate.writeTo(request, capturing, context);
			}
			catch (ServletException | IOException | RuntimeException | Error ex) {
				this.call.end(McpCall.Outcome.failure(ex));
				throw ex;
			}
			finish(this.call, capturing);
			return result;
		}

	}

	/**
	 * Keeps a bounded copy of what is written to the output stream.
	 */
	static final class CapturingResponse extends HttpServletResponseWrapper {

		private final ByteArrayOutputStream copy = new ByteArrayOutputStream(256);

		private final int limit;

		private boolean overflow;

		private @Nullable ServletOutputStream stream;

		private @Nullable Runnable beforeFlush;

		CapturingResponse(HttpServletResponse response, int limit) {
			super(response);
			this.limit = limit;
		}

		/**
		 * Runs an action before each flush of the output stream.
		 */
		void beforeFlush(Runnable action) {
			this.beforeFlush = action;
		}

		@Override
		public void flushBuffer() throws IOException {
			flushing();
			super.flushBuffer();
		}

		private void flushing() {
			Runnable action = this.beforeFlush;
			if (action != null) {
				McpSpans.safely(action);
			}
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			ServletOutputStream stream = this.stream;
			if (stream == null) {
				stream = new TeeServletOutputStream(super.getOutputStream(), new TeeServletOutputStream.Observer() {

					@Override
					public void written(byte[] bytes, int offset, int length) {
						keep(bytes, offset, length);
					}

					@Override
					public void beforeFlush() {
						flushing();
					}

				});
				this.stream = stream;
			}
			return stream;
		}

		synchronized void keep(byte[] bytes, int offset, int length) {
			if (this.overflow) {
				return;
			}
			if (this.copy.size() + length > this.limit) {
				this.overflow = true;
				return;
			}
			this.copy.write(bytes, offset, length);
		}

		/**
		 * The JSON-RPC response to the request, from a JSON body or a server-sent event.
		 */
		synchronized @Nullable JsonNode reply(@Nullable String requestId) {
			if (this.overflow || this.copy.size() == 0 || requestId == null) {
				return null;
			}
			String text = this.copy.toString(StandardCharsets.UTF_8).strip();
			if (text.startsWith("{")) {
				return matching(text, requestId);
			}
			StringBuilder data = new StringBuilder();
			for (String line : text.split("\r?\n", -1)) {
				if (line.startsWith("data:")) {
					data.append(line.substring(line.startsWith("data: ") ? 6 : 5)).append('\n');
				}
				else if (line.isEmpty() && !data.isEmpty()) {
					JsonNode reply = matching(data.toString(), requestId);
					if (reply != null) {
						return reply;
					}
					data.setLength(0);
				}
			}
			return data.isEmpty() ? null : matching(data.toString(), requestId);
		}

		private static @Nullable JsonNode matching(String json, String requestId) {
			try {
				JsonNode node = MAPPER.readTree(json);
				JsonNode id = (node != null) ? node.get("id") : null;
				if (id != null && requestId.equals(id.isString() ? id.stringValue() : id.asString())
						&& (node.has("result") || node.has("error"))) {
					return node;
				}
			}
			catch (RuntimeException ex) {
				// not a JSON-RPC message
			}
			return null;
		}

	}

}
