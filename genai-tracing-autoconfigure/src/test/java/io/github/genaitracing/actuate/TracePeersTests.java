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

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link TracePeers} and {@link MergedTraces} against real loopback HTTP
 * peers: what each kind of answer becomes, that only configured and called URLs are read,
 * and that a peer's root is placed under the local span that called it.
 */
class TracePeersTests {

	private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

	private HttpServer server;

	private final CountDownLatch release = new CountDownLatch(1);

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.createContext("/ok/actuator/genaitracing/", (exchange) -> respond(exchange, 200, """
				{"summary":{},"links":{"2222222222222222":"1111111111111111"},"spans":[
				{"traceId":"%s","spanId":"3333333333333333","parentSpanId":null,
				 "remoteParentSpanId":"2222222222222222","name":"invoke_agent weather-agent","kind":"INTERNAL",
				 "startEpochMicros":1000,"durationMicros":50,"status":"UNSET","service":"weather-agent",
				 "attributes":{"gen_ai.operation.name":"invoke_agent","gen_ai.usage.input_tokens":14,
				 "gen_ai.usage.cost":0.5,"list":["a","b"]}}]}""".formatted(TRACE)));
		this.server.createContext("/other/actuator/genaitracing/", (exchange) -> respond(exchange, 200, """
				{"spans":[{"traceId":"ffffffffffffffffffffffffffffffff","spanId":"4444444444444444",
				"name":"x","startEpochMicros":1,"durationMicros":1}]}"""));
		this.server.createContext("/missing/actuator/genaitracing/", (exchange) -> respond(exchange, 404, "{}"));
		this.server.createContext("/broken/actuator/genaitracing/", (exchange) -> respond(exchange, 500, "boom"));
		this.server.createContext("/big/actuator/genaitracing/",
				(exchange) -> respond(exchange, 200, "{\"spans\":[]," + "\"x\":\"" + "y".repeat(5000) + "\"}"));
		this.server.createContext("/slow/actuator/genaitracing/", (exchange) -> {
			try {
				this.release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			respond(exchange, 200, "{\"spans\":[]}");
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.release.countDown();
		this.server.stop(0);
	}

	private String base(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/" + path;
	}

	private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
			throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Test
	void eachKindOfAnswerBecomesAStatusAndOnlyAValidTraceGivesSpans() {
		TracePeers peers = new TracePeers(
				List.of(base("ok"), base("other"), base("missing/actuator/genaitracing"), base("broken"), base("big"),
						base("slow"), "http://127.0.0.1:1"),
				List::of, Duration.ofSeconds(5), 2048, 200);
		List<TracePeers.Answer> answers = peers.fetch(TRACE);
		assertThat(answers).extracting(TracePeers.Answer::status)
			.containsExactly(TracePeers.Status.OK, TracePeers.Status.INVALID, TracePeers.Status.NOT_FOUND,
					TracePeers.Status.ERROR, TracePeers.Status.TOO_LARGE, TracePeers.Status.TIMEOUT,
					TracePeers.Status.UNREACHABLE);
		TracePeers.Answer ok = answers.get(0);
		assertThat(ok.service()).isEqualTo("weather-agent");
		assertThat(ok.spans()).singleElement().satisfies((span) -> {
			assertThat(span.attributes()).containsEntry("gen_ai.usage.input_tokens", 14L)
				.containsEntry("gen_ai.usage.cost", 0.5)
				.containsEntry("list", List.of("a", "b"));
			assertThat(span.remoteParentSpanId()).isEqualTo("2222222222222222");
		});
		assertThat(answers.get(1).message()).contains("another trace");
	}

	@Test
	void readsOnlyConfiguredAndCalledUrlsAndOnlyForATraceId() {
		TracePeers peers = new TracePeers(List.of("http://weather:8081/", "ftp://x", "http://user:secret@host:1",
				"http://host:2/actuator/genaitracing", "not a url"), () -> List.of("https://called:8443"),
				Duration.ofSeconds(1), 1024, 10);
		assertThat(peers.endpoints()).containsExactly("http://weather:8081/actuator/genaitracing",
				"http://host:2/actuator/genaitracing", "https://called:8443/actuator/genaitracing");
		assertThatIllegalArgumentException().isThrownBy(() -> peers.fetch("../../admin"));
		assertThatIllegalArgumentException().isThrownBy(() -> peers.fetch(TRACE.toUpperCase()));
	}

	@Test
	void placesAPeersRootUnderTheLocalSpanThatCalledItThroughTheLinks() {
		RecentGenAiTraces traces = new RecentGenAiTraces(10, 100);
		traces.add(new RecordedSpan(TRACE, "1111111111111111", null, null, "invoke_agent weather-agent", "CLIENT",
				900, 200, "UNSET", null, "front-agent", Map.of("gen_ai.operation.name", "invoke_agent")));
		TracePeers peers = new TracePeers(List.of(base("ok"), "http://127.0.0.1:1"), List::of,
				Duration.ofSeconds(5), 1 << 20, 200);
		MergedTraces.Merged merged = new MergedTraces(traces, peers, "front").trace(TRACE);
		assertThat(merged).isNotNull();
		assertThat(merged.service()).isEqualTo("front-agent");
		assertThat(merged.spans()).extracting(RecordedSpan::spanId, RecordedSpan::parentSpanId, RecordedSpan::service)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("1111111111111111", null, "front-agent"),
					org.assertj.core.groups.Tuple.tuple("3333333333333333", "1111111111111111", "weather-agent"));
		assertThat(merged.peers()).extracting(MergedTraces.PeerStatus::status)
			.containsExactly(TracePeers.Status.OK, TracePeers.Status.UNREACHABLE);
		assertThat(new MergedTraces(traces, peers, "front").trace("ffffffffffffffffffffffffffffffff"))
			.as("kept nowhere")
			.isNull();
	}

}
