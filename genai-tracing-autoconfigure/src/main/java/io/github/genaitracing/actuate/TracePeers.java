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

package io.github.genaitracing.actuate;

import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The other agents whose spans of a trace the view merges: peers configured by URL and,
 * optionally, the A2A agents this application called. Their {@code genaitracing}
 * endpoints are read server-side, only at those URLs (never a URL taken from a request),
 * in parallel, each within a timeout and a size bound; whatever a peer answers (nothing,
 * an error, garbage, too much) becomes a status, never an exception.
 *
 * @since 0.1.0
 */
public final class TracePeers {

	/** The endpoint path assumed below a peer's base URL. */
	static final String DEFAULT_ENDPOINT_PATH = "/actuator/" + GenAiTracingEndpoint.ID;

	private static final Log logger = LogFactory.getLog(TracePeers.class);

	private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");

	private static final Pattern SPAN_ID = Pattern.compile("[0-9a-f]{16}");

	private final List<String> configured;

	private final Supplier<List<String>> called;

	private final Duration timeout;

	private final long maxBytes;

	private final int maxSpans;

	private final HttpClient client;

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * Creates the peers.
	 * @param configured the configured peers: base URLs ({@code http://host:port}, the
	 * endpoint assumed at {@value #DEFAULT_ENDPOINT_PATH}) or endpoint URLs (ending in
	 * {@code /genaitracing})
	 * @param called supplies the base URLs of the A2A agents called so far
	 * @param timeout the most one peer may take to answer, connection included
	 * @param maxBytes the largest answer read from one peer
	 * @param maxSpans the most spans taken from one peer
	 */
	public TracePeers(List<String> configured, Supplier<List<String>> called, Duration timeout, long maxBytes,
			int maxSpans) {
		this.configured = configured.stream().map(TracePeers::endpointUrl).filter((url) -> url != null).toList();
		this.called = called;
		this.timeout = timeout;
		this.maxBytes = maxBytes;
		this.maxSpans = maxSpans;
		this.client = HttpClient.newBuilder()
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	/**
	 * Returns the endpoint URLs of the peers known now: configured first, then the called
	 * agents.
	 * @return the endpoint URLs
	 */
	public List<String> endpoints() {
		Set<String> endpoints = new LinkedHashSet<>(this.configured);
		for (String base : this.called.get()) {
			String url = endpointUrl(base);
			if (url != null) {
				endpoints.add(url);
			}
		}
		return List.copyOf(endpoints);
	}

	/**
	 * Reads one trace from every peer.
	 * @param traceId the trace id, 32 lower-case hex digits
	 * @return one answer per peer, in the order of {@link #endpoints()}
	 */
	public List<Answer> fetch(String traceId) {
		if (!TRACE_ID.matcher(traceId).matches()) {
			throw new IllegalArgumentException("Not a trace id");
		}
		List<String> endpoints = endpoints();
		List<CompletableFuture<HttpResponse<byte[]>>> calls = new ArrayList<>(endpoints.size());
		for (String endpoint : endpoints) {
			calls.add(send(endpoint + "/" + traceId));
		}
		long deadline = System.nanoTime() + this.timeout.toNanos() + TimeUnit.MILLISECONDS.toNanos(250);
		List<Answer> answers = new ArrayList<>(endpoints.size());
		for (int i = 0; i < endpoints.size(); i++) {
			answers.add(answer(endpoints.get(i), traceId, calls.get(i), deadline));
		}
		return answers;
	}

	private CompletableFuture<HttpResponse<byte[]>> send(String url) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(url))
				.timeout(this.timeout)
				.header("Accept", "application/json")
				.GET()
				.build();
			return this.client.sendAsync(request, (info) -> new LimitedBody(this.maxBytes));
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private Answer answer(String endpoint, String traceId, CompletableFuture<HttpResponse<byte[]>> call,
			long deadline) {
		HttpResponse<byte[]> response;
		try {
			response = call.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			call.cancel(true);
			return Answer.failed(endpoint, Status.TIMEOUT, "no answer within " + this.timeout.toMillis() + " ms");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			call.cancel(true);
			return Answer.failed(endpoint, Status.TIMEOUT, "interrupted");
		}
		catch (ExecutionException ex) {
			return failure(endpoint, ex.getCause());
		}
		if (response.statusCode() == 404) {
			return new Answer(endpoint, Status.NOT_FOUND, "the peer keeps no spans of this trace", null, List.of(),
					Map.of());
		}
		if (response.statusCode() != 200) {
			return Answer.failed(endpoint, Status.ERROR, "HTTP " + response.statusCode());
		}
		try {
			return parse(endpoint, traceId, this.json.readTree(response.body()));
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return Answer.failed(endpoint, Status.INVALID, "not a genaitracing trace: " + message(ex));
		}
	}

	private Answer failure(String endpoint, @Nullable Throwable cause) {
		for (Throwable candidate = cause; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof TooLargeException) {
				return Answer.failed(endpoint, Status.TOO_LARGE, "answer larger than " + this.maxBytes + " bytes");
			}
			if (candidate.getCause() == candidate) {
				break;
			}
		}
		if (cause instanceof TooLargeException) {
			return Answer.failed(endpoint, Status.TOO_LARGE, "answer larger than " + this.maxBytes + " bytes");
		}
		if (cause instanceof HttpTimeoutException) {
			return Answer.failed(endpoint, Status.TIMEOUT, "no answer within " + this.timeout.toMillis() + " ms");
		}
		if (cause instanceof ConnectException || cause instanceof java.io.IOException) {
			return Answer.failed(endpoint, Status.UNREACHABLE, message(cause));
		}
		logger.debug("Trace view peer " + endpoint + " failed", cause);
		return Answer.failed(endpoint, Status.UNREACHABLE, message(cause));
	}

	private Answer parse(String endpoint, String traceId, JsonNode trace) {
		if (trace == null || !trace.isObject() || !trace.path("spans").isArray()) {
			throw new IllegalArgumentException("no spans array");
		}
		List<RecordedSpan> spans = new ArrayList<>();
		String service = null;
		for (JsonNode span : trace.path("spans").values()) {
			if (spans.size() >= this.maxSpans) {
				break;
			}
			RecordedSpan recorded = span(traceId, span);
			spans.add(recorded);
			if (service == null) {
				service = recorded.service();
			}
		}
		Map<String, String> links = new HashMap<>();
		JsonNode linkNode = trace.path("links");
		if (linkNode.isObject()) {
			for (Map.Entry<String, JsonNode> link : linkNode.properties()) {
				if (links.size() < this.maxSpans && SPAN_ID.matcher(link.getKey()).matches()
						&& link.getValue().isString() && SPAN_ID.matcher(link.getValue().stringValue()).matches()) {
					links.put(link.getKey(), link.getValue().stringValue());
				}
			}
		}
		return new Answer(endpoint, Status.OK, null, service, spans, links);
	}

	private static RecordedSpan span(String traceId, JsonNode span) {
		if (!span.isObject() || !traceId.equals(span.path("traceId").asString(""))) {
			throw new IllegalArgumentException("a span of another trace");
		}
		String spanId = spanId(span.path("spanId"));
		if (spanId == null || !span.path("name").isString() || !span.path("startEpochMicros").isIntegralNumber()
				|| !span.path("durationMicros").isIntegralNumber()) {
			throw new IllegalArgumentException("a span without id, name or times");
		}
		Map<String, Object> attributes = new TreeMap<>();
		JsonNode attributeNode = span.path("attributes");
		if (attributeNode.isObject()) {
			for (Map.Entry<String, JsonNode> attribute : attributeNode.properties()) {
				Object value = value(attribute.getValue());
				if (value != null) {
					attributes.put(attribute.getKey(), value);
				}
			}
		}
		return new RecordedSpan(traceId, spanId, spanId(span.path("parentSpanId")),
				spanId(span.path("remoteParentSpanId")), span.path("name").stringValue(),
				span.path("kind").asString("INTERNAL"), span.path("startEpochMicros").longValue(),
				span.path("durationMicros").longValue(), span.path("status").asString("UNSET"),
				text(span.path("statusDescription")), text(span.path("service")), attributes);
	}

	private static @Nullable String spanId(JsonNode node) {
		return (node.isString() && SPAN_ID.matcher(node.stringValue()).matches()) ? node.stringValue() : null;
	}

	private static @Nullable String text(JsonNode node) {
		return node.isString() ? node.stringValue() : null;
	}

	private static @Nullable Object value(JsonNode node) {
		if (node.isString()) {
			return node.stringValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isIntegralNumber()) {
			return node.longValue();
		}
		if (node.isNumber()) {
			return node.doubleValue();
		}
		if (node.isArray()) {
			List<Object> values = new ArrayList<>(node.size());
			for (JsonNode element : node.values()) {
				Object value = value(element);
				if (value != null) {
					values.add(value);
				}
			}
			return values;
		}
		return null;
	}

	private static String message(@Nullable Throwable ex) {
		if (ex == null) {
			return "failed";
		}
		String message = ex.getMessage();
		String text = (message != null && !message.isBlank()) ? message : ex.getClass().getSimpleName();
		return (text.length() > 200) ? text.substring(0, 200) + "…" : text;
	}

	/**
	 * Turns a configured or called URL into the endpoint URL read for a trace.
	 * @param url a base URL or an endpoint URL
	 * @return the endpoint URL, or {@code null} when the URL is not an absolute
	 * {@code http}/{@code https} URL without user information, query or fragment
	 */
	static @Nullable String endpointUrl(String url) {
		String trimmed = url.trim();
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		URI uri;
		try {
			uri = URI.create(trimmed);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		if (uri.getHost() == null || uri.getScheme() == null
				|| !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
				|| uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
			return null;
		}
		return trimmed.endsWith("/" + GenAiTracingEndpoint.ID) ? trimmed : trimmed + DEFAULT_ENDPOINT_PATH;
	}

	/**
	 * How reading a peer went.
	 */
	public enum Status {

		/** The peer answered with its spans of the trace. */
		OK,

		/** The peer keeps no spans of the trace. */
		NOT_FOUND,

		/** The peer could not be reached. */
		UNREACHABLE,

		/** The peer did not answer in time. */
		TIMEOUT,

		/** The peer answered with an HTTP error. */
		ERROR,

		/** The peer's answer was not a trace of the {@code genaitracing} endpoint. */
		INVALID,

		/** The peer's answer was over the size bound. */
		TOO_LARGE

	}

	/**
	 * One peer's answer.
	 *
	 * @param endpoint the endpoint URL read
	 * @param status how it went
	 * @param message what went wrong, if anything
	 * @param service the peer's service name, from its spans
	 * @param spans its spans of the trace
	 * @param links its parent links of non-GenAI spans
	 */
	public record Answer(String endpoint, Status status, @Nullable String message, @Nullable String service,
			List<RecordedSpan> spans, Map<String, String> links) {

		static Answer failed(String endpoint, Status status, String message) {
			return new Answer(endpoint, status, message, null, List.of(), Map.of());
		}

	}

	private static final class TooLargeException extends java.io.IOException {

		private static final long serialVersionUID = 1L;

		TooLargeException() {
			super("answer too large");
		}

	}

	/**
	 * Collects a body up to a bound, cancelling the exchange past it.
	 */
	private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

		private final long maxBytes;

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private final CompletableFuture<byte[]> body = new CompletableFuture<>();

		private Flow.@Nullable Subscription subscription;

		LimitedBody(long maxBytes) {
			this.maxBytes = maxBytes;
		}

		@Override
		public CompletionStage<byte[]> getBody() {
			return this.body;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(List<ByteBuffer> buffers) {
			if (this.body.isDone()) {
				return;
			}
			for (ByteBuffer buffer : buffers) {
				if (this.bytes.size() + (long) buffer.remaining() > this.maxBytes) {
					this.body.completeExceptionally(new TooLargeException());
					Flow.Subscription current = this.subscription;
					if (current != null) {
						current.cancel();
					}
					return;
				}
				byte[] chunk = new byte[buffer.remaining()];
				buffer.get(chunk);
				this.bytes.writeBytes(chunk);
			}
		}

		@Override
		public void onError(Throwable throwable) {
			this.body.completeExceptionally(throwable);
		}

		@Override
		public void onComplete() {
			this.body.complete(this.bytes.toByteArray());
		}

	}

}
