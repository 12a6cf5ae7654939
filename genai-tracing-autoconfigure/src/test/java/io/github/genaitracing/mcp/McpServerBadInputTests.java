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

package io.github.genaitracing.mcp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.semconv.McpAttributes;
import io.github.genaitracing.test.GenAiSpanAssert;
import io.github.genaitracing.test.OtlpTestReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each bad input the MCP server side must survive, over real HTTP to Spring AI's WebMVC
 * streamable HTTP transport: the same request goes to a traced server and to one with MCP
 * tracing off; the traced response equals the untraced one, and the spans made are
 * bounded and ended.
 */
class McpServerBadInputTests {

	private static OtlpTestReceiver receiver;

	private static ConfigurableApplicationContext traced;

	private static ConfigurableApplicationContext untraced;

	private static Session tracedSession;

	private static Session untracedSession;

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	static void start() throws Exception {
		receiver = OtlpTestReceiver.start();
		traced = server("traced");
		untraced = server("untraced", "genai.tracing.mcp.server.enabled=false");
		tracedSession = Session.open(traced);
		untracedSession = Session.open(untraced);
	}

	private static ConfigurableApplicationContext server(String name, String... properties) {
		return new SpringApplicationBuilder(McpTracingIntegrationTests.ServerApp.class)
			.properties("spring.application.name=" + name,
					"management.opentelemetry.tracing.export.otlp.endpoint=" + receiver.tracesEndpoint(),
					"management.tracing.sampling.probability=1.0",
					"management.opentelemetry.tracing.export.schedule-delay=50ms",
					"management.otlp.metrics.export.enabled=false", "spring.ai.openai.api-key=unused",
					"server.port=0", "spring.ai.mcp.client.enabled=false", "spring.ai.mcp.server.name=" + name,
					"spring.ai.mcp.server.protocol=STREAMABLE", "spring.ai.mcp.server.annotation-scanner.enabled=false",
					// the transport leaves the event stream of an unknown method open
					"server.shutdown=immediate")
			.properties(properties)
			.run();
	}

	@AfterAll
	static void stop() {
		traced.close();
		untraced.close();
		receiver.close();
	}

	@Test
	void malformedTraceparentInMetaIsIgnored() throws Exception {
		String body = toolCall(11, "get_forecast", "{\"traceparent\":\"00-zz-not-a-trace-01\"}");
		Span server = sameAsUntraced(body, "tools/call get_forecast", "11");
		assertThat(server.getLinksCount()).isZero();
		assertThat(server.getParentSpanId().isEmpty()).isFalse(); // the HTTP request's span
	}

	@Test
	void allZeroTraceparentIsIgnored() throws Exception {
		String body = toolCall(12, "get_forecast",
				"{\"traceparent\":\"00-00000000000000000000000000000000-0000000000000000-01\"}");
		Span server = sameAsUntraced(body, "tools/call get_forecast", "12");
		assertThat(server.getLinksCount()).isZero();
	}

	@Test
	void metaThatIsNotAnObjectIsIgnored() throws Exception {
		sameAsUntraced(toolCall(13, "get_forecast", "\"just a string\""), "tools/call get_forecast", "13");
		sameAsUntraced(toolCall(14, "get_forecast", "[1,2,3]"), "tools/call get_forecast", "14");
	}

	@Test
	void nonStringMetaValuesAreIgnored() throws Exception {
		Span server = sameAsUntraced(
				toolCall(15, "get_forecast", "{\"traceparent\":42,\"baggage\":[\"gen_ai.conversation.id=x\"]}"),
				"tools/call get_forecast", "15");
		GenAiSpanAssert.assertThat(server).doesNotHaveAttributes("gen_ai.conversation.id");
	}

	@Test
	void oversizedBaggageIsIgnored() throws Exception {
		String baggage = "gen_ai.conversation.id=" + "x".repeat(9000);
		Span server = sameAsUntraced(toolCall(16, "get_forecast", "{\"baggage\":\"" + baggage + "\"}"),
				"tools/call get_forecast", "16");
		GenAiSpanAssert.assertThat(server).doesNotHaveAttributes("gen_ai.conversation.id");
	}

	@Test
	void overlongConversationIdInBaggageIsDropped() throws Exception {
		String baggage = "gen_ai.conversation.id=" + "y".repeat(1000);
		Span server = sameAsUntraced(toolCall(17, "get_forecast", "{\"baggage\":\"" + baggage + "\"}"),
				"tools/call get_forecast", "17");
		GenAiSpanAssert.assertThat(server).doesNotHaveAttributes("gen_ai.conversation.id");
	}

	@Test
	void conversationIdInBaggageWithoutTraceparentReachesTheServerSpans() throws Exception {
		Span server = sameAsUntraced(
				toolCall(18, "get_forecast", "{\"baggage\":\"gen_ai.conversation.id=conv-baggage-only\"}"),
				"tools/call get_forecast", "18");
		GenAiSpanAssert.assertThat(server).hasAttribute(GenAiAttributes.CONVERSATION_ID, "conv-baggage-only");
	}

	@Test
	void unknownMethodIsNamedOtherAndRecordsTheJsonRpcError() throws Exception {
		String body = "{\"jsonrpc\":\"2.0\",\"id\":19,\"method\":\"weird/" + "m".repeat(500)
				+ "\",\"params\":{\"_meta\":{}}}";
		Span server = sameAsUntraced(body, "_OTHER", "19");
		GenAiSpanAssert.assertThat(server)
			.hasAttribute(McpAttributes.METHOD_NAME, "_OTHER")
			.hasAttribute(GenAiAttributes.ERROR_TYPE, "-32601");
	}

	@Test
	void overlongToolNameIsCut() throws Exception {
		String name = "t".repeat(1000);
		Span server = sameAsUntraced(toolCall(20, name, "{}"), "tools/call " + "t".repeat(128), "20");
		GenAiSpanAssert.assertThat(server)
			.hasAttribute(GenAiAttributes.TOOL_NAME, "t".repeat(128))
			.hasAttribute(GenAiAttributes.ERROR_TYPE, "-32602");
	}

	@Test
	void bodiesThatAreNotOneJsonRpcMessagePassUntraced() throws Exception {
		for (String body : List.of("not json", "[{\"jsonrpc\":\"2.0\",\"id\":21,\"method\":\"ping\"}]", "{}",
				"{\"jsonrpc\":\"2.0\",\"id\":22,\"method\":7}", "")) {
			assertThat(post(tracedSession, body)).as(body).isEqualTo(post(untracedSession, body));
		}
	}

	private static String toolCall(int id, String tool, String meta) {
		return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
				+ "\",\"arguments\":{\"city\":\"Porto\"},\"_meta\":" + meta + "}}";
	}

	/**
	 * Posts the body to both servers, asserts the same answer, and returns the traced
	 * server's (ended) SERVER span for the request id.
	 */
	private static Span sameAsUntraced(String body, String spanName, String requestId) throws Exception {
		String answer = post(tracedSession, body);
		assertThat(answer).isEqualTo(post(untracedSession, body));
		List<Span> spans = receiver.awaitSpans((all) -> find(all, spanName, requestId) != null, Duration.ofSeconds(10));
		Span server = find(spans, spanName, requestId);
		assertThat(server.getEndTimeUnixNano()).isGreaterThanOrEqualTo(server.getStartTimeUnixNano());
		return server;
	}

	private static Span find(List<Span> spans, String name, String requestId) {
		return spans.stream()
			.filter((span) -> span.getName().equals(name) && span.getKind() == Span.SpanKind.SPAN_KIND_SERVER
					&& requestId.equals(OtlpTestReceiver.attribute(span, "jsonrpc.request.id")))
			.findFirst()
			.orElse(null);
	}

	/**
	 * Status and body up to the end of its first server-sent event (the transport keeps
	 * some event streams open), without the transport's per-session SSE event ids, times
	 * and stack frames.
	 */
	private static String post(Session session, String body) throws Exception {
		HttpResponse<java.io.InputStream> response = http.send(session.request(body),
				HttpResponse.BodyHandlers.ofInputStream());
		StringBuilder text = new StringBuilder();
		try (java.io.BufferedReader reader = new java.io.BufferedReader(
				new java.io.InputStreamReader(response.body(), java.nio.charset.StandardCharsets.UTF_8))) {
			boolean sse = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
			boolean data = false;
			String line;
			while ((line = reader.readLine()) != null) {
				if (sse && line.isEmpty() && data) {
					break;
				}
				data |= line.startsWith("data:");
				if (!line.startsWith("id:")) {
					text.append(line).append('\n');
				}
			}
		}
		// what differs between any two answers: time, and the stack frames the server
		// itself serialises into an error body
		return response.statusCode() + " " + text.toString()
			.replaceAll("\"timestamp\":\"[^\"]*\"", "\"timestamp\":\"*\"")
			.replaceAll("\"stackTrace\":\\[[^\\]]*\\]", "\"stackTrace\":[*]");
	}

	private record Session(URI uri, String id) {

		static Session open(ConfigurableApplicationContext context) throws Exception {
			URI uri = URI.create("http://127.0.0.1:"
					+ context.getEnvironment().getRequiredProperty("local.server.port") + "/mcp");
			HttpResponse<String> init = http.send(HttpRequest.newBuilder(uri)
				.timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json, text/event-stream")
				.POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
						+ "\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
						+ "\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			String id = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
			Session session = new Session(uri, id);
			post(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
			return session;
		}

		HttpRequest request(String body) {
			return HttpRequest.newBuilder(this.uri)
				.header("Content-Type", "application/json")
				.header("Accept", "application/json, text/event-stream")
				.header("Mcp-Session-Id", this.id)
				.header("MCP-Protocol-Version", "2025-06-18")
				.timeout(Duration.ofSeconds(10))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
		}

	}

}
