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
