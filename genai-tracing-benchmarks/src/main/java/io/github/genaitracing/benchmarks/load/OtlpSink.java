package io.github.genaitracing.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

/**
 * An OTLP/HTTP endpoint for load tests that accepts and discards every export, counting
 * requests and bytes, so that the load target exports for real without a backend.
 * Usage: {@code OtlpSink <port>}.
 */
public final class OtlpSink {

	private OtlpSink() {
	}

	public static void main(String[] args) throws IOException {
		int port = Integer.parseInt(args[0]);
		AtomicLong requests = new AtomicLong();
		AtomicLong bytes = new AtomicLong();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
		server.createContext("/", (exchange) -> {
			try (InputStream in = exchange.getRequestBody()) {
				bytes.addAndGet(in.transferTo(java.io.OutputStream.nullOutputStream()));
			}
			requests.incrementAndGet();
			exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		server.setExecutor(Executors.newFixedThreadPool(2));
		server.start();
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> System.out.println("otlp-sink: " + requests + " exports, " + bytes + " bytes")));
		System.out.println("otlp-sink listening on " + port);
	}

}
