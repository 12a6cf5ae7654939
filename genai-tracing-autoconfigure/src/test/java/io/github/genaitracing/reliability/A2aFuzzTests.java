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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.genaitracing.test.GenAiTracingTest;
import io.github.genaitracing.test.OtlpTestReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded fuzz test over A2A bodies and headers, sent over real HTTP to the same endpoint
 * twice: on a traced path and on a path the filter excludes. For every case the endpoint
 * receives the same bytes (it answers with their SHA-256), the two responses are equal, and
 * in the end every span genai-tracing started has ended. A failing case prints its seed
 * and index, so that it can be replayed.
 */
@GenAiTracingTest
class A2aFuzzTests {

	private static final long SEED = 20261124L;

	private static final int CASES = 400;

	private static OtlpTestReceiver receiver;

	private static ConfigurableApplicationContext context;

	private static String base;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private int retries;

	@BeforeAll
	static void start(OtlpTestReceiver shared) {
		receiver = shared;
		context = ReliabilityApp.run(receiver, "genai.tracing.capture-content=span",
				"genai.tracing.a2a.max-body-size=4KB", "genai.tracing.a2a.max-response-size=2KB");
		base = ReliabilityApp.baseUrl(context);
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	@Test
	void everyBodyAndHeaderReachesTheApplicationUnchangedAndTheResponseEqualsTheUntracedOne() throws Exception {
		Random random = new Random(SEED);
		ReliabilityApp.SpanCounter counter = context.getBean(ReliabilityApp.SpanCounter.class);
		Map<String, Integer> kinds = new LinkedHashMap<>();
		for (int i = 0; i < CASES; i++) {
			Case fuzz = Case.random(random);
			kinds.merge(fuzz.kind(), 1, Integer::sum);
			String where = "seed " + SEED + ", case " + i + " (" + fuzz.kind() + ", content type " + fuzz.contentType()
					+ ", headers " + fuzz.headers().keySet() + ")";
			HttpResponse<byte[]> traced;
			HttpResponse<byte[]> untraced;
			try {
				traced = send("/a2a", fuzz);
				untraced = send("/untraced/a2a", fuzz);
			}
			catch (IOException ex) {
				throw new AssertionError(where, ex);
			}
			assertThat(traced.statusCode()).as(where).isEqualTo(untraced.statusCode());
			assertThat(traced.headers().firstValue("Content-Type")).as(where)
				.isEqualTo(untraced.headers().firstValue("Content-Type"));
			assertThat(comparable(traced.body())).as(where).isEqualTo(comparable(untraced.body()));
			if (traced.statusCode() == 200 && !fuzz.contentType().contains("form")) {
				assertThat(new String(traced.body(), StandardCharsets.UTF_8)).as(where)
					.contains(ReliabilityApp.Endpoint.sha256(fuzz.body()));
			}
		}
		assertThat(kinds).as("every kind of case ran").hasSize(Case.KINDS);
		assertThat(this.retries).as("requests sent again after a closed connection").isLessThan(5);
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (counter.started.get() != counter.ended.get() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(counter.ended.get()).as("genai-tracing spans ended").isEqualTo(counter.started.get());
		context.getBean(io.opentelemetry.sdk.trace.SdkTracerProvider.class)
			.forceFlush()
			.join(10, java.util.concurrent.TimeUnit.SECONDS);
		long described = receiver.spans()
			.stream()
			.filter((span) -> OtlpTestReceiver.attribute(span, "a2a.method.name") != null
					|| OtlpTestReceiver.attribute(span, "genai_tracing.a2a.body_not_parsed") != null)
			.count();
		assertThat(described).as("requests described as A2A requests").isGreaterThan(CASES / 4);
	}

	@Test
	void neverRecordsAnAuthorizationHeaderAndRedactsKeysInPrompts() throws Exception {
		String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"message/send\",\"params\":{\"message\":{\"kind\":\"message\","
				+ "\"messageId\":\"m-secret\",\"role\":\"user\",\"contextId\":\"conv-secret\",\"parts\":[{\"kind\":\"text\","
				+ "\"text\":\"Use my key sk-proj-SECRETSECRETSECRET123 and api_key=hunter2secret please\"}]}}}";
		HttpResponse<byte[]> response = this.http.send(HttpRequest.newBuilder(URI.create(base + "/a2a"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer tok-AUTHHEADERVALUE")
			.header("X-Api-Key", "HEADERKEYVALUE")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		List<Span> spans = receiver.awaitSpans((all) -> all.stream()
			.anyMatch((span) -> "conv-secret".equals(OtlpTestReceiver.attribute(span, "gen_ai.conversation.id"))
					&& span.getName().startsWith("invoke_agent reliability-agent")),
				Duration.ofSeconds(15));
		String everything = allAttributes(spans);
		assertThat(everything).as("content is on: the prompt is recorded").contains("Use my key");
		assertThat(everything).doesNotContain("AUTHHEADERVALUE")
			.doesNotContain("HEADERKEYVALUE")
			.doesNotContain("SECRETSECRETSECRET123")
			.doesNotContain("hunter2secret")
			.contains("[REDACTED]");
	}

	/**
	 * The body, without what Boot's error page varies by request (its time and path).
	 */
	private static String comparable(byte[] body) {
		return new String(body, StandardCharsets.UTF_8).replaceAll("\"timestamp\":\"[^\"]*\"", "\"timestamp\":\"\"")
			.replace("\"path\":\"/untraced/a2a\"", "\"path\":\"/a2a\"");
	}

	private static String allAttributes(List<Span> spans) {
		StringBuilder text = new StringBuilder();
		for (Span span : spans) {
			text.append(span.getName()).append('\n');
			for (KeyValue attribute : span.getAttributesList()) {
				text.append(attribute.getKey()).append('=').append(attribute.getValue()).append('\n');
			}
			span.getEventsList().forEach((event) -> event.getAttributesList()
				.forEach((attribute) -> text.append(attribute.getKey()).append('=').append(attribute.getValue())));
		}
		return text.toString();
	}

	private HttpResponse<byte[]> send(String path, Case fuzz) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(20))
			.POST(HttpRequest.BodyPublishers.ofByteArray(fuzz.body()));
		if (!fuzz.contentType().isEmpty()) {
			request.header("Content-Type", fuzz.contentType());
		}
		fuzz.headers().forEach(request::header);
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			// a pooled connection the server closed at the same moment (Tomcat closes one after
			// 100 requests): send the same bytes once more on a new connection
			this.retries++;
			return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
	}

	/**
	 * One generated request.
	 */
	record Case(String kind, byte[] body, String contentType, Map<String, String> headers) {

		static final int KINDS = 12;

		private static final String[] CONTENT_TYPES = { "", "application/json", "application/json; charset=utf-8",
				"application/a2a+json", "text/plain", "application/octet-stream", "application/x-www-form-urlencoded",
				"application/json; charset=ISO-8859-1", "multipart/form-data; boundary=x", "APPLICATION/JSON" };

		static Case random(Random random) {
			int kind = random.nextInt(KINDS);
			String contextId = "fuzz-" + Long.toHexString(random.nextLong());
			byte[] body = switch (kind) {
				case 0 -> bytes(random, random.nextInt(300));
				case 1 -> utf8(send(contextId, "message/send", text(random, random.nextInt(200))));
				case 2 -> truncate(random, utf8(send(contextId, "message/send", text(random, 50))));
				case 3 -> mutate(random, utf8(send(contextId, "message/stream", text(random, 50))));
				case 4 -> utf8(send(contextId, "message/send", "x".repeat(5000 + random.nextInt(20_000))));
				case 5 -> utf8("[".repeat(1000 + random.nextInt(5000)) + "]".repeat(random.nextInt(2000)));
				case 6 -> invalidUtf8(random, contextId);
				case 7 -> utf8("[" + send(contextId, "message/send", "a") + "," + send(contextId, "message/send", "b") + "]");
				case 8 -> utf8(send(contextId, "message/stream", text(random, random.nextInt(100))));
				case 9 -> utf8("{\"hello\":\"" + text(random, 20) + "\",\"n\":" + random.nextInt() + "}");
				case 10 -> utf8(odd(random, contextId));
				default -> utf8("{\"jsonrpc\":\"2.0\",\"id\":\"" + contextId + "\",\"method\":\"SendMessage\",\"params\":"
						+ "{\"message\":{\"messageId\":\"m\",\"role\":\"ROLE_USER\",\"contextId\":\"" + contextId
						+ "\",\"parts\":[{\"text\":\"" + text(random, 30) + "\"},{\"raw\":\"AAEC\"},{\"url\":\"x\"}]}}}");
			};
			String contentType = (kind == 1 || kind == 8 || kind == 11) && random.nextBoolean() ? "application/json"
					: CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
			return new Case("kind-" + kind, body, contentType, headers(random));
		}

		private static Map<String, String> headers(Random random) {
			Map<String, String> headers = new LinkedHashMap<>();
			switch (random.nextInt(7)) {
				case 0 -> headers.put("traceparent", "00-" + hex(random, 32) + "-" + hex(random, 16) + "-01");
				case 1 -> headers.put("traceparent", "00-xyz-" + hex(random, 3) + "-zz");
				case 2 -> headers.put("traceparent", "ff-" + "0".repeat(32) + "-" + "0".repeat(16) + "-01-extra" + "9".repeat(300));
				case 3 -> headers.put("baggage", "gen_ai.conversation.id=forged-" + hex(random, 8) + ",,;=;;%zz");
				case 4 -> {
					StringBuilder baggage = new StringBuilder();
					for (int i = 0; i < 400; i++) {
						baggage.append(i > 0 ? "," : "").append("k").append(i).append('=').append(hex(random, 16));
					}
					headers.put("baggage", baggage.toString());
				}
				case 5 -> headers.put("A2A-Version", random.nextBoolean() ? "1.0" : "9.9-bogus");
				default -> {
				}
			}
			return headers;
		}

		private static String send(String contextId, String method, String text) {
			return "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\",\"params\":{\"message\":{\"kind\":\"message\","
					+ "\"messageId\":\"m-" + contextId + "\",\"role\":\"user\",\"contextId\":\"" + contextId
					+ "\",\"parts\":[{\"kind\":\"text\",\"text\":\"" + text + "\"}]}}}";
		}

		private static String odd(Random random, String contextId) {
			String[] shapes = { "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"message/send\"}",
					"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"message/send\",\"params\":{}}",
					"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"message/send\",\"params\":{\"message\":\"nope\"}}",
					"{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":42,\"params\":[]}",
					"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"message/send\",\"params\":{\"message\":{\"contextId\":\""
							+ contextId + "\",\"parts\":[{\"kind\":\"file\",\"file\":{\"uri\":\"x\"}},{\"kind\":\"data\","
							+ "\"data\":{\"a\":[1,2]}},{\"kind\":\"weird\"},null,7]}}}",
					"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tasks/cancel\",\"params\":{\"id\":\"" + contextId + "\"}}",
					"null", "\"just a string\"", "123", "{}" };
			return shapes[random.nextInt(shapes.length)];
		}

		private static byte[] invalidUtf8(Random random, String contextId) {
			byte[] prefix = utf8("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"message/send\",\"params\":{\"message\":"
					+ "{\"contextId\":\"" + contextId + "\",\"parts\":[{\"kind\":\"text\",\"text\":\"");
			byte[] bad = { (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80 };
			byte[] suffix = utf8("\"}]}}}");
			byte[] body = new byte[prefix.length + bad.length + suffix.length];
			System.arraycopy(prefix, 0, body, 0, prefix.length);
			System.arraycopy(bad, 0, body, prefix.length, random.nextInt(bad.length) + 1);
			System.arraycopy(suffix, 0, body, prefix.length + bad.length, suffix.length);
			return body;
		}

		private static byte[] truncate(Random random, byte[] body) {
			return java.util.Arrays.copyOf(body, random.nextInt(body.length));
		}

		private static byte[] mutate(Random random, byte[] body) {
			byte[] copy = body.clone();
			for (int i = 0; i < 1 + random.nextInt(4); i++) {
				copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
			}
			return copy;
		}

		private static byte[] bytes(Random random, int length) {
			byte[] bytes = new byte[length];
			random.nextBytes(bytes);
			return bytes;
		}

		private static String text(Random random, int length) {
			String alphabet = "abcdefghij KLMNOP 0123 éàü ☃ 😀 <script> & \\\\ \\\" \\n";
			StringBuilder text = new StringBuilder();
			while (text.length() < length) {
				int start = random.nextInt(alphabet.length());
				text.append(alphabet.charAt(start));
			}
			String result = text.toString();
			return result.replaceAll("\\\\$", "").replaceAll("[\\uD800-\\uDFFF]", "?");
		}

		private static String hex(Random random, int length) {
			StringBuilder hex = new StringBuilder();
			while (hex.length() < length) {
				hex.append(Integer.toHexString(random.nextInt(16)));
			}
			return hex.toString();
		}

		private static byte[] utf8(String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}

	}

}
