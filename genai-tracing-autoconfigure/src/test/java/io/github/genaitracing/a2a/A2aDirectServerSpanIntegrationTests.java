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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.genaitracing.test.OtlpTestReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP server span the starter makes for a request to an A2A endpoint
 * ({@code genai.tracing.a2a.direct-server-span}, on by default) is the span Micrometer
 * Tracing's handler makes: two applications, one with each, get the same requests over
 * real HTTP and their spans arrive through the real OTLP exporter.
 */
class A2aDirectServerSpanIntegrationTests {

	private static final String CALLER_SPAN = "00f067aa0ba902b7";

	private static final Instance direct = new Instance();

	private static final Instance micrometer = new Instance();

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start() {
		direct.start("genai.tracing.a2a.parent=continue");
		micrometer.start("genai.tracing.a2a.parent=continue", "genai.tracing.a2a.direct-server-span=false");
	}

	@AfterAll
	static void stop() {
		direct.stop();
		micrometer.stop();
	}

	@Test
	void theStartersHandlerMakesTheServerSpansOfA2aRequestsOnlyWhenOn() {
		assertThat(direct.context.getBeansOfType(A2aServerObservationHandler.class)).hasSize(1);
		assertThat(micrometer.context.getBeansOfType(A2aServerObservationHandler.class)).isEmpty();
	}

	@Test
	void aPostToAnA2aPathThatIsNotJsonRpcGetsTheSameSpanAsFromMicrometer() throws Exception {
		Span fromDirect = direct.send(this.http, "not json at all", "11");
		Span fromMicrometer = micrometer.send(this.http, "not json at all", "12");
		assertTheSameServerSpan(fromDirect, fromMicrometer);
		assertThat(fromDirect.getName()).isEqualTo("http post /a2a");
		assertThat(OtlpTestReceiver.attribute(fromDirect, "uri")).isEqualTo("/a2a");
		assertThat(OtlpTestReceiver.attribute(fromDirect, "method")).isEqualTo("POST");
		assertThat(OtlpTestReceiver.attribute(fromDirect, "status")).isEqualTo("200");
		assertThat(OtlpTestReceiver.attribute(fromDirect, "gen_ai.operation.name")).as("left to Spring Boot").isNull();
	}

	@Test
	void anA2aMessageGetsTheSameSpanAsFromMicrometerWithTheCallersBaggageAndLogContext() throws Exception {
		String message = "{\"jsonrpc\":\"2.0\",\"id\":\"r-1\",\"method\":\"SendMessage\",\"params\":{\"message\":"
				+ "{\"messageId\":\"m-1\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"log context\"}]}}}";
		Span fromDirect = direct.send(this.http, message, "21");
		Span fromMicrometer = micrometer.send(this.http, message, "22");
		assertTheSameServerSpan(fromDirect, fromMicrometer);
		assertThat(fromDirect.getName()).isEqualTo("invoke_agent shape-agent");
		assertThat(OtlpTestReceiver.attribute(fromDirect, "gen_ai.conversation.id")).as("from the caller's baggage")
			.isEqualTo("ctx-baggage");
		String seen = direct.lastBody;
		assertThat(seen).as("the application's log context and baggage while the request runs")
			.contains("\"mdcTraceId\":\"" + OtlpTestReceiver.hex(fromDirect.getTraceId()) + "\"")
			.contains("\"baggageConversationId\":\"ctx-baggage\"");
		assertThat(micrometer.lastBody.replace(OtlpTestReceiver.hex(fromMicrometer.getTraceId()), "TRACE")
			.replace(OtlpTestReceiver.hex(fromMicrometer.getSpanId()), "SPAN"))
			.isEqualTo(seen.replace(OtlpTestReceiver.hex(fromDirect.getTraceId()), "TRACE")
				.replace(OtlpTestReceiver.hex(fromDirect.getSpanId()), "SPAN"));
	}

	@Test
	void aRequestTheApplicationFailsOnGetsTheSameErrorAsFromMicrometer() throws Exception {
		// params that are not an object: the endpoint's cast fails, the request ends in a 500
		String failing = "{\"jsonrpc\":\"2.0\",\"id\":\"r-2\",\"method\":\"SendMessage\",\"params\":\"not an object\"}";
		Span fromDirect = direct.send(this.http, failing, "31");
		Span fromMicrometer = micrometer.send(this.http, failing, "32");
		assertTheSameServerSpan(fromDirect, fromMicrometer);
		assertThat(fromDirect.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
		assertThat(OtlpTestReceiver.attribute(fromDirect, "status")).isEqualTo("500");
		assertThat(fromDirect.getEventsList()).extracting(Span.Event::getName).contains("exception");
	}

	@Test
	void aMessageWithoutTraceHeadersIsTheRootOfANewTraceAsFromMicrometer() throws Exception {
		Span fromDirect = direct.sendAs(this.http, message("r-no-headers-1"), "r-no-headers-1");
		Span fromMicrometer = micrometer.sendAs(this.http, message("r-no-headers-2"), "r-no-headers-2");
		assertThat(fromDirect.getParentSpanId().isEmpty()).as("a root span").isTrue();
		assertThat(fromMicrometer.getParentSpanId().isEmpty()).isTrue();
		assertThat(fromDirect.getName()).isEqualTo("invoke_agent shape-agent").isEqualTo(fromMicrometer.getName());
		assertThat(without(attributes(fromDirect), "jsonrpc.request.id"))
			.isEqualTo(without(attributes(fromMicrometer), "jsonrpc.request.id"));
	}

	@Test
	void aMessageWithOnlyBaggageIsARootSpanWithTheBaggagesConversationIdAsFromMicrometer() throws Exception {
		Span fromDirect = direct.sendAs(this.http, message("r-baggage-1"), "r-baggage-1", "baggage",
				"gen_ai.conversation.id=ctx-only-baggage");
		Span fromMicrometer = micrometer.sendAs(this.http, message("r-baggage-2"), "r-baggage-2", "baggage",
				"gen_ai.conversation.id=ctx-only-baggage");
		assertThat(fromDirect.getParentSpanId().isEmpty()).as("a root span").isTrue();
		assertThat(OtlpTestReceiver.attribute(fromDirect, "gen_ai.conversation.id")).isEqualTo("ctx-only-baggage")
			.isEqualTo(OtlpTestReceiver.attribute(fromMicrometer, "gen_ai.conversation.id"));
	}

	@Test
	void aMessageWithOnlyAB3HeaderContinuesTheCallersTraceAsFromMicrometer() throws Exception {
		String trace = "4bf92f3577b34da6a3ce929d0e0e4741";
		Span fromDirect = direct.sendAs(this.http, message("r-b3-1"), "r-b3-1", "b3", trace + "-" + CALLER_SPAN + "-1");
		Span fromMicrometer = micrometer.sendAs(this.http, message("r-b3-2"), "r-b3-2", "b3",
				trace.replace("41", "42") + "-" + CALLER_SPAN + "-1");
		assertThat(OtlpTestReceiver.hex(fromDirect.getTraceId())).isEqualTo(trace);
		assertThat(OtlpTestReceiver.hex(fromDirect.getParentSpanId())).isEqualTo(CALLER_SPAN)
			.isEqualTo(OtlpTestReceiver.hex(fromMicrometer.getParentSpanId()));
	}

	private static String message(String requestId) {
		return "{\"jsonrpc\":\"2.0\",\"id\":\"" + requestId + "\",\"method\":\"SendMessage\",\"params\":{\"message\":"
				+ "{\"messageId\":\"m-1\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"headers\"}]}}}";
	}

	private static Map<String, Object> without(Map<String, Object> attributes, String key) {
		attributes.remove(key);
		return attributes;
	}

	private static void assertTheSameServerSpan(Span direct, Span micrometer) {
		assertThat(direct.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER).isEqualTo(micrometer.getKind());
		assertThat(OtlpTestReceiver.hex(direct.getParentSpanId())).as("the caller's span continued")
			.isEqualTo(CALLER_SPAN)
			.isEqualTo(OtlpTestReceiver.hex(micrometer.getParentSpanId()));
		assertThat(direct.getName()).isEqualTo(micrometer.getName());
		assertThat(direct.getStatus()).isEqualTo(micrometer.getStatus());
		assertThat(attributes(direct)).isEqualTo(attributes(micrometer));
		assertThat(direct.getEventsList()).extracting(Span.Event::getName)
			.isEqualTo(micrometer.getEventsList().stream().map(Span.Event::getName).toList());
	}

	private static Map<String, Object> attributes(Span span) {
		Map<String, Object> attributes = new TreeMap<>();
		span.getAttributesList()
			.forEach((attribute) -> attributes.put(attribute.getKey(), OtlpTestReceiver.value(attribute.getValue())));
		return attributes;
	}

	/** One application and the receiver of its spans. */
	private static final class Instance {

		private OtlpTestReceiver receiver;

		private ConfigurableApplicationContext context;

		private String lastBody;

		void start(String... properties) {
			this.receiver = OtlpTestReceiver.start();
			this.context = A2aTraceShapeIntegrationTests.run(this.receiver, properties);
		}

		void stop() {
			this.context.close();
			this.receiver.close();
		}

		/**
		 * Posts a body to {@code /a2a} as the child of a caller's span in a trace of its
		 * own, with a conversation id in the baggage, and returns the request's server span.
		 */
		Span send(HttpClient http, String body, String traceSuffix) throws Exception {
			String trace = "4bf92f3577b34da6a3ce929d0e0e47" + traceSuffix;
			return post(http, body, (span) -> isServerSpanOf(span, trace), "traceparent",
					"00-" + trace + "-" + CALLER_SPAN + "-01", "baggage", "gen_ai.conversation.id=ctx-baggage");
		}

		/**
		 * Posts a message to {@code /a2a} with only the headers given (name, value, …)
		 * besides the content type and A2A version, and returns the request's server span,
		 * found by its JSON-RPC request id.
		 */
		Span sendAs(HttpClient http, String body, String requestId, String... headers) throws Exception {
			return post(http, body, (span) -> isServerSpanWithId(span, requestId), headers);
		}

		private Span post(HttpClient http, String body, Predicate<Span> serverSpan, String... headers)
				throws Exception {
			String port = this.context.getEnvironment().getProperty("local.server.port");
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/a2a"))
				.header("Content-Type", "application/json")
				.header("A2A-Version", "1.0");
			for (int i = 0; i < headers.length; i += 2) {
				request.header(headers[i], headers[i + 1]);
			}
			HttpResponse<String> response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
					HttpResponse.BodyHandlers.ofString());
			this.lastBody = response.body();
			return this.receiver
				.awaitSpans((spans) -> spans.stream().anyMatch(serverSpan), Duration.ofSeconds(15))
				.stream()
				.filter(serverSpan)
				.findFirst()
				.orElseThrow();
		}

		private static boolean isServerSpanWithId(Span span, String requestId) {
			return span.getKind() == Span.SpanKind.SPAN_KIND_SERVER
					&& requestId.equals(OtlpTestReceiver.attribute(span, "jsonrpc.request.id"));
		}

		private static boolean isServerSpanOf(Span span, String trace) {
			return span.getKind() == Span.SpanKind.SPAN_KIND_SERVER && OtlpTestReceiver.hex(span.getTraceId()).equals(trace);
		}

	}

}
