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
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import org.jspecify.annotations.Nullable;

/**
 * An OTLP/HTTP protobuf receiver on 127.0.0.1 for tests: decodes what a real OTLP
 * exporter sends to {@code /v1/traces} (gzip or not) with the official protobuf classes.
 *
 * @since 0.1.0
 */
public final class OtlpTestReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Span> spans = new CopyOnWriteArrayList<>();

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
	 * Returns the traces endpoint, {@code http://127.0.0.1:PORT/v1/traces}.
	 * @return the endpoint
	 */
	public String tracesEndpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1/traces";
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
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			List<Span> current = spans();
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
		throw new AssertionError("Spans did not arrive in " + timeout + "; received: "
				+ spans().stream().map(Span::getName).toList());
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
	 * Forgets the received spans.
	 */
	public void clear() {
		this.spans.clear();
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
		for (KeyValue attribute : span.getAttributesList()) {
			if (attribute.getKey().equals(key)) {
				return value(attribute.getValue());
			}
		}
		return null;
	}

	private static @Nullable Object value(AnyValue value) {
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
			default -> null;
		};
	}

	@Override
	public void close() {
		this.server.stop(0);
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
				if (exchange.getRequestURI().getPath().endsWith("/v1/traces")) {
					ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
					for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
						for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
							this.spans.addAll(scopeSpans.getSpansList());
						}
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				exchange.sendResponseHeaders(400, -1);
				return;
			}
			byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
			exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, response.length);
			exchange.getResponseBody().write(response);
		}
	}

}
