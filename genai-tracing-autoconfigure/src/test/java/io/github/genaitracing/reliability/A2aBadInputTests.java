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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.genaitracing.test.GenAiTracingTest;
import io.github.genaitracing.test.OtlpTestReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each bad input the A2A filter must survive, one named case each, over real HTTP: the
 * same request goes to a traced path and to a path the filter excludes. In every case the
 * application receives the body byte for byte (it answers with the SHA-256 of what it
 * read), the traced response equals the untraced one, and every span genai-tracing
 * started has ended; the request's one server span says how the filter read the body,
 * and a body that is not JSON-RPC at all is not A2A traffic: no A2A attribute anywhere.
 * (A client that disconnects in the middle of a stream is in
 * {@code A2aServerIntegrationTests}.)
 */
@GenAiTracingTest
class A2aBadInputTests {

	private static final int MAX_BODY = 4096;

	private static OtlpTestReceiver receiver;

	private static ConfigurableApplicationContext context;

	private static String base;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	static void start(OtlpTestReceiver shared) {
		receiver = shared;
		context = ReliabilityApp.run(receiver, "genai.tracing.a2a.max-body-size=" + MAX_BODY + "B");
		base = ReliabilityApp.baseUrl(context);
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	static Stream<BadInput> badInputs() {
		String send = send("conv-bad", "message/send", "Weather in Rome?");
		byte[] deep = ("{\"jsonrpc\":\"2.0\",\"method\":\"message/send\",\"params\":" + "[".repeat(1900)
				+ "]".repeat(1900) + "}").getBytes(StandardCharsets.UTF_8);
		byte[] invalidUtf8 = send("conv-utf8", "message/send", "caf@").getBytes(StandardCharsets.UTF_8);
		int at = new String(invalidUtf8, StandardCharsets.UTF_8).indexOf("caf@") + 3;
		invalidUtf8[at] = (byte) 0xC3;
		invalidUtf8 = concat(invalidUtf8, at + 1, new byte[] { (byte) 0x28 });
		return Stream.of(
				new BadInput("invalid JSON", utf8(send.substring(0, send.length() / 2)), "application/json", Map.of(),
						Transfer.FIXED, Expect.notParsed("not_json")),
				new BadInput("JSON that is not JSON-RPC", utf8("{\"hello\":\"world\",\"n\":[1,2,3]}"),
						"application/json", Map.of(), Transfer.FIXED, Expect.notTraced()),
				new BadInput("a JSON-RPC batch (array)", utf8("[" + send + "," + send + "]"), "application/json",
						Map.of(), Transfer.FIXED, Expect.notParsed("batch")),
				new BadInput("missing params", utf8("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"message/send\"}"),
						"application/json", Map.of(), Transfer.FIXED, Expect.method("SendMessage", null)),
				new BadInput("missing message",
						utf8("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"message/send\",\"params\":{}}"),
						"application/json", Map.of(), Transfer.FIXED, Expect.method("SendMessage", null)),
				new BadInput("parts of unknown kinds",
						utf8(send.replace("[{\"kind\":\"text\"",
								"[{\"kind\":\"hologram\",\"frames\":[1,2]},{\"kind\":\"data\",\"data\":{\"x\":1}},{\"kind\":\"text\"")),
						"application/json", Map.of(), Transfer.FIXED, Expect.method("SendMessage", "conv-bad")),
				new BadInput("a body over the cap", utf8(send("conv-big", "message/send", "x".repeat(3 * MAX_BODY))),
						"application/json", Map.of(), Transfer.FIXED, Expect.notParsed("too_large")),
				new BadInput("deeply nested JSON", deep, "application/json", Map.of(), Transfer.FIXED,
						Expect.notParsed("not_json")),
				new BadInput("invalid UTF-8", invalidUtf8, "application/json", Map.of(), Transfer.FIXED,
						Expect.notParsed("not_json")),
				new BadInput("no content type", utf8(send), "", Map.of(), Transfer.FIXED,
						Expect.method("SendMessage", "conv-bad")),
				new BadInput("a content type that is not JSON", utf8(send), "text/plain", Map.of(), Transfer.FIXED,
						Expect.notTraced()),
				new BadInput("a gzip-encoded body", gzip(utf8(send)), "application/json",
						Map.of("Content-Encoding", "gzip"), Transfer.FIXED, Expect.notParsed("encoded")),
				new BadInput("a chunked upload", utf8(send("conv-chunked", "message/send", "y".repeat(2000))),
						"application/json", Map.of(), Transfer.CHUNKED, Expect.method("SendMessage", "conv-chunked")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badInputs")
	void reachesTheApplicationByteForByteWithTheUntracedResponseAndEndsItsSpan(BadInput input) throws Exception {
		ReliabilityApp.SpanCounter counter = context.getBean(ReliabilityApp.SpanCounter.class);
		awaitAllEnded(counter);
		// spans of the previous case may still sit in the batch processor: export them before
		// clearing, so that this case sees only its own spans
		context.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS);
		receiver.clear();

		HttpResponse<byte[]> traced = send("/a2a", input);
		HttpResponse<byte[]> untraced = send("/untraced/a2a", input);

		assertThat(traced.statusCode()).isEqualTo(untraced.statusCode());
		assertThat(traced.headers().firstValue("Content-Type")).isEqualTo(untraced.headers().firstValue("Content-Type"));
		assertThat(new String(traced.body(), StandardCharsets.UTF_8))
			.isEqualTo(new String(untraced.body(), StandardCharsets.UTF_8));
		if (traced.statusCode() == 200) {
			assertThat(new String(traced.body(), StandardCharsets.UTF_8)).as("the application read the exact bytes")
				.contains(ReliabilityApp.Endpoint.sha256(input.body()));
		}
		awaitAllEnded(counter);
		assertThat(counter.ended.get()).as("every span ended").isEqualTo(counter.started.get());
		if (input.expect().traced()) {
			Span root = root(receiver.awaitSpans((spans) -> root(spans) != null, Duration.ofSeconds(10)));
			assertThat(root.getKind()).as("the request's one server span").isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
			assertThat(root.getEndTimeUnixNano()).isGreaterThanOrEqualTo(root.getStartTimeUnixNano());
			if (input.expect().notParsed() != null || input.expect().method() != null) {
				assertThat(OtlpTestReceiver.attribute(root, "genai_tracing.a2a.body_not_parsed"))
					.isEqualTo(input.expect().notParsed());
			}
			if (input.expect().method() != null) {
				assertThat(root.getName()).isEqualTo("invoke_agent reliability-agent");
				assertThat(OtlpTestReceiver.attribute(root, "a2a.method.name")).isEqualTo(input.expect().method());
				assertThat(OtlpTestReceiver.attribute(root, "gen_ai.conversation.id"))
					.isEqualTo(input.expect().conversationId());
			}
		}
		else {
			List<Span> spans = receiver.awaitSpans((all) -> all.stream()
				.filter((span) -> span.getKind() == Span.SpanKind.SPAN_KIND_SERVER)
				.count() == 2, Duration.ofSeconds(10));
			assertThat(root(spans)).as("the request is not described as an A2A request").isNull();
			assertThat(spans).as("no agent span for the request")
				.noneMatch((span) -> span.getName().equals("invoke_agent reliability-agent"));
		}
		// Spring Boot ends the untraced request's span after its response went out: received
		// here, it cannot fall into the next case's spans
		receiver.awaitSpans((all) -> all.stream()
			.anyMatch((span) -> span.getKind() == Span.SpanKind.SPAN_KIND_SERVER
					&& String.valueOf(OtlpTestReceiver.attribute(span, "http.url")).endsWith("/untraced/a2a")),
				Duration.ofSeconds(10));
	}

	@ParameterizedTest(name = "{0} bytes")
	@ValueSource(ints = { 300, 20_000 })
	void servesAnApplicationThatReadsWithoutBlockingTheSameBytes(int size) throws Exception {
		receiver.clear();
		byte[] body = utf8(send("conv-non-blocking-" + size, "message/send", "z".repeat(size)));
		BadInput input = new BadInput("non-blocking", body, "application/json", Map.of(), Transfer.FIXED,
				Expect.aSpan());
		HttpResponse<byte[]> traced = send("/a2a/non-blocking", input);
		HttpResponse<byte[]> untraced = send("/untraced/a2a/non-blocking", input);
		assertThat(traced.statusCode()).isEqualTo(200);
		assertThat(new String(traced.body(), StandardCharsets.UTF_8))
			.isEqualTo(new String(untraced.body(), StandardCharsets.UTF_8))
			.contains(ReliabilityApp.Endpoint.sha256(body))
			.contains("\"length\":" + body.length);
		Span root = root(receiver.awaitSpans((spans) -> root(spans) != null, Duration.ofSeconds(10)));
		if (size > MAX_BODY) {
			assertThat(OtlpTestReceiver.attribute(root, "genai_tracing.a2a.body_not_parsed")).isEqualTo("too_large");
		}
		else {
			assertThat(OtlpTestReceiver.attribute(root, "gen_ai.conversation.id")).isEqualTo("conv-non-blocking-" + size);
		}
		assertThat(root.getEndTimeUnixNano()).isGreaterThanOrEqualTo(root.getStartTimeUnixNano());
	}

	/**
	 * The request's server span, when the filter described it as an A2A request.
	 */
	private static @Nullable Span root(List<Span> spans) {
		return spans.stream()
			.filter((span) -> OtlpTestReceiver.attribute(span, "a2a.method.name") != null
					|| OtlpTestReceiver.attribute(span, "genai_tracing.a2a.body_not_parsed") != null)
			.findFirst()
			.orElse(null);
	}

	private static void awaitAllEnded(ReliabilityApp.SpanCounter counter) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (counter.started.get() != counter.ended.get() && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
	}

	private HttpResponse<byte[]> send(String path, BadInput input) throws IOException, InterruptedException {
		HttpRequest.BodyPublisher body = (input.transfer() == Transfer.CHUNKED)
				? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(input.body()))
				: HttpRequest.BodyPublishers.ofByteArray(input.body());
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(20))
			.POST(body);
		if (!input.contentType().isEmpty()) {
			request.header("Content-Type", input.contentType());
		}
		input.headers().forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String send(String contextId, String method, String text) {
		return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":{\"message\":{\"kind\":\"message\","
				+ "\"messageId\":\"m-" + contextId + "\",\"role\":\"user\",\"contextId\":\"" + contextId
				+ "\",\"parts\":[{\"kind\":\"text\",\"text\":\"" + text + "\"}]}}}";
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] concat(byte[] bytes, int at, byte[] inserted) {
		byte[] result = new byte[bytes.length + inserted.length];
		System.arraycopy(bytes, 0, result, 0, at);
		System.arraycopy(inserted, 0, result, at, inserted.length);
		System.arraycopy(bytes, at, result, at + inserted.length, bytes.length - at);
		return result;
	}

	private static byte[] gzip(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	enum Transfer {

		FIXED, CHUNKED

	}

	/**
	 * What the filter should make of a request.
	 */
	record Expect(boolean traced, @Nullable String notParsed, @Nullable String method,
			@Nullable String conversationId) {

		static Expect notParsed(String reason) {
			return new Expect(true, reason, null, null);
		}

		static Expect method(String method, @Nullable String conversationId) {
			return new Expect(true, null, method, conversationId);
		}

		static Expect aSpan() {
			return new Expect(true, null, null, null);
		}

		static Expect notTraced() {
			return new Expect(false, null, null, null);
		}

	}

	record BadInput(String name, byte[] body, String contentType, Map<String, String> headers, Transfer transfer,
			Expect expect) {

		@Override
		public String toString() {
			return this.name;
		}

	}

}
