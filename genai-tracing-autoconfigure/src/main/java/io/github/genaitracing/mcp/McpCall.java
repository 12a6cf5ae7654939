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

import java.util.concurrent.atomic.AtomicBoolean;

import io.opentelemetry.context.Context;
import org.jspecify.annotations.Nullable;

import io.github.genaitracing.core.SpanHandle;
import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.semconv.McpAttributes;

/**
 * One traced MCP request or notification, client or server side: its span, what is
 * learnt while it runs (session, protocol version, server) and its one end, which also
 * records the duration metric. Nothing here throws.
 */
final class McpCall {

	private final SpanHandle span;

	private final McpMessage request;

	private final boolean client;

	private final String transport;

	private final long startNanos;

	private final @Nullable McpMetrics metrics;

	private final AtomicBoolean ended = new AtomicBoolean();

	private volatile @Nullable String protocolVersion;

	private volatile @Nullable String serverAddress;

	private volatile @Nullable Long serverPort;

	private volatile @Nullable SpanHandle tool;

	McpCall(SpanHandle span, McpMessage request, boolean client, String transport, @Nullable McpMetrics metrics) {
		this.span = span;
		this.request = request;
		this.client = client;
		this.transport = transport;
		this.metrics = metrics;
		this.startNanos = System.nanoTime();
		this.protocolVersion = request.protocolVersion();
	}

	SpanHandle span() {
		return this.span;
	}

	/**
	 * The context the request's work runs in: the tool span's when there is one.
	 */
	Context context() {
		SpanHandle tool = this.tool;
		return (tool != null) ? tool.context() : this.span.context();
	}

	McpMessage request() {
		return this.request;
	}

	boolean isClient() {
		return this.client;
	}

	String transport() {
		return this.transport;
	}

	long startNanos() {
		return this.startNanos;
	}

	@Nullable String protocolVersion() {
		return this.protocolVersion;
	}

	@Nullable String serverAddress() {
		return this.serverAddress;
	}

	@Nullable Long serverPort() {
		return this.serverPort;
	}

	@Nullable SpanHandle tool() {
		return this.tool;
	}

	void tool(SpanHandle tool) {
		this.tool = tool;
	}

	void protocolVersion(@Nullable String version) {
		if (version != null && !this.ended.get()) {
			this.protocolVersion = version;
			this.span.setProtocolAttribute(McpAttributes.PROTOCOL_VERSION, version);
		}
	}

	void sessionId(@Nullable String sessionId) {
		if (sessionId != null && !this.ended.get()) {
			this.span.setProtocolAttribute(McpAttributes.SESSION_ID, sessionId);
		}
	}

	void server(@Nullable String address, int port) {
		if (address != null && !address.isEmpty() && !this.ended.get()) {
			this.serverAddress = address;
			this.span.setProtocolAttribute(GenAiAttributes.SERVER_ADDRESS, address);
			if (port > 0) {
				this.serverPort = (long) port;
				this.span.setProtocolAttribute(GenAiAttributes.SERVER_PORT, (long) port);
			}
		}
	}

	boolean isEnded() {
		return this.ended.get();
	}

	/**
	 * Ends the call once: the tool span first, then the MCP span, then the metric.
	 * @param outcome how it went
	 */
	void end(Outcome outcome) {
		if (!this.ended.compareAndSet(false, true)) {
			return;
		}
		long duration = System.nanoTime() - this.startNanos;
		SpanHandle tool = this.tool;
		if (tool != null) {
			fail(tool, outcome);
			tool.end();
		}
		if (outcome.rpcCode() != null) {
			McpSpans.safely(() -> this.span.setProtocolAttribute(McpAttributes.RPC_RESPONSE_STATUS_CODE,
					outcome.rpcCode()));
		}
		fail(this.span, outcome);
		this.span.end();
		McpMetrics metrics = this.metrics;
		if (metrics != null) {
			McpSpans.safely(() -> metrics.record(this, duration, outcome.errorType(), outcome.rpcCode() != null));
		}
	}

	private static void fail(SpanHandle span, Outcome outcome) {
		if (outcome.error() != null) {
			span.fail(outcome.error());
		}
		else if (outcome.errorType() != null) {
			span.fail(outcome.errorType(), outcome.description());
		}
	}

	/**
	 * How a call ended.
	 *
	 * @param errorType the {@code error.type}, or {@code null} for success
	 * @param description the status description
	 * @param rpcCode the JSON-RPC error code
	 * @param error the failure, if an exception
	 */
	record Outcome(@Nullable String errorType, @Nullable String description, @Nullable String rpcCode,
			@Nullable Throwable error) {

		static final Outcome OK = new Outcome(null, null, null, null);

		static Outcome rpcError(int code, @Nullable String message) {
			String type = String.valueOf(code);
			return new Outcome(type, McpMessage.bounded(message, McpMessage.MAX_VALUE_LENGTH), type, null);
		}

		static Outcome toolError() {
			return new Outcome(McpAttributes.ERROR_TYPE_TOOL_ERROR, null, null, null);
		}

		static Outcome failure(Throwable error) {
			return new Outcome(error.getClass().getName(),
					McpMessage.bounded(error.getMessage(), McpMessage.MAX_VALUE_LENGTH), null, error);
		}

		static Outcome of(String errorType, @Nullable String description) {
			return new Outcome(errorType, description, null, null);
		}

	}

}
