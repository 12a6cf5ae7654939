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

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BiConsumer;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.semconv.GenAiProviders;
import io.github.genaitracing.core.FailSafe;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.spi.AgentInvocation;
import io.github.genaitracing.spi.AgentRequest;
import io.github.genaitracing.spi.GenAiOperation;

/**
 * The client side of an A2A call, whatever HTTP client makes it ({@code RestClient},
 * {@code WebClient}, the A2A Java SDK): decides from the request body whether a request is
 * an A2A JSON-RPC call, starts its {@code invoke_agent {remote agent}} CLIENT span, hands
 * the headers to propagate ({@code traceparent}, baggage), reads the response as it passes
 * and ends the span once. Nothing of its own is ever thrown to the caller.
 *
 * @since 0.1.0
 */
public final class A2aClientCallTracer {

	private static final Log logger = LogFactory.getLog(A2aClientCallTracer.class);

	private static final byte[] EVENT_PREFIX = "data: ".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] EVENT_SUFFIX = "\n\n".getBytes(StandardCharsets.US_ASCII);

	private static final String EVENT_STREAM = "text/event-stream";

	private static final int MAX_CALLED_AGENTS = 32;

	private static final TextMapSetter<BiConsumer<String, String>> HEADERS = (carrier, key, value) -> {
		if (carrier != null) {
			carrier.accept(key, value);
		}
	};

	private final SpanLifecycle spans;

	private final ContentPolicy contentPolicy;

	private final OpenTelemetry openTelemetry;

	private final Settings settings;

	private final A2aCalledAgents calledAgents = new A2aCalledAgents(MAX_CALLED_AGENTS);

	private final A2aAgentCards agentCards = new A2aAgentCards();

	/**
	 * Creates the tracer.
	 * @param spans the span writer
	 * @param contentPolicy the content policy
	 * @param openTelemetry the OpenTelemetry instance, for propagation
	 * @param settings the settings
	 */
	public A2aClientCallTracer(SpanLifecycle spans, ContentPolicy contentPolicy, OpenTelemetry openTelemetry,
			Settings settings) {
		this.spans = spans;
		this.contentPolicy = contentPolicy;
		this.openTelemetry = openTelemetry;
		this.settings = settings;
	}

	/**
	 * The largest request body read to decide whether a request is an A2A call.
	 * @return the size in bytes
	 */
	long maxBodySize() {
		return this.settings.maxBodySize();
	}

	/**
	 * The remote agents called so far (base URLs), for the trace view.
	 * @return the called agents
	 */
	public A2aCalledAgents calledAgents() {
		return this.calledAgents;
	}

	/**
	 * Starts the span of a call when the request is an A2A JSON-RPC call, as a child of
	 * the current context.
	 * @param httpMethod the HTTP method
	 * @param uri the URL called
	 * @param body the request body
	 * @param length how many bytes of {@code body} are the body
	 * @param versionHeader the {@code A2A-Version} header, if any
	 * @param headers receives the headers to add to the request
	 * @return the call, or {@code null} when the request is not traced
	 */
	@Nullable Call start(String httpMethod, URI uri, byte[] body, int length, @Nullable String versionHeader,
			BiConsumer<String, String> headers) {
		return start(Context.current(), httpMethod, uri, body, length, versionHeader, headers);
	}

	/**
	 * Starts the span of a call when the request is an A2A JSON-RPC call.
	 * @param parent the parent context
	 * @param httpMethod the HTTP method
	 * @param uri the URL called
	 * @param body the request body
	 * @param length how many bytes of {@code body} are the body
	 * @param versionHeader the {@code A2A-Version} header, if any
	 * @param headers receives the headers to add to the request
	 * @return the call, or {@code null} when the request is not traced
	 */
	@Nullable Call start(Context parent, String httpMethod, URI uri, byte[] body, int length,
			@Nullable String versionHeader, BiConsumer<String, String> headers) {
		try {
			if (!"POST".equalsIgnoreCase(httpMethod) || length == 0 || length > this.settings.maxBodySize()
					|| !A2aJson.mayBeJsonRpc(body, length)) {
				// not an A2A call (a model request, any other POST): not parsed
				return null;
			}
			A2aRequest a2a = A2aRequest.parse(body, length, versionHeader,
					this.contentPolicy.isEnabled() ? this.contentPolicy.maxLength() : 0);
			if (a2a.notParsed() != null || a2a.method() == null) {
				return null;
			}
			String agentName = agentName(uri);
			this.calledAgents.called(uri);
			A2aSpan span;
			if (a2a.sendsMessage()) {
				AgentInvocation operation = a2a
					.describe(GenAiOperation.agent(agentName)
						.spanKind(SpanKind.CLIENT)
						.providerName(GenAiProviders.A2A)
						.server(uri.getHost(), (long) port(uri)))
					.build();
				span = A2aSpan.of(this.spans.start(operation, a2a.contextId(), parent), this.spans);
				if (this.contentPolicy.isEnabled()) {
					span.recordInput(FailSafe.get("content capture", () -> this.contentPolicy.capture(a2a.userText())));
				}
			}
			else {
				// a poll, a cancellation, configuration: an A2A CLIENT span, not an agent run
				AgentRequest operation = a2a
					.describe(AgentRequest
						.of(a2a.methodName(), GenAiOperation.agent(agentName).providerName(GenAiProviders.A2A).build())
						.spanKind(SpanKind.CLIENT)
						.server(uri.getHost(), (long) port(uri)))
					.build();
				span = A2aSpan.of(this.spans.start(operation, null, parent), this.spans);
			}
			this.openTelemetry.getPropagators().getTextMapPropagator().inject(span.context(), headers, HEADERS);
			return new Call(span, new ResponseObserver(this.settings.maxResponseSize(),
					this.contentPolicy.isEnabled() ? this.contentPolicy.maxLength() : 0, System.nanoTime()),
					a2a.taskId(), (a2a.contextId() != null) ? a2a.contextId() : this.spans.inheritedConversationId(parent),
					a2a.method());
		}
		catch (RuntimeException | Error ex) {
			FailSafe.failed(A2aClientCallTracer.class, ex);
			return null;
		}
	}

	/**
	 * Learns a remote agent's name from its Agent Card, fetched by the application.
	 * @param cardUri where the card was fetched
	 * @param body the card
	 * @param length how many bytes of {@code body} are the card
	 */
	void learnAgentCard(URI cardUri, byte[] body, int length) {
		try {
			this.agentCards.learn(cardUri, body, length);
		}
		catch (RuntimeException ex) {
			logger.debug("Agent card not read", ex);
		}
	}

	/**
	 * The remote agent's name: from its Agent Card when the application fetched it
	 * through a traced client, else from {@code genai.tracing.a2a.client.agent-names}
	 * (the longest matching URL prefix), else unknown — never made up from the address.
	 */
	private @Nullable String agentName(URI uri) {
		String name = this.agentCards.name(uri);
		if (name != null) {
			return name;
		}
		String url = uri.toString();
		String best = null;
		for (Map.Entry<String, String> entry : this.settings.agentNames().entrySet()) {
			if (url.startsWith(entry.getKey()) && (best == null || entry.getKey().length() > best.length())) {
				best = entry.getKey();
				name = entry.getValue();
			}
		}
		return name;
	}

	private static int port(URI uri) {
		if (uri.getPort() >= 0) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

	static void safely(Runnable action) {
		try {
			action.run();
		}
		catch (Throwable ex) {
			FailSafe.failed(A2aClientCallTracer.class, ex);
		}
	}

	/**
	 * Settings shared by every client integration.
	 *
	 * @param agentNames remote agent names by URL prefix
	 * @param maxBodySize largest request body parsed, in bytes
	 * @param maxResponseSize largest plain response copy, and largest streamed event, in
	 * bytes
	 */
	public record Settings(Map<String, String> agentNames, long maxBodySize, int maxResponseSize) {
	}

	/**
	 * One traced call: reads the response as it passes and ends the span once.
	 */
	final class Call {

		private final A2aSpan span;

		private final ResponseObserver observer;

		private final @Nullable String taskId;

		private final @Nullable String conversationId;

		private final A2aMethod method;

		Call(A2aSpan span, ResponseObserver observer, @Nullable String taskId, @Nullable String conversationId,
				A2aMethod method) {
			this.method = method;
			this.span = span;
			this.observer = observer;
			this.taskId = taskId;
			this.conversationId = conversationId;
		}

		/**
		 * The context of the call's span.
		 * @return the context
		 */
		Context context() {
			return this.span.context();
		}

		/**
		 * Sees response bytes as they pass.
		 * @param contentType the response's content type
		 * @param bytes the bytes
		 * @param offset where they start
		 * @param length how many
		 */
		void onBytes(@Nullable String contentType, byte[] bytes, int offset, int length) {
			try {
				this.observer.onBytes(contentType, bytes, offset, length);
				this.observer.drain();
			}
			catch (RuntimeException ex) {
				// observing must never break the response
			}
		}

		/**
		 * Sees one server-sent event's data, for clients that hand over events rather
		 * than bytes.
		 * @param data the event's data
		 */
		void onEvent(String data) {
			byte[] json = data.getBytes(StandardCharsets.UTF_8);
			onBytes(EVENT_STREAM, EVENT_PREFIX, 0, EVENT_PREFIX.length);
			onBytes(EVENT_STREAM, json, 0, json.length);
			onBytes(EVENT_STREAM, EVENT_SUFFIX, 0, EVENT_SUFFIX.length);
		}

		/**
		 * Records what the response said and ends the span; only the first call counts.
		 * @param httpStatus the HTTP status, 0 when unknown
		 * @param error what went wrong, if anything
		 */
		synchronized void end(int httpStatus, @Nullable Throwable error) {
			if (this.span.isEnded()) {
				return;
			}
			safely(() -> {
				if (error != null) {
					this.span.recordError(error);
				}
				A2aSpanOutcome.of(this.observer, httpStatus, A2aClientCallTracer.this.contentPolicy, this.taskId,
						this.conversationId, this.method)
					.recordOn(this.span);
			});
			safely(this.span::end);
		}

	}

}
