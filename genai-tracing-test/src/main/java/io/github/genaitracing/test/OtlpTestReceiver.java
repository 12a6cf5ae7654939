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

package io.github.genaitracing.test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import org.jspecify.annotations.Nullable;

/**
 * An OTLP/HTTP protobuf receiver on 127.0.0.1 for tests: decodes what a real OTLP
 * exporter sends to {@code /v1/traces}, {@code /v1/metrics} and {@code /v1/logs} (gzip
 * or not) with the official protobuf classes.
 *
 * @since 0.1.0
 */
public final class OtlpTestReceiver implements AutoCloseable {

	private static volatile @Nullable OtlpTestReceiver shared;

	private final HttpServer server;

	private volatile boolean keepOpen;

	private final List<Span> spans = new CopyOnWriteArrayList<>();

	private final List<Metric> metrics = new CopyOnWriteArrayList<>();

	private final List<LogRecord> logRecords = new CopyOnWriteArrayList<>();

	private OtlpTestReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/**
	 * Starts a receiver on a free port.
	 * @return the receiver
	 */
	public static OtlpTestReceiver start() {
		try {
			return new OtlpTestReceiver();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start the OTLP receiver", ex);
		}
	}

	/**
	 * Returns the receiver shared by every test of this JVM, started on first use and
	 * stopped when the JVM exits ({@link #close()} leaves it open): Spring test contexts
	 * that export to it can then be cached and reused across test classes.
	 * {@link GenAiTracingTest} clears it before each test.
	 * @return the shared receiver
	 */
	public static OtlpTestReceiver shared() {
		OtlpTestReceiver receiver = shared;
		if (receiver == null) {
			synchronized (OtlpTestReceiver.class) {
				receiver = shared;
				if (receiver == null) {
					receiver = start();
					receiver.keepOpen = true;
					shared = receiver;
				}
			}
		}
		return receiver;
	}

	/**
	 * Returns the Spring Boot properties that make an application export its spans here
	 * at once: the OTLP traces endpoint, sampling probability 1.0 and a 50 ms export
	 * delay.
	 * @return the properties, as {@code name=value}
	 */
	public String[] exportProperties() {
		return new String[] { "management.opentelemetry.tracing.export.otlp.endpoint=" + tracesEndpoint(),
				"management.tracing.sampling.probability=1.0",
				"management.opentelemetry.tracing.export.schedule-delay=50ms" };
	}

	/**
	 * Returns the traces endpoint, {@code http://127.0.0.1:PORT/v1/traces}.
	 * @return the endpoint
	 */
	public String tracesEndpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1/traces";
	}

	/**
	 * Returns the metrics endpoint, {@code http://127.0.0.1:PORT/v1/metrics}.
	 * @return the endpoint
	 */
	public String metricsEndpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1/metrics";
	}

	/**
	 * Returns the logs endpoint, {@code http://127.0.0.1:PORT/v1/logs}.
	 * @return the endpoint
	 */
	public String logsEndpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1/logs";
	}

	/**
	 * Returns the metrics received so far, one entry per metric of each export.
	 * @return the metrics
	 */
	public List<Metric> metrics() {
		return List.copyOf(this.metrics);
	}

	/**
	 * Returns the metrics with a name received so far, oldest first.
	 * @param name the metric name
	 * @return the metrics
	 */
	public List<Metric> metrics(String name) {
		return metrics().stream().filter((metric) -> metric.getName().equals(name)).toList();
	}

	/**
	 * Returns the log records received so far.
	 * @return the log records
	 */
	public List<LogRecord> logRecords() {
		return List.copyOf(this.logRecords);
	}

	/**
	 * Waits until the received log records satisfy a condition.
	 * @param condition the condition
	 * @param timeout how long to wait
	 * @return the log records
	 */
	public List<LogRecord> awaitLogRecords(Predicate<List<LogRecord>> condition, Duration timeout) {
		return await(this::logRecords, condition, timeout, "Log records", LogRecord::getEventName);
	}

	/**
	 * Returns the spans received so far.
	 * @return the spans
	 */
	public List<Span> spans() {
		return List.copyOf(this.spans);
	}

	/**
	 * Waits until the received spans satisfy a condition.
	 * @param condition the condition
	 * @param timeout how long to wait
	 * @return the spans
	 */
	public List<Span> awaitSpans(Predicate<List<Span>> condition, Duration timeout) {
		return await(this::spans, condition, timeout, "Spans", Span::getName);
	}

	private static <T> List<T> await(Supplier<List<T>> received, Predicate<List<T>> condition, Duration timeout,
			String what, Function<T, String> name) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			List<T> current = received.get();
			if (condition.test(current)) {
				return current;
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new AssertionError(what + " did not arrive in " + timeout + "; received: "
				+ received.get().stream().map(name).toList());
	}

	/**
	 * Returns the received span with a name.
	 * @param name the name
	 * @return the span
	 */
	public Optional<Span> span(String name) {
		return spans().stream().filter((span) -> span.getName().equals(name)).findFirst();
	}

	/**
	 * Forgets the received spans, metrics and log records.
	 */
	public void clear() {
		this.spans.clear();
		this.metrics.clear();
		this.logRecords.clear();
	}

	/**
	 * Returns a span's id, or trace id, as lower-case hex.
	 * @param id the id bytes
	 * @return the hex string
	 */
	public static String hex(com.google.protobuf.ByteString id) {
		return HexFormat.of().formatHex(id.toByteArray());
	}

	/**
	 * Returns a span attribute's typed value: String, Long, Double, Boolean or a List.
	 * @param span the span
	 * @param key the attribute key
	 * @return the value, or {@code null}
	 */
	public static @Nullable Object attribute(Span span, String key) {
		return attribute(span.getAttributesList(), key);
	}

	/**
	 * Returns a log record attribute's typed value: String, Long, Double, Boolean or a
	 * List.
	 * @param logRecord the log record
	 * @param key the attribute key
	 * @return the value, or {@code null}
	 */
	public static @Nullable Object attribute(LogRecord logRecord, String key) {
		return attribute(logRecord.getAttributesList(), key);
	}

	/**
	 * Returns the typed value of a key in attributes (of a span, a log record or a metric
	 * data point): String, Long, Double, Boolean or a List.
	 * @param attributes the attributes
	 * @param key the attribute key
	 * @return the value, or {@code null}
	 */
	public static @Nullable Object attribute(List<KeyValue> attributes, String key) {
		for (KeyValue attribute : attributes) {
			if (attribute.getKey().equals(key)) {
				return value(attribute.getValue());
			}
		}
		return null;
	}

	/**
	 * Returns an OTLP value as Java: String, Long, Double, Boolean, a List or a Map (for a
	 * key-value list), or {@code null}.
	 * @param value the value
	 * @return the Java value
	 */
	public static @Nullable Object value(AnyValue value) {
		return switch (value.getValueCase()) {
			case STRING_VALUE -> value.getStringValue();
			case INT_VALUE -> value.getIntValue();
			case DOUBLE_VALUE -> value.getDoubleValue();
			case BOOL_VALUE -> value.getBoolValue();
			case ARRAY_VALUE -> {
				List<Object> list = new ArrayList<>();
				value.getArrayValue().getValuesList().forEach((element) -> list.add(value(element)));
				yield list;
			}
			case KVLIST_VALUE -> {
				java.util.Map<String, @Nullable Object> map = new java.util.LinkedHashMap<>();
				value.getKvlistValue().getValuesList().forEach((entry) -> map.put(entry.getKey(), value(entry.getValue())));
				yield map;
			}
			default -> null;
		};
	}

	@Override
	public void close() {
		if (!this.keepOpen) {
			this.server.stop(0);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
			try {
				if ("gzip".equalsIgnoreCase(encoding)) {
					try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
						body = in.readAllBytes();
					}
				}
				String path = exchange.getRequestURI().getPath();
				if (path.endsWith("/v1/traces")) {
					ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
					for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
						for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
							this.spans.addAll(scopeSpans.getSpansList());
						}
					}
				}
				else if (path.endsWith("/v1/metrics")) {
					ExportMetricsServiceRequest request = ExportMetricsServiceRequest.parseFrom(body);
					for (ResourceMetrics resourceMetrics : request.getResourceMetricsList()) {
						for (ScopeMetrics scopeMetrics : resourceMetrics.getScopeMetricsList()) {
							this.metrics.addAll(scopeMetrics.getMetricsList());
						}
					}
				}
				else if (path.endsWith("/v1/logs")) {
					ExportLogsServiceRequest request = ExportLogsServiceRequest.parseFrom(body);
					for (ResourceLogs resourceLogs : request.getResourceLogsList()) {
						for (ScopeLogs scopeLogs : resourceLogs.getScopeLogsList()) {
							this.logRecords.addAll(scopeLogs.getLogRecordsList());
						}
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				exchange.sendResponseHeaders(400, -1);
				return;
			}
			String path = exchange.getRequestURI().getPath();
			byte[] response = path.endsWith("/v1/metrics")
					? ExportMetricsServiceResponse.getDefaultInstance().toByteArray()
					: path.endsWith("/v1/logs") ? ExportLogsServiceResponse.getDefaultInstance().toByteArray()
							: ExportTraceServiceResponse.getDefaultInstance().toByteArray();
			exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, response.length);
			exchange.getResponseBody().write(response);
		}
	}

}
