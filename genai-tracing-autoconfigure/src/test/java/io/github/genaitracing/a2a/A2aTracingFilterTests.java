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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.ServerHttpObservationFilter;

import io.github.genaitracing.autoconfigure.A2aParentPolicy;
import io.github.genaitracing.autoconfigure.CaptureMode;
import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.core.AgentDefaults;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.semconv.A2aAttributes;
import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.semconv.OpenInferenceAttributes;
import io.github.genaitracing.spi.AttributeSink;
import io.github.genaitracing.spi.GenAiOperation;
import io.github.genaitracing.spi.SpanVocabulary;
import io.github.genaitracing.vocabulary.GenAiVocabulary;
import io.github.genaitracing.vocabulary.OpenInferenceVocabulary;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Tests for {@link A2aTracingFilter}.
 */
class A2aTracingFilterTests {

	@RegisterExtension
	static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

	private static final String SEND_03 = """
			{"jsonrpc":"2.0","id":1,"method":"message/send","params":{"message":{"kind":"message","messageId":"m-1",
			"role":"user","contextId":"ctx-1","parts":[{"kind":"text","text":"What is the weather?"}]}}}""";

	private static final String TASK_03 = """
			{"jsonrpc":"2.0","id":1,"result":{"kind":"task","id":"t-1","contextId":"ctx-1",
			"status":{"state":"completed"},"artifacts":[{"artifactId":"a","parts":[{"kind":"text","text":"Sunny."}]}]}}""";

	private static final String SEND_10 = """
			{"jsonrpc":"2.0","id":"r1","method":"SendMessage","params":{"message":{"messageId":"m-2","role":"ROLE_USER",
			"contextId":"ctx-2","parts":[{"text":"Hello"}]}}}""";

	private static final String TASK_10 = """
			{"jsonrpc":"2.0","id":"r1","result":{"task":{"id":"t-2","contextId":"ctx-2",
			"status":{"state":"TASK_STATE_INPUT_REQUIRED"}}}}""";

	private A2aTracingFilter filter(ContentPolicy policy, long maxBodySize) {
		SpanLifecycle spans = new SpanLifecycle(otel.getOpenTelemetry(),
				List.of(new GenAiVocabulary(), new OpenInferenceVocabulary()), "gen_ai.conversation.id");
		return new A2aTracingFilter(spans, policy, new AgentDefaults("weather-agent", null, null, "openai"),
				otel.getOpenTelemetry(), new A2aTracingFilter.Settings(List.of("/", "/a2a/**"), List.of(),
						maxBodySize, 1024 * 1024, A2aParentPolicy.CONTINUE));
	}

	private Exchange exchange(A2aTracingFilter filter, byte[] body, String contentType, String responseBody)
			throws Exception {
		return exchange(filter, body, contentType, responseBody, null);
	}

	private Exchange exchange10(A2aTracingFilter filter, byte[] body, String responseBody) throws Exception {
		return exchange(filter, body, "application/json", responseBody, "1.0");
	}

	private Exchange exchange(A2aTracingFilter filter, byte[] body, String contentType, String responseBody,
			String version) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
		if (version != null) {
			request.addHeader("A2A-Version", version);
		}
		request.setContent(body);
		if (contentType != null) {
			request.setContentType(contentType);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		EchoServlet servlet = new EchoServlet(responseBody);
		filter.doFilter(request, response, new MockFilterChain(servlet));
		return new Exchange(servlet.received, response.getContentAsByteArray());
	}

	@Test
	void tracesA2a03SendMessageWithTaskResultAndNoContent() throws Exception {
		Exchange exchange = exchange(filter(ContentPolicy.disabled(), 1024 * 1024), SEND_03.getBytes(),
				"application/json", TASK_03);
		assertThat(exchange.received()).isEqualTo(SEND_03.getBytes());
		assertThat(exchange.response()).isEqualTo(TASK_03.getBytes());
		SpanData span = otel.getSpans().get(0);
		assertThat(span).hasName("invoke_agent weather-agent")
			.hasKind(SpanKind.SERVER)
			.hasAttributesSatisfyingExactly(
					io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo(GenAiAttributes.OPERATION_NAME,
							"invoke_agent"),
					io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo(GenAiAttributes.PROVIDER_NAME,
							"openai"),
					io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo(GenAiAttributes.AGENT_NAME,
							"weather-agent"),
					io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions
						.equalTo(GenAiAttributes.CONVERSATION_ID, "ctx-1"),
					io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo(OpenInferenceAttributes.SPAN_KIND,
							"AGENT"),
					io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo(OpenInferenceAttributes.AGENT_NAME,
							"weather-agent"),
					io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo(OpenInferenceAttributes.SESSION_ID,
							"ctx-1"),
					io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo(A2aAttributes.METHOD_NAME,
							"SendMessage"),
					io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo(A2aAttributes.MESSAGE_ID, "m-1"),
					io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo(A2aAttributes.PROTOCOL_VERSION,
							"0.3"),
					io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo(A2aAttributes.JSONRPC_REQUEST_ID,
							"1"),
					io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo(A2aAttributes.TASK_STATE,
							"TASK_STATE_COMPLETED"),
					io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo(A2aAttributes.TASK_ID, "t-1"));
	}

	@Test
	void tracesA2a10SendMessageAndRecordsContentWhenOn() throws Exception {
		exchange10(filter(new ContentPolicy(CaptureMode.SPAN, 4096, List.of()), 1024 * 1024), SEND_10.getBytes(),
				TASK_10);
		SpanData span = otel.getSpans().get(0);
		assertThat(span).hasAttribute(A2aAttributes.PROTOCOL_VERSION, "1.0")
			.hasAttribute(A2aAttributes.TASK_STATE, "TASK_STATE_INPUT_REQUIRED")
			.hasAttribute(GenAiAttributes.CONVERSATION_ID, "ctx-2")
			.hasAttribute(OpenInferenceAttributes.INPUT_VALUE, "Hello");
	}

	@Test
	void marksJsonRpcErrors() throws Exception {
		exchange(filter(ContentPolicy.disabled(), 1024 * 1024), SEND_03.getBytes(), "application/json",
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32001,\"message\":\"Task not found\"}}");
		assertThat(otel.getSpans().get(0)).hasStatus(StatusData.create(io.opentelemetry.api.trace.StatusCode.ERROR,
				"Task not found"))
			.hasAttribute(GenAiAttributes.ERROR_TYPE, "-32001");
	}

	@Test
	void passesBadBodiesThroughByteForByteAndEndsEverySpan() throws Exception {
		Random random = new Random(42);
		byte[] invalidUtf8 = { '{', '"', (byte) 0xC3, (byte) 0x28, '"', '}' };
		byte[] deep = ("[".repeat(5000) + "]".repeat(5000)).getBytes();
		byte[] noise = new byte[4096];
		random.nextBytes(noise);
		List<byte[]> bodies = List.of("not json".getBytes(), "[{\"jsonrpc\":\"2.0\",\"method\":\"message/send\"}]".getBytes(),
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"message/send\"}".getBytes(),
				"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"message/send\",\"params\":{\"message\":{\"parts\":[{\"kind\":\"weird\"}]}}}"
					.getBytes(),
				"{\"hello\":\"world\"}".getBytes(), invalidUtf8, deep, noise, new byte[0]);
		A2aTracingFilter filter = filter(ContentPolicy.disabled(), 1024 * 1024);
		for (byte[] body : bodies) {
			assertThatCode(() -> {
				Exchange exchange = exchange(filter, body, "application/json", "plain response");
				assertThat(exchange.received()).isEqualTo(body);
				assertThat(exchange.response()).isEqualTo("plain response".getBytes());
			}).doesNotThrowAnyException();
		}
		// the three that claim to be JSON-RPC are A2A requests; the rest are not A2A traffic
		assertThat(otel.getSpans()).hasSize(3).allSatisfy((span) -> assertThat(span).hasEnded());
		assertThat(otel.getSpans().get(0)).hasName("POST").hasAttribute(A2aAttributes.BODY_NOT_PARSED, "batch");
	}

	@Test
	void passesABodyOverTheCapThroughUntouchedAndSaysItWasNotParsed() throws Exception {
		byte[] body = SEND_03.repeat(10).getBytes();
		Exchange exchange = exchange(filter(ContentPolicy.disabled(), 100), body, "application/json", TASK_03);
		assertThat(exchange.received()).isEqualTo(body);
		assertThat(otel.getSpans().get(0)).hasAttribute(A2aAttributes.BODY_NOT_PARSED, "too_large");
	}

	@Test
	void skipsGetNonJsonAndAgentCardRequests() throws Exception {
		A2aTracingFilter filter = filter(ContentPolicy.disabled(), 1024);
		MockHttpServletRequest get = new MockHttpServletRequest("GET", "/");
		filter.doFilter(get, new MockHttpServletResponse(), new MockFilterChain(new EchoServlet("x")));
		MockHttpServletRequest card = new MockHttpServletRequest("POST", "/.well-known/agent-card.json");
		card.setContentType("application/json");
		filter.doFilter(card, new MockHttpServletResponse(), new MockFilterChain(new EchoServlet("x")));
		Exchange form = exchange(filter, "a=b".getBytes(), "application/x-www-form-urlencoded", "x");
		assertThat(form.received()).isEqualTo("a=b".getBytes());
		Exchange text = exchange(filter, SEND_03.getBytes(), "text/plain;charset=UTF-8", TASK_03);
		assertThat(text.received()).isEqualTo(SEND_03.getBytes());
		assertThat(otel.getSpans()).isEmpty();
		// any JSON content type, in any case, is read
		exchange(filter, SEND_03.getBytes(), "Application/A2A+JSON; charset=UTF-8", TASK_03);
		assertThat(otel.getSpans()).singleElement()
			.satisfies((span) -> assertThat(span.getName()).startsWith("invoke_agent"));
	}

	@Test
	void readsStreamedEventsForStateAndOutput() throws Exception {
		String stream = "data: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"kind\":\"status-update\",\"taskId\":\"t-9\",\"contextId\":\"ctx-1\",\"status\":{\"state\":\"working\"},\"final\":false}}\n\n"
				+ "data: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"kind\":\"artifact-update\",\"taskId\":\"t-9\",\"artifact\":{\"artifactId\":\"a\",\"parts\":[{\"kind\":\"text\",\"text\":\"Sun\"}]}}}\r\n\r\n"
				+ "data: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"kind\":\"status-update\",\"taskId\":\"t-9\",\"status\":{\"state\":\"completed\"},\"final\":true}}\n\n";
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
		request.setContentType("application/json");
		request.setContent(SEND_03.replace("message/send", "message/stream").getBytes());
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter(new ContentPolicy(CaptureMode.SPAN, 4096, List.of()), 1024).doFilter(request, response,
				new MockFilterChain(new HttpServlet() {
					@Override
					protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
						req.getInputStream().readAllBytes();
						res.setContentType("text/event-stream");
						byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
						for (int i = 0; i < bytes.length; i += 7) {
							res.getOutputStream().write(bytes, i, Math.min(7, bytes.length - i));
							res.getOutputStream().flush();
						}
					}
				}));
		assertThat(response.getContentAsString()).isEqualTo(stream);
		assertThat(otel.getSpans().get(0)).hasAttribute(A2aAttributes.METHOD_NAME, "SendStreamingMessage")
			.hasAttribute(A2aAttributes.TASK_STATE, "TASK_STATE_COMPLETED")
			.hasAttribute(A2aAttributes.STREAM_EVENT_COUNT, 3L)
			.hasAttribute(OpenInferenceAttributes.OUTPUT_VALUE, "Sun");
	}

	@Test
	void readsTheTaskIdOfTaskAndPushNotificationMethodsFromTheirParams() throws Exception {
		A2aTracingFilter filter = filter(ContentPolicy.disabled(), 4096);
		exchange(filter, """
				{"jsonrpc":"2.0","id":1,"method":"tasks/get","params":{"id":"t-get","historyLength":2}}""".getBytes(),
				"application/json", TASK_03);
		exchange(filter, """
				{"jsonrpc":"2.0","id":2,"method":"tasks/pushNotificationConfig/set","params":{"taskId":"t-push",
				"pushNotificationConfig":{"url":"https://example.org/hook"}}}""".getBytes(), "application/json",
				"{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{}}");
		exchange10(filter, """
				{"jsonrpc":"2.0","id":"3","method":"CancelTask","params":{"id":"t-cancel"}}""".getBytes(),
				"{\"jsonrpc\":\"2.0\",\"id\":\"3\",\"result\":{\"id\":\"t-cancel\","
						+ "\"status\":{\"state\":\"TASK_STATE_CANCELLED\"}}}");
		assertThat(otel.getSpans()).hasSize(3);
		assertThat(otel.getSpans().get(0)).hasName("GetTask")
			.hasKind(SpanKind.SERVER)
			.hasAttribute(A2aAttributes.METHOD_NAME, "GetTask")
			.hasAttribute(A2aAttributes.TASK_ID, "t-get")
			.hasAttribute(A2aAttributes.PROTOCOL_VERSION, "0.3");
		assertThat(otel.getSpans().get(1))
			.hasAttribute(A2aAttributes.METHOD_NAME, "CreateTaskPushNotificationConfig")
			.hasAttribute(A2aAttributes.TASK_ID, "t-push");
		assertThat(otel.getSpans().get(2)).hasAttribute(A2aAttributes.METHOD_NAME, "CancelTask")
			.hasAttribute(A2aAttributes.TASK_ID, "t-cancel")
			.hasAttribute(A2aAttributes.PROTOCOL_VERSION, "1.0")
			.hasAttribute(A2aAttributes.TASK_STATE, "TASK_STATE_CANCELED");
	}

	@Test
	void writesAPollsStartAttributesOnceAndEachPollsOwnAttributesOnBootsServerSpan() throws Exception {
		CountingVocabulary vocabulary = new CountingVocabulary();
		SpanLifecycle spans = new SpanLifecycle(otel.getOpenTelemetry(), List.of(vocabulary), "gen_ai.conversation.id");
		A2aTracingFilter filter = new A2aTracingFilter(spans, ContentPolicy.disabled(),
				new AgentDefaults("weather-agent", null, null, "openai"), otel.getOpenTelemetry(),
				new A2aTracingFilter.Settings(List.of("/"), List.of(), 4096, 4096, A2aParentPolicy.CONTINUE));
		int described = vocabulary.starts;
		for (int i = 1; i <= 3; i++) {
			pollOnBootsServerSpan(filter, "t-" + i, 50000 + i);
		}
		assertThat(vocabulary.starts).as("no vocabulary asked per poll").isEqualTo(described);
		List<SpanData> polls = otel.getSpans();
		assertThat(polls).hasSize(3);
		for (int i = 1; i <= 3; i++) {
			assertThat(polls.get(i - 1)).hasName("GetTask")
				.hasKind(SpanKind.SERVER)
				.hasAttribute(GenAiAttributes.AGENT_NAME, "weather-agent")
				.hasAttribute(A2aAttributes.METHOD_NAME, "GetTask")
				.hasAttribute(A2aAttributes.TASK_ID, "t-" + i)
				.hasAttribute(A2aAttributes.JSONRPC_REQUEST_ID, String.valueOf(i))
				.hasAttribute(A2aAttributes.TASK_STATE, "TASK_STATE_WORKING")
				.hasAttribute(GenAiAttributes.CLIENT_ADDRESS, "10.0.0.7")
				.hasAttribute(GenAiAttributes.CLIENT_PORT, 50000L + i)
				.hasAttribute(GenAiAttributes.SERVER_ADDRESS, "agent.example")
				.hasAttribute(GenAiAttributes.SERVER_PORT, 8443L)
				.hasAttribute(GenAiAttributes.CONVERSATION_ID, "ctx-" + i);
			assertThat(polls.get(i - 1).getAttributes().get(GenAiAttributes.OPERATION_NAME)).isNull();
		}
	}

	/**
	 * Sends a {@code tasks/get} through the filter as Spring Boot's observation filter
	 * would: its server span current and its observation on the request.
	 */
	private void pollOnBootsServerSpan(A2aTracingFilter filter, String taskId, int clientPort) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
		request.setRemoteAddr("10.0.0.7");
		request.setRemotePort(clientPort);
		request.setServerName("agent.example");
		request.setServerPort(8443);
		request.setContentType("application/json");
		String id = taskId.substring(2);
		request.setContent(("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tasks/get\",\"params\":{\"id\":\""
				+ taskId + "\"}}").getBytes(StandardCharsets.UTF_8));
		MockHttpServletResponse response = new MockHttpServletResponse();
		request.setAttribute(ServerHttpObservationFilter.CURRENT_OBSERVATION_CONTEXT_ATTRIBUTE,
				new ServerRequestObservationContext(request, response));
		Span boot = otel.getOpenTelemetry()
			.getTracer("boot")
			.spanBuilder("http post /")
			.setSpanKind(SpanKind.SERVER)
			.startSpan();
		try (Scope scope = boot.makeCurrent()) {
			filter.doFilter(request, response, new MockFilterChain(new EchoServlet("{\"jsonrpc\":\"2.0\",\"id\":" + id
					+ ",\"result\":{\"id\":\"" + taskId + "\",\"contextId\":\"ctx-" + id
					+ "\",\"status\":{\"state\":\"working\"},\"kind\":\"task\"}}")));
		}
		boot.end();
	}

	@Test
	void passesWhatTheApplicationWritesToItsWriterWithoutFlushingAndReadsTheResult() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
		request.setContentType("application/json");
		request.setContent(SEND_03.getBytes(StandardCharsets.UTF_8));
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter(ContentPolicy.disabled(), 4096).doFilter(request, response, new MockFilterChain(new HttpServlet() {
			@Override
			protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
				res.setContentType("application/json");
				res.setCharacterEncoding("UTF-8");
				res.getWriter().write(TASK_03.replace("Sunny.", "Sunny, 21 °C."));
			}
		}));
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(TASK_03.replace("Sunny.", "Sunny, 21 °C."));
		assertThat(otel.getSpans().get(0)).hasAttribute(A2aAttributes.TASK_STATE, "TASK_STATE_COMPLETED");
	}

	@Test
	void decodesTheBodyForGetReaderAsTheContainerWould() throws Exception {
		byte[] body = SEND_03.replace("What is the weather?", "Wetter in Köln?").getBytes(StandardCharsets.UTF_8);
		for (String encoding : new String[] { null, "UTF-8" }) {
			MockHttpServletRequest untraced = new MockHttpServletRequest("POST", "/");
			untraced.setContentType("application/json");
			untraced.setContent(body);
			if (encoding != null) {
				untraced.setCharacterEncoding(encoding);
			}
			String expected = untraced.getReader().readLine();
			MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
			request.setContentType("application/json");
			request.setContent(body);
			if (encoding != null) {
				request.setCharacterEncoding(encoding);
			}
			String[] read = new String[1];
			filter(ContentPolicy.disabled(), 4096).doFilter(request, new MockHttpServletResponse(),
					new MockFilterChain(new HttpServlet() {
						@Override
						protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
							read[0] = req.getReader().readLine();
						}
					}));
			org.assertj.core.api.Assertions.assertThat(read[0]).as("encoding " + encoding).isEqualTo(expected);
		}
	}

	@Test
	void givesTheApplicationWhatArrivedThenTheFailureWhenTheClientStopsSendingMidBody() throws Exception {
		byte[] arrived = SEND_03.substring(0, 50).getBytes(StandardCharsets.UTF_8);
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/") {
			private final ServletInputStream failing = new ServletInputStream() {
				private int position;

				@Override
				public int read() throws IOException {
					if (this.position < arrived.length) {
						return arrived[this.position++];
					}
					throw new IOException("client gone");
				}

				@Override
				public boolean isFinished() {
					return false;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
				}
			};

			@Override
			public ServletInputStream getInputStream() {
				return this.failing;
			}
		};
		request.setContentType("application/json");
		java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
		IOException[] failure = new IOException[1];
		filter(ContentPolicy.disabled(), 4096).doFilter(request, new MockHttpServletResponse(),
				new MockFilterChain(new HttpServlet() {
					@Override
					protected void service(HttpServletRequest req, HttpServletResponse res) {
						try {
							int b;
							while ((b = req.getInputStream().read()) != -1) {
								received.write(b);
							}
						}
						catch (IOException ex) {
							failure[0] = ex;
						}
					}
				}));
		org.assertj.core.api.Assertions.assertThat(received.toByteArray()).isEqualTo(arrived);
		org.assertj.core.api.Assertions.assertThat(failure[0]).hasMessage("client gone");
		org.assertj.core.api.Assertions.assertThat(otel.getSpans()).isEmpty();
	}

	@Test
	void holdsNoMoreThanItsCapsForARequestAndReleasesAllOfItAtTheEnd() throws Exception {
		A2aBufferedBytes held = new A2aBufferedBytes();
		int maxResponse = 512;
		long maxBody = 256;
		SpanLifecycle spans = new SpanLifecycle(otel.getOpenTelemetry(), List.of(new GenAiVocabulary()), null);
		A2aTracingFilter filter = new A2aTracingFilter(spans, ContentPolicy.disabled(),
				new AgentDefaults("weather-agent", null, null, "openai"), otel.getOpenTelemetry(),
				new A2aTracingFilter.Settings(List.of("/"), List.of(), maxBody, maxResponse,
						A2aParentPolicy.CONTINUE),
				held);
		String event = "data: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"kind\":\"status-update\",\"taskId\":\"t\","
				+ "\"status\":{\"state\":\"working\"},\"final\":false}}\n\n";
		byte[] stream = event.repeat(200).getBytes(StandardCharsets.UTF_8);
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
		request.setContentType("application/json");
		byte[] body = SEND_03.replace("message/send", "message/stream").repeat(3).getBytes(StandardCharsets.UTF_8);
		request.setContent(body);
		MockHttpServletResponse response = new MockHttpServletResponse();
		long[] heldDuringTheRequest = new long[1];
		filter.doFilter(request, response, new MockFilterChain(new HttpServlet() {
			@Override
			protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
				assertThat(req.getInputStream().readAllBytes()).isEqualTo(body);
				res.setContentType("text/event-stream");
				res.getOutputStream().write(stream);
				heldDuringTheRequest[0] = held.inFlight();
			}
		}));
		assertThat(response.getContentAsByteArray()).isEqualTo(stream);
		assertThat(heldDuringTheRequest[0]).as("the body prefix and the unread events are held").isPositive();
		assertThat(held.largestRequest()).isPositive()
			.isLessThanOrEqualTo(A2aBufferedBytes.requestCap(maxBody, maxResponse));
		assertThat(held.peakInFlight()).isLessThanOrEqualTo(A2aBufferedBytes.requestCap(maxBody, maxResponse));
		assertThat(held.inFlight()).as("released at the end").isZero();
		assertThat(otel.getSpans().get(0)).hasAttribute(A2aAttributes.STREAM_EVENT_COUNT, 200L);
	}

	private record Exchange(byte[] received, byte[] response) {
	}

	private static final class EchoServlet extends HttpServlet {

		private final String responseBody;

		private byte[] received = new byte[0];

		EchoServlet(String responseBody) {
			this.responseBody = responseBody;
		}

		@Override
		protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
			this.received = request.getInputStream().readAllBytes();
			response.setContentType("application/json");
			response.getOutputStream().write(this.responseBody.getBytes(StandardCharsets.UTF_8));
		}

	}

	/** The GenAI vocabulary, counting the starts it is asked to describe. */
	private static final class CountingVocabulary implements SpanVocabulary {

		private final GenAiVocabulary vocabulary = new GenAiVocabulary();

		private int starts;

		@Override
		public void onStart(GenAiOperation operation, @Nullable String conversationId, AttributeSink sink) {
			this.starts++;
			this.vocabulary.onStart(operation, conversationId, sink);
		}

		@Override
		public boolean isStartRepeatable() {
			return true;
		}

	}

}
