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

package io.github.genaitracing.reliability;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exporter unreachable (a closed port) or stalling (a receiver that accepts and never
 * answers): every request is answered as usual and every span still ends. Latency under
 * these faults is measured by {@code benchmarks/load/exporter-faults.sh}, not here.
 */
class ExporterFaultTests {

	@Test
	void answersEveryRequestAndEndsEverySpanWhenTheExporterPortIsClosed() throws Exception {
		int closed;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closed = socket.getLocalPort();
		}
		exercise("http://127.0.0.1:" + closed + "/v1/traces");
	}

	@Test
	void answersEveryRequestAndEndsEverySpanWhenTheExporterNeverAnswers() throws Exception {
		List<Socket> held = new CopyOnWriteArrayList<>();
		try (ServerSocket stalling = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			Thread acceptor = new Thread(() -> {
				while (!stalling.isClosed()) {
					try {
						held.add(stalling.accept());
					}
					catch (IOException ex) {
						return;
					}
				}
			});
			acceptor.setDaemon(true);
			acceptor.start();
			exercise("http://127.0.0.1:" + stalling.getLocalPort() + "/v1/traces");
		}
		finally {
			for (Socket socket : held) {
				socket.close();
			}
		}
	}

	private static void exercise(String endpoint) throws Exception {
		try (ConfigurableApplicationContext context = ReliabilityApp.run(endpoint,
				"management.opentelemetry.tracing.export.otlp.timeout=1s",
				"management.opentelemetry.tracing.export.max-queue-size=64")) {
			String url = ReliabilityApp.baseUrl(context) + "/a2a";
			HttpClient http = HttpClient.newHttpClient();
			for (int i = 0; i < 60; i++) {
				String method = (i % 2 == 0) ? "message/send" : "message/stream";
				HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
					.timeout(Duration.ofSeconds(10))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\""
							+ method + "\",\"params\":{\"message\":{\"kind\":\"message\",\"messageId\":\"m\",\"role\":"
							+ "\"user\",\"contextId\":\"fault-" + i + "\",\"parts\":[{\"kind\":\"text\",\"text\":\"hi\"}]}}}"))
					.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.body()).contains("completed").contains("fault-" + i);
			}
			ReliabilityApp.SpanCounter counter = context.getBean(ReliabilityApp.SpanCounter.class);
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (counter.ended.get() != counter.started.get() && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			// per request the application's agent and tool spans; the request's own span is
			// Spring Boot's HTTP server span, adopted by the A2A filter and ended by Boot
			assertThat(counter.started.get()).isEqualTo(60 * 2);
			assertThat(counter.ended.get()).isEqualTo(counter.started.get());
		}
	}

}
