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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.core.SpanHandle;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.semconv.McpAttributes;
import io.github.genaitracing.spi.GenAiOperation;
import io.github.genaitracing.spi.McpRequest;
import io.github.genaitracing.spi.ToolExecution;

/**
 * The one place MCP spans are started, all through the {@link SpanLifecycle}: the CLIENT
 * span of a request sent and the SERVER span of a request received (an {@link McpRequest}
 * operation, which the vocabularies describe with the MCP conventions' attributes); the
 * {@code execute_tool} span a server runs a tool in (a {@link ToolExecution}, under the
 * content policy); and the trace context carried in {@code params._meta}.
 * <p>
 * A {@code tools/call} CLIENT span started inside an open {@code execute_tool} span of
 * the same tool (Spring AI tool calling) is that tool span's child and does not say
 * {@code gen_ai.operation.name}, so backends count one tool execution; on its own it
 * says {@code execute_tool}, as the conventions ask.
 *
 * @since 0.1.0
 */
public final class McpSpans {

	private static final Log logger = LogFactory.getLog(McpSpans.class);

	/** Longest {@code traceparent} read from {@code _meta}. */
	static final int MAX_TRACEPARENT_LENGTH = 256;

	/** Longest {@code tracestate} read from {@code _meta}. */
	static final int MAX_TRACESTATE_LENGTH = 512;

	/** Longest {@code baggage} read from {@code _meta} (the W3C limit). */
	static final int MAX_BAGGAGE_LENGTH = 8192;

	/** Longest conversation id taken from baggage. */
	static final int MAX_CONVERSATION_ID_LENGTH = 256;

	private static final List<String> META_KEYS = List.of(McpAttributes.META_TRACEPARENT,
			McpAttributes.META_TRACESTATE, McpAttributes.META_BAGGAGE);

	private static final TextMapSetter<Map<String, Object>> SETTER = (carrier, key, value) -> {
		if (carrier != null && META_KEYS.contains(key)) {
			carrier.put(key, value);
		}
	};

	private static final TextMapGetter<Map<?, ?>> GETTER = new TextMapGetter<>() {

		@Override
		public Iterable<String> keys(Map<?, ?> carrier) {
			return META_KEYS;
		}

		@Override
		public @Nullable String get(@Nullable Map<?, ?> carrier, String key) {
			if (carrier == null) {
				return null;
			}
			Object value = carrier.get(key);
			if (!(value instanceof String text)) {
				return null;
			}
			int max = switch (key) {
				case McpAttributes.META_TRACEPARENT -> MAX_TRACEPARENT_LENGTH;
				case McpAttributes.META_TRACESTATE -> MAX_TRACESTATE_LENGTH;
				case McpAttributes.META_BAGGAGE -> MAX_BAGGAGE_LENGTH;
				default -> 0;
			};
			return (text.length() <= max) ? text : null;
		}

	};

	private final SpanLifecycle lifecycle;

	private final ContentPolicy contentPolicy;

	private final TextMapPropagator propagator;

	private final @Nullable String conversationIdBaggageKey;

	private final @Nullable McpMetrics metrics;

	/**
	 * Creates the span maker.
	 * @param openTelemetry the OpenTelemetry instance: tracer and propagators
	 * @param lifecycle the span lifecycle
	 * @param contentPolicy the content policy of tool arguments and results
	 * @param conversationIdBaggageKey the baggage key of the conversation id, or
	 * {@code null}
	 * @param metrics the duration metrics, or {@code null} for none
	 */
	public McpSpans(OpenTelemetry openTelemetry, SpanLifecycle lifecycle, ContentPolicy contentPolicy,
			@Nullable String conversationIdBaggageKey, @Nullable McpMetrics metrics) {
		this.lifecycle = lifecycle;
		this.contentPolicy = contentPolicy;
		this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
		this.conversationIdBaggageKey = (conversationIdBaggageKey == null || conversationIdBaggageKey.isBlank())
				? null : conversationIdBaggageKey;
		this.metrics = metrics;
	}

	McpCall startClient(McpMessage message, Context parent, String transport) {
		boolean insideToolSpan = message.toolName() != null
				&& this.lifecycle.currentTool(parent, message.toolName()) != null;
		McpRequest request = describe(McpRequest.sent(message.method()), message).transport(transport, null)
			.insideToolSpan(insideToolSpan)
			.build();
		SpanHandle span = this.lifecycle.start(request, conversationId(parent), parent);
		return new McpCall(span, message, true, transport, this.metrics);
	}

	McpCall startServer(McpMessage message, Context parent, @Nullable SpanContext link, ServerSide side) {
		McpRequest.Builder builder = describe(McpRequest.received(message.method()), message)
			.transport(side.transport(), side.protocolName())
			.sessionId(side.sessionId())
			.client(side.clientAddress(), (side.clientPort() > 0) ? (long) side.clientPort() : null);
		if (side.protocolVersion() != null) {
			builder.protocolVersion(side.protocolVersion());
		}
		if (link != null) {
			builder.link(link);
		}
		String conversationId = conversationId(parent);
		SpanHandle span = this.lifecycle.start(builder.build(), conversationId, parent);
		McpCall call = new McpCall(span, message, false, side.transport(), this.metrics);
		if (side.protocolVersion() != null) {
			call.protocolVersion(side.protocolVersion());
		}
		if (message.toolName() != null) {
			call.tool(this.lifecycle.start(GenAiOperation.tool(message.toolName()).build(), conversationId,
					span.context()));
		}
		return call;
	}

	private static McpRequest.Builder describe(McpRequest.Builder builder, McpMessage message) {
		return builder.requestId(message.requestId())
			.toolName(message.toolName())
			.promptName(message.promptName())
			.resourceUri(message.resourceUri())
			.protocolVersion(message.protocolVersion());
	}

	/**
	 * Records a tool's arguments on the call's tool span, under the content policy.
	 */
	void recordToolArguments(McpCall call, @Nullable Object arguments) {
		SpanHandle tool = call.tool();
		if (tool != null && arguments != null && this.contentPolicy.isEnabled()) {
			tool.captureInput(() -> this.contentPolicy.capture(arguments));
		}
	}

	/**
	 * Records a tool's result on the call's tool span, under the content policy.
	 */
	void recordToolResult(McpCall call, @Nullable Object result) {
		SpanHandle tool = call.tool();
		if (tool != null && result != null && this.contentPolicy.isEnabled()) {
			tool.captureOutput(() -> this.contentPolicy.capture(result));
		}
	}

	/**
	 * The trace context entries to put in {@code params._meta} of a request sent in the
	 * given context.
	 */
	Map<String, Object> meta(Context context) {
		Map<String, Object> meta = new LinkedHashMap<>(4);
		this.propagator.inject(context, meta, SETTER);
		return meta;
	}

	/**
	 * The context carried by a received request's {@code params._meta}: remote parent and
	 * baggage, read from string values of bounded length only; a conversation id longer
	 * than the bound is dropped from the baggage.
	 * @param meta the {@code _meta} value, whatever its type
	 * @return the context on top of {@link Context#root()}
	 */
	Context extract(@Nullable Object meta) {
		if (!(meta instanceof Map<?, ?> map) || map.isEmpty()) {
			return Context.root();
		}
		Context context = this.propagator.extract(Context.root(), map, GETTER);
		String key = this.conversationIdBaggageKey;
		if (key != null) {
			Baggage baggage = Baggage.fromContext(context);
			String conversationId = baggage.getEntryValue(key);
			if (conversationId != null && conversationId.length() > MAX_CONVERSATION_ID_LENGTH) {
				context = baggage.toBuilder().remove(key).build().storeInContext(context);
			}
		}
		return context;
	}

	/**
	 * The parent of a server span: the context in {@code params._meta} when it has a valid
	 * {@code traceparent} (the transport's span, if a different one, becomes a link), else
	 * the transport's context with the baggage from {@code _meta}.
	 * @param transport the transport's context (the HTTP request's span, or none)
	 * @param meta the request's {@code _meta}, whatever its type
	 * @return the parent and the link
	 */
	ServerParent serverParent(Context transport, @Nullable Object meta) {
		Context fromMeta = extract(meta);
		SpanContext remote = Span.fromContext(fromMeta).getSpanContext();
		if (remote.isValid()) {
			SpanContext local = Span.fromContext(transport).getSpanContext();
			return new ServerParent(fromMeta, (local.isValid() && !local.equals(remote)) ? local : null);
		}
		return new ServerParent(withBaggage(transport, Baggage.fromContext(fromMeta)), null);
	}

	private static Context withBaggage(Context context, Baggage extra) {
		if (extra.isEmpty()) {
			return context;
		}
		BaggageBuilder builder = Baggage.fromContext(context).toBuilder();
		extra.forEach((key, entry) -> builder.put(key, entry.getValue(), entry.getMetadata()));
		return builder.build().storeInContext(context);
	}

	/**
	 * Whether the context's span is the open tool span of that tool, that is, the request
	 * is already traced (by the WebMVC filter).
	 */
	boolean isToolCurrent(Context context, @Nullable String toolName) {
		return toolName != null && this.lifecycle.currentTool(context, toolName) != null;
	}

	private @Nullable String conversationId(Context parent) {
		String conversationId = this.lifecycle.inheritedConversationId(parent);
		return (conversationId != null && conversationId.length() <= MAX_CONVERSATION_ID_LENGTH) ? conversationId
				: null;
	}

	static void safely(Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			failed(ex);
		}
	}

	static void failed(RuntimeException ex) {
		logger.debug("MCP tracing step failed", ex);
	}

	/**
	 * The parent of a server span and the link to the transport's span.
	 *
	 * @param context the parent context (with the baggage from {@code _meta})
	 * @param link the transport's span when the parent came from {@code _meta}, or
	 * {@code null}
	 */
	record ServerParent(Context context, @Nullable SpanContext link) {
	}

	/**
	 * What the server side knows of the transport a request came over.
	 *
	 * @param transport the {@code network.transport}
	 * @param protocolName the {@code network.protocol.name}, or {@code null}
	 * @param sessionId the MCP session id, or {@code null}
	 * @param protocolVersion the protocol version header, or {@code null}
	 * @param clientAddress the peer address, or {@code null}
	 * @param clientPort the peer port, or 0
	 */
	record ServerSide(String transport, @Nullable String protocolName, @Nullable String sessionId,
			@Nullable String protocolVersion, @Nullable String clientAddress, int clientPort) {
	}

}
