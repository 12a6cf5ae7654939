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

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.jspecify.annotations.Nullable;

import io.github.genaitracing.core.SpanHandle;
import io.github.genaitracing.semconv.McpAttributes;

/**
 * Traces the tool calls of an MCP server over any transport, stdio included, by wrapping
 * its tool specifications: each {@code tools/call} the handler receives is a SERVER span
 * {@code tools/call {tool}} whose parent is the context in the request's
 * {@code params._meta} ({@code traceparent}, {@code baggage}), with the tool running in an
 * {@code execute_tool {tool}} span under it, arguments and result under the content
 * policy. A call already traced by the WebMVC filter (its tool span is current) is passed
 * through untouched, so a request never gets two server spans.
 * <p>
 * The span covers the handler only (the SDK's reading and writing of the message are
 * outside it), and carries no {@code jsonrpc.request.id}, which the handler does not see.
 *
 * @since 0.1.0
 */
public final class McpServerToolTracing {

	private final McpSpans spans;

	private final Supplier<String> transport;

	/**
	 * Creates the wrapper.
	 * @param spans the span maker
	 * @param transport the {@code network.transport} of the server ({@code pipe} for
	 * stdio), read on the first call
	 */
	public McpServerToolTracing(McpSpans spans, Supplier<String> transport) {
		this.spans = spans;
		this.transport = transport;
	}

	/**
	 * Returns the specification with a traced call handler (the same one if it is
	 * already traced).
	 * @param specification the tool specification
	 * @return the traced specification
	 */
	public McpServerFeatures.SyncToolSpecification wrap(McpServerFeatures.SyncToolSpecification specification) {
		if (specification.callHandler() instanceof TracingCallHandler) {
			return specification;
		}
		return new McpServerFeatures.SyncToolSpecification(specification.tool(),
				new TracingCallHandler(specification.callHandler()));
	}

	private @Nullable McpCall start(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
		try {
			String name = request.name();
			McpMessage message = McpMessage.of(McpAttributes.METHOD_TOOLS_CALL, null,
					(name != null) ? Map.of("name", name) : null);
			Context current = Context.current();
			if (this.spans.isToolCurrent(current, message.toolName())) {
				return null;
			}
			McpSpans.ServerParent parent = this.spans.serverParent(current, request.meta());
			String transport = this.transport.get();
			String sessionId = McpAttributes.TRANSPORT_PIPE.equals(transport) ? null
					: McpMessage.bounded(exchange.sessionId(), McpMessage.MAX_VALUE_LENGTH);
			McpCall call = this.spans.startServer(message, parent.context(), parent.link(),
					new McpSpans.ServerSide(transport, null, sessionId, null, null, 0));
			McpSpans.safely(() -> this.spans.recordToolArguments(call, request.arguments()));
			return call;
		}
		catch (RuntimeException ex) {
			McpSpans.failed(ex);
			return null;
		}
	}

	private void finish(McpCall call, McpSchema.@Nullable CallToolResult result) {
		McpCall.Outcome outcome = McpCall.Outcome.OK;
		try {
			if (result != null && Boolean.TRUE.equals(result.isError())) {
				outcome = McpCall.Outcome.toolError();
			}
			else if (result != null) {
				this.spans.recordToolResult(call, result.content());
			}
		}
		catch (RuntimeException ex) {
			McpSpans.failed(ex);
		}
		finally {
			call.end(outcome);
		}
	}

	/**
	 * The traced handler: the call runs with the tool span current.
	 */
	private final class TracingCallHandler
			implements BiFunction<McpSyncServerExchange, McpSchema.CallToolRequest, McpSchema.CallToolResult> {

		private final BiFunction<McpSyncServerExchange, McpSchema.CallToolRequest, McpSchema.CallToolResult> delegate;

		TracingCallHandler(
				BiFunction<McpSyncServerExchange, McpSchema.CallToolRequest, McpSchema.CallToolResult> delegate) {
			this.delegate = delegate;
		}

		@Override
		public McpSchema.CallToolResult apply(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
			McpCall call = start(exchange, request);
			if (call == null) {
				return this.delegate.apply(exchange, request);
			}
			McpSchema.CallToolResult result;
			SpanHandle tool = call.tool();
			try (Scope scope = (tool != null) ? tool.makeCurrent() : call.span().makeCurrent()) {
				result = this.delegate.apply(exchange, request);
			}
			catch (RuntimeException | Error ex) {
				call.end(McpCall.Outcome.failure(ex));
				throw ex;
			}
			finish(call, result);
			return result;
		}

	}

}
