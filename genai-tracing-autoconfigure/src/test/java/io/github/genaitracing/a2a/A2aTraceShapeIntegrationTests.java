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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.github.genaitracing.annotation.AgentInvoke;
import io.github.genaitracing.context.GenAiContext;
import io.github.genaitracing.test.OtlpTestReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of an A2A agent's traces, end to end: real HTTP to a running Spring MVC A2A
 * endpoint (the real A2A Java SDK client, and raw 1.0 requests), spans exported through
 * Boot's real OTLP exporter, with Spring Boot's own HTTP server observation on. Parent
 * policy {@code new-trace-with-link}, so the caller-context filter, the adoption of Boot's
 * server span and its renaming are all at work.
 */
class A2aTraceShapeIntegrationTests {

	private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String CALLER_SPAN = "00f067aa0ba902b7";

	/** The pause between a task subscription's two events. */
	private static final long SUBSCRIPTION_PAUSE_MS = 200;

	private static OtlpTestReceiver receiver;

	private static ConfigurableApplicationContext context;

	private static String base;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start() {
		receiver = OtlpTestReceiver.start();
		context = run(receiver, "genai.tracing.a2a.parent=new-trace-with-link");
		base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
	}

	static ConfigurableApplicationContext run(OtlpTestReceiver receiver, String... properties) {
		return new SpringApplicationBuilder(App.class)
			.properties("server.port=0",
					"management.opentelemetry.tracing.export.otlp.endpoint=" + receiver.tracesEndpoint(),
					"management.tracing.sampling.probability=1.0",
					"management.opentelemetry.tracing.export.schedule-delay=50ms",
					"management.otlp.metrics.export.enabled=false", "spring.application.name=shape-agent",
					"spring.ai.openai.api-key=unused", "genai.tracing.capture-content=span",
					"logging.level.io.opentelemetry.exporter=OFF")
			.properties(properties)
			.run();
	}

	@AfterAll
	static void stop() {
		context.close();
		receiver.close();
	}

	private static List<Span> await(Predicate<List<Span>> condition) {
		return receiver.awaitSpans(condition, Duration.ofSeconds(15));
	}

	private static Predicate<List<Span>> has(String name, String key, String value) {
		return (spans) -> find(spans, name, key, value) != null;
	}

	private static Span find(List<Span> spans, String name, String key, String value) {
		return spans.stream()
			.filter((span) -> span.getName().equals(name) && value.equals(OtlpTestReceiver.attribute(span, key)))
			.findFirst()
			.orElse(null);
	}

	private static List<Span> trace(List<Span> spans, Span member) {
		return spans.stream().filter((span) -> span.getTraceId().equals(member.getTraceId())).toList();
	}

	private static List<Span> serverSpans(List<Span> spans) {
		return spans.stream().filter((span) -> span.getKind() == Span.SpanKind.SPAN_KIND_SERVER).toList();
	}

	private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void aMessageFromTheA2aJavaClientIsOneServerSpanTheInvokeAgentRootOfItsTrace() throws Exception {
		io.a2a.client.transport.jsonrpc.JSONRPCTransport transport = new io.a2a.client.transport.jsonrpc.JSONRPCTransport(
				base + "/a2a");
		io.a2a.spec.EventKind result = transport.sendMessage(new io.a2a.spec.MessageSendParams(
				io.a2a.A2A.createUserTextMessage("Hi", "ctx-root", null), null, null), null);
		assertThat(result).isInstanceOf(io.a2a.spec.Task.class);
		List<Span> spans = await((all) -> find(all, "invoke_agent inner", "gen_ai.conversation.id", "ctx-root") != null
				&& find(all, "invoke_agent shape-agent", "gen_ai.conversation.id", "ctx-root") != null);
		Span agent = find(spans, "invoke_agent shape-agent", "gen_ai.conversation.id", "ctx-root");
		assertThat(agent.getParentSpanId().isEmpty()).as("the root of its trace").isTrue();
		assertThat(agent.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
		assertThat(serverSpans(trace(spans, agent))).as("one server span for the request").containsExactly(agent);
		assertThat(OtlpTestReceiver.attribute(agent, "gen_ai.operation.name")).isEqualTo("invoke_agent");
		assertThat(OtlpTestReceiver.attribute(agent, "openinference.span.kind")).isEqualTo("AGENT");
		assertThat(OtlpTestReceiver.attribute(agent, "mlflow.spanType")).isEqualTo("AGENT");
		assertThat(OtlpTestReceiver.attribute(agent, "session.id")).isEqualTo("ctx-root");
		assertThat(OtlpTestReceiver.attribute(agent, "input.value")).isEqualTo("Hi");
		assertThat(OtlpTestReceiver.attribute(agent, "output.value")).isEqualTo("echo: Hi");
		assertThat(OtlpTestReceiver.attribute(agent, "a2a.method.name")).isEqualTo("SendMessage");
		assertThat(OtlpTestReceiver.attribute(agent, "a2a.protocol.version")).isEqualTo("0.3");
		assertThat(OtlpTestReceiver.attribute(agent, "uri")).as("Spring Boot's HTTP attributes kept")
			.isEqualTo("/a2a");
		Span inner = find(spans, "invoke_agent inner", "gen_ai.conversation.id", "ctx-root");
		assertThat(inner.getParentSpanId()).isEqualTo(agent.getSpanId());
	}

	@Test
	void aCallersTraceparentIsLinkedNotContinued() throws Exception {
		post("/a2a", send10("ctx-linked", "Hi"), "A2A-Version", "1.0", "traceparent",
				"00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01");
		List<Span> spans = await(has("invoke_agent shape-agent", "gen_ai.conversation.id", "ctx-linked"));
		Span agent = find(spans, "invoke_agent shape-agent", "gen_ai.conversation.id", "ctx-linked");
		assertThat(OtlpTestReceiver.hex(agent.getTraceId())).isNotEqualTo(CALLER_TRACE);
		assertThat(agent.getParentSpanId().isEmpty()).isTrue();
		assertThat(agent.getLinksList()).singleElement().satisfies((link) -> {
			assertThat(OtlpTestReceiver.hex(link.getTraceId())).isEqualTo(CALLER_TRACE);
			assertThat(OtlpTestReceiver.hex(link.getSpanId())).isEqualTo(CALLER_SPAN);
		});
		assertThat(OtlpTestReceiver.attribute(agent, "a2a.protocol.version")).isEqualTo("1.0");
	}

	@Test
	void aGetTaskPollIsAProtocolSpanNotAnAgentRun() throws Exception {
		io.a2a.client.transport.jsonrpc.JSONRPCTransport transport = new io.a2a.client.transport.jsonrpc.JSONRPCTransport(
				base + "/a2a");
		io.a2a.spec.Task task = transport.getTask(new io.a2a.spec.TaskQueryParams("t-poll"), null);
		assertThat(task.getId()).isEqualTo("t-poll");
		assertThat(task.getMetadata()).as("the task id the application reads during the poll")
			.containsEntry("currentTaskId", "t-poll");
		List<Span> spans = await(has("GetTask", "a2a.task.id", "t-poll"));
		Span poll = find(spans, "GetTask", "a2a.task.id", "t-poll");
		assertThat(poll.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
		assertThat(serverSpans(trace(spans, poll))).containsExactly(poll);
		assertThat(OtlpTestReceiver.attribute(poll, "a2a.method.name")).isEqualTo("GetTask");
		assertThat(OtlpTestReceiver.attribute(poll, "a2a.task.state")).isEqualTo("TASK_STATE_WORKING");
		assertThat(OtlpTestReceiver.attribute(poll, "gen_ai.conversation.id")).as("from the response")
			.isEqualTo("ctx-of-t-poll");
		assertThat(OtlpTestReceiver.attribute(poll, "gen_ai.agent.name")).isEqualTo("shape-agent");
		assertThat(OtlpTestReceiver.attribute(poll, "client.address")).isEqualTo("127.0.0.1");
		assertThat((Long) OtlpTestReceiver.attribute(poll, "client.port")).isPositive();
		assertThat(OtlpTestReceiver.attribute(poll, "server.address")).isEqualTo("127.0.0.1");
		assertThat(OtlpTestReceiver.attribute(poll, "server.port")).isEqualTo(Long.valueOf(base.substring(base.lastIndexOf(':') + 1)));
		for (String agentKey : List.of("gen_ai.operation.name", "openinference.span.kind", "mlflow.spanType",
				"input.value", "output.value")) {
			assertThat(OtlpTestReceiver.attribute(poll, agentKey)).as(agentKey).isNull();
		}
		assertThat(trace(spans, poll)).noneMatch((span) -> span.getName().startsWith("invoke_agent"));
	}

	@Test
	void theApplicationLogsWithItsRequestsSpanWhileTheRunsContextIsCurrentWithoutASecondScopeEvent()
			throws Exception {
		io.a2a.client.transport.jsonrpc.JSONRPCTransport transport = new io.a2a.client.transport.jsonrpc.JSONRPCTransport(
				base + "/a2a");
		io.a2a.spec.Task task = transport.getTask(new io.a2a.spec.TaskQueryParams("t-mdc"),
				new io.a2a.client.transport.spi.interceptors.ClientCallContext(Map.of(),
						Map.of(RequestsDone.HEADER, "mdc-poll")));
		List<Span> spans = await(has("GetTask", "a2a.task.id", "t-mdc"));
		Span poll = find(spans, "GetTask", "a2a.task.id", "t-mdc");
		assertThat(task.getMetadata()).containsEntry("currentTaskId", "t-mdc")
			.containsEntry("mdcTraceId", OtlpTestReceiver.hex(poll.getTraceId()))
			.containsEntry("mdcSpanId", OtlpTestReceiver.hex(poll.getSpanId()));
		// Spring Boot tells its MDC listeners of its own scopes; the starter's context for the
		// same span (the task id added) does not tell them again: as many scope events as a
		// request the starter does not trace
		assertAsManyScopeEventsAsAnUntracedRequest("mdc-poll", OtlpTestReceiver.hex(poll.getSpanId()));
	}

	/**
	 * Asserts that Spring Boot told its scope event listeners of a traced request's span as
	 * often as of a request the starter does not trace.
	 */
	private void assertAsManyScopeEventsAsAnUntracedRequest(String request, String spanId) throws Exception {
		String plain = request + "-plain";
		String plainSpanId = this.http
			.send(HttpRequest.newBuilder(URI.create(base + "/plain")).header(RequestsDone.HEADER, plain).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		// the body reaches the client before Boot's observation stops (and opens a scope to
		// record its meters): count once every server filter has returned
		RequestsDone.await(request);
		RequestsDone.await(plain);
		assertThat(ScopeEvents.ATTACHED.get(plainSpanId)).isNotNull();
		assertThat(ScopeEvents.ATTACHED.get(spanId)).isEqualTo(ScopeEvents.ATTACHED.get(plainSpanId));
	}

	@Test
	void aRunThatOnlyAddsTheConversationIdToTheBaggageMakesNoSecondScopeEventAndStillPropagatesIt()
			throws Exception {
		HttpResponse<String> response = post("/a2a", send10("ctx-log", "log context"), RequestsDone.HEADER,
				"log-run");
		List<Span> spans = await(has("invoke_agent shape-agent", "gen_ai.conversation.id", "ctx-log"));
		Span run = find(spans, "invoke_agent shape-agent", "gen_ai.conversation.id", "ctx-log");
		String runSpanId = OtlpTestReceiver.hex(run.getSpanId());
		assertThat(response.body()).contains("\"baggageConversationId\":\"ctx-log\"")
			.contains("\"mdcTraceId\":\"" + OtlpTestReceiver.hex(run.getTraceId()) + "\"")
			.contains("\"mdcSpanId\":\"" + runSpanId + "\"")
			// not a correlation field here: nothing of it in the MDC
			.contains("\"mdcConversationId\":\"null\"");
		assertAsManyScopeEventsAsAnUntracedRequest("log-run", runSpanId);
	}

	@Test
	void aConversationIdThatIsALogCorrelationFieldReachesTheMdcWhileTheRunRuns() throws Exception {
		try (OtlpTestReceiver otherReceiver = OtlpTestReceiver.start();
				ConfigurableApplicationContext other = run(otherReceiver,
						"management.tracing.baggage.correlation.fields=gen_ai.conversation.id")) {
			String otherBase = "http://127.0.0.1:" + other.getEnvironment().getProperty("local.server.port");
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create(otherBase + "/a2a"))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(send10("ctx-mdc", "log context")))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.body()).contains("\"mdcConversationId\":\"ctx-mdc\"")
				.contains("\"baggageConversationId\":\"ctx-mdc\"");
		}
	}

	@Test
	void theFirstTurnGetsTheConversationIdTheAgentCreated() throws Exception {
		// no contextId: the agent creates one and answers with it
		post("/a2a", send10(null, "first turn"), "A2A-Version", "1.0");
		List<Span> spans = await((all) -> {
			Span agent = find(all, "invoke_agent shape-agent", "gen_ai.conversation.id", "ctx-created-first turn");
			return agent != null && trace(all, agent).stream().anyMatch((span) -> span.getName().equals("invoke_agent inner"));
		});
		Span agent = find(spans, "invoke_agent shape-agent", "gen_ai.conversation.id", "ctx-created-first turn");
		assertThat(OtlpTestReceiver.attribute(agent, "session.id")).isEqualTo("ctx-created-first turn");
		assertThat(OtlpTestReceiver.attribute(agent, "a2a.task.id")).as("the new task").isEqualTo("t-new");
		Span inner = trace(spans, agent).stream()
			.filter((span) -> span.getName().equals("invoke_agent inner"))
			.findFirst()
			.orElseThrow();
		assertThat(OtlpTestReceiver.attribute(inner, "gen_ai.conversation.id"))
			.as("made before the response, without the accessor")
			.isNull();
	}

	@Test
	void theAccessorGivesSpansMadeInsideTheRequestTheConversationIdTheAgentCreated() throws Exception {
		post("/a2a", send10(null, "use-accessor"), "A2A-Version", "1.0");
		List<Span> spans = await((all) -> has("invoke_agent inner", "gen_ai.conversation.id", "ctx-created-use-accessor")
			.test(all) && has("invoke_agent shape-agent", "gen_ai.conversation.id", "ctx-created-use-accessor").test(all));
		Span inner = find(spans, "invoke_agent inner", "gen_ai.conversation.id", "ctx-created-use-accessor");
		Span agent = find(spans, "invoke_agent shape-agent", "gen_ai.conversation.id", "ctx-created-use-accessor");
		assertThat(agent).isNotNull();
		assertThat(inner.getParentSpanId()).isEqualTo(agent.getSpanId());
		assertThat(OtlpTestReceiver.attribute(inner, "session.id")).isEqualTo("ctx-created-use-accessor");
	}

	@Test
	void aPushConfigRequestOf10RecordsTheTaskIdNotTheConfigId() throws Exception {
		post("/a2a", """
				{"jsonrpc":"2.0","id":"p1","method":"GetTaskPushNotificationConfig",
				"params":{"taskId":"t-push-10","id":"cfg-1"}}""", "A2A-Version", "1.0");
		post("/a2a", """
				{"jsonrpc":"2.0","id":"p2","method":"DeleteTaskPushNotificationConfig",
				"params":{"id":"cfg-2"}}""", "A2A-Version", "1.0");
		post("/a2a", """
				{"jsonrpc":"2.0","id":"p3","method":"tasks/pushNotificationConfig/get",
				"params":{"id":"t-push-03","pushNotificationConfigId":"cfg-3"}}""");
		List<Span> spans = await((all) -> has("GetTaskPushNotificationConfig", "jsonrpc.request.id", "p1").test(all)
				&& has("DeleteTaskPushNotificationConfig", "jsonrpc.request.id", "p2").test(all)
				&& has("GetTaskPushNotificationConfig", "jsonrpc.request.id", "p3").test(all));
		assertThat(OtlpTestReceiver
			.attribute(find(spans, "GetTaskPushNotificationConfig", "jsonrpc.request.id", "p1"), "a2a.task.id"))
			.isEqualTo("t-push-10");
		assertThat(OtlpTestReceiver
			.attribute(find(spans, "DeleteTaskPushNotificationConfig", "jsonrpc.request.id", "p2"), "a2a.task.id"))
			.as("never the config id")
			.isNull();
		Span v03 = find(spans, "GetTaskPushNotificationConfig", "jsonrpc.request.id", "p3");
		assertThat(OtlpTestReceiver.attribute(v03, "a2a.task.id")).isEqualTo("t-push-03");
		assertThat(OtlpTestReceiver.attribute(v03, "a2a.protocol.version")).as("no A2A-Version header")
			.isEqualTo("0.3");
	}

	@Test
	void aFailedTaskIsAnErrorAndATaskWaitingForInputIsNot() throws Exception {
		assertOneIsAnErrorAndTheOtherNot("fail", "TASK_STATE_FAILED", "more", "TASK_STATE_INPUT_REQUIRED");
	}

	@Test
	void aRejectedTaskIsAnErrorAndATaskWaitingForAuthorizationIsNot() throws Exception {
		assertOneIsAnErrorAndTheOtherNot("reject", "TASK_STATE_REJECTED", "auth", "TASK_STATE_AUTH_REQUIRED");
	}

	/**
	 * Sends two messages whose tasks end in the given states: the first is an error with
	 * the state as its type, the second is not an error.
	 */
	private void assertOneIsAnErrorAndTheOtherNot(String errorText, String errorState, String waitingText,
			String waitingState) throws Exception {
		String errorContext = "ctx-" + errorText;
		String waitingContext = "ctx-" + waitingText;
		post("/a2a", send10(errorContext, errorText), "A2A-Version", "1.0");
		post("/a2a", send10(waitingContext, waitingText), "A2A-Version", "1.0");
		List<Span> spans = await((all) -> has("invoke_agent shape-agent", "gen_ai.conversation.id", errorContext)
			.test(all) && has("invoke_agent shape-agent", "gen_ai.conversation.id", waitingContext).test(all));
		Span error = find(spans, "invoke_agent shape-agent", "gen_ai.conversation.id", errorContext);
		assertThat(error.getStatus().getCode())
			.isEqualTo(io.opentelemetry.proto.trace.v1.Status.StatusCode.STATUS_CODE_ERROR);
		assertThat(OtlpTestReceiver.attribute(error, "error.type")).isEqualTo(errorState);
		Span waiting = find(spans, "invoke_agent shape-agent", "gen_ai.conversation.id", waitingContext);
		assertThat(OtlpTestReceiver.attribute(waiting, "a2a.task.state")).isEqualTo(waitingState);
		assertThat(waiting.getStatus().getCode())
			.isNotEqualTo(io.opentelemetry.proto.trace.v1.Status.StatusCode.STATUS_CODE_ERROR);
		assertThat(OtlpTestReceiver.attribute(waiting, "error.type")).isNull();
	}

	/**
	 * Streams a 1.0 message ({@code SendStreamingMessage}) whose text tells the endpoint
	 * which events to send, and returns the run's span once exported.
	 */
	private Span streamedRun(String contextId, String text) throws Exception {
		HttpResponse<String> response = post("/a2a",
				send10(contextId, text).replace("\"SendMessage\"", "\"SendStreamingMessage\""), "A2A-Version", "1.0");
		assertThat(response.body()).contains("TASK_STATE_COMPLETED");
		List<Span> spans = await(has("invoke_agent shape-agent", "gen_ai.conversation.id", contextId));
		return find(spans, "invoke_agent shape-agent", "gen_ai.conversation.id", contextId);
	}

	@Test
	void aStreamThatEndsWithAStatusMessageRecordsItAsTheAnswer() throws Exception {
		// the common A2A pattern: no final task, the answer in the last status update's message
		Span agent = streamedRun("ctx-status-only", "stream status only");
		assertThat(OtlpTestReceiver.attribute(agent, "output.value")).isEqualTo("The answer is 42.");
		assertThat(OtlpTestReceiver.attribute(agent, "a2a.task.state")).isEqualTo("TASK_STATE_COMPLETED");
		assertThat(OtlpTestReceiver.attribute(agent, "genai_tracing.a2a.stream.events")).isEqualTo(2L);
	}

	@Test
	void aSubscriptionToATaskIsAProtocolSpanThatEndsWithItsStream() throws Exception {
		for (String method : List.of("SubscribeToTask", "tasks/resubscribe")) {
			HttpResponse<String> response = post("/a2a", "{\"jsonrpc\":\"2.0\",\"id\":\"sub-" + method.length()
					+ "\",\"method\":\"" + method + "\",\"params\":{\"id\":\"t-sub-" + method.length() + "\"}}",
					"A2A-Version", method.contains("/") ? "0.3" : "1.0");
			assertThat(response.body()).containsIgnoringCase("completed");
		}
		for (String method : List.of("SubscribeToTask", "tasks/resubscribe")) {
			String taskId = "t-sub-" + method.length();
			List<Span> spans = await(has("SubscribeToTask", "a2a.task.id", taskId));
			Span subscription = find(spans, "SubscribeToTask", "a2a.task.id", taskId);
			assertThat(subscription.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
			assertThat(OtlpTestReceiver.attribute(subscription, "a2a.method.name")).isEqualTo("SubscribeToTask");
			assertThat(OtlpTestReceiver.attribute(subscription, "a2a.task.state")).as("the last event's")
				.isEqualTo("TASK_STATE_COMPLETED");
			assertThat(OtlpTestReceiver.attribute(subscription, "genai_tracing.a2a.stream.events")).isEqualTo(2L);
			assertThat(subscription.getEndTimeUnixNano() - subscription.getStartTimeUnixNano())
				.as("ended with the stream, after the pause between its events")
				.isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(SUBSCRIPTION_PAUSE_MS));
			assertThat(OtlpTestReceiver.attribute(subscription, "gen_ai.operation.name")).isNull();
			assertThat(OtlpTestReceiver.attribute(subscription, "openinference.span.kind")).isNull();
			assertThat(trace(spans, subscription)).noneMatch((span) -> span.getName().startsWith("invoke_agent"));
		}
	}

	@Test
	void listingTasksAndTheExtendedCardAreSpansNamedAfterTheirMethods() throws Exception {
		post("/a2a", "{\"jsonrpc\":\"2.0\",\"id\":\"list-1\",\"method\":\"ListTasks\",\"params\":{}}", "A2A-Version",
				"1.0");
		post("/a2a", "{\"jsonrpc\":\"2.0\",\"id\":\"card-1\",\"method\":\"GetExtendedAgentCard\",\"params\":{}}",
				"A2A-Version", "1.0");
		List<Span> spans = await((all) -> has("ListTasks", "jsonrpc.request.id", "list-1").test(all)
				&& has("GetExtendedAgentCard", "jsonrpc.request.id", "card-1").test(all));
		for (Span span : List.of(find(spans, "ListTasks", "jsonrpc.request.id", "list-1"),
				find(spans, "GetExtendedAgentCard", "jsonrpc.request.id", "card-1"))) {
			assertThat(span.getKind()).as(span.getName()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
			assertThat(OtlpTestReceiver.attribute(span, "a2a.method.name")).isEqualTo(span.getName());
			assertThat(OtlpTestReceiver.attribute(span, "gen_ai.operation.name")).as(span.getName()).isNull();
			assertThat(OtlpTestReceiver.attribute(span, "mlflow.spanType")).as(span.getName()).isNull();
			assertThat(span.getStatus().getCode()).as(span.getName())
				.isNotEqualTo(io.opentelemetry.proto.trace.v1.Status.StatusCode.STATUS_CODE_ERROR);
			assertThat(serverSpans(trace(spans, span))).containsExactly(span);
		}
	}

	@Test
	void aStreamedAnswerInAStatusMessageIsRecordedOnce() throws Exception {
		Span agent = streamedRun("ctx-stream-status", "stream status");
		assertThat(OtlpTestReceiver.attribute(agent, "output.value")).isEqualTo("The answer is 42.");
		assertThat(OtlpTestReceiver.attribute(agent, "a2a.method.name")).isEqualTo("SendStreamingMessage");
		assertThat(OtlpTestReceiver.attribute(agent, "genai_tracing.a2a.stream.events")).isEqualTo(3L);
	}

	@Test
	void streamedArtifactChunksAndTheFinalTaskRecordTheTextOnce() throws Exception {
		Span agent = streamedRun("ctx-stream-chunks", "stream chunks");
		assertThat(OtlpTestReceiver.attribute(agent, "output.value")).isEqualTo("Hello, world");
	}

	@Test
	void anUnknownMethodIsRecordedAsOtherAndNeverNamesTheSpan() throws Exception {
		String method = "x".repeat(500);
		post("/a2a", "{\"jsonrpc\":\"2.0\",\"id\":\"u1\",\"method\":\"" + method + "\",\"params\":{}}");
		List<Span> spans = await(has("http post /a2a", "jsonrpc.request.id", "u1"));
		Span span = find(spans, "http post /a2a", "jsonrpc.request.id", "u1");
		assertThat(OtlpTestReceiver.attribute(span, "a2a.method.name")).isEqualTo("_OTHER");
		assertThat(OtlpTestReceiver.attribute(span, "genai_tracing.a2a.method_original")).isEqualTo("x".repeat(64));
		assertThat(OtlpTestReceiver.attribute(span, "gen_ai.operation.name")).isNull();
	}

	@Test
	void nonA2aJsonEndpointsAreLeftAlone() throws Exception {
		assertThat(post("/orders", "{\"item\":\"book\",\"jsonrpc-like\":false}").body()).contains("order-1");
		assertThat(post("/", "{\"hello\":\"world\"}").body()).contains("root-1");
		List<Span> spans = await((all) -> all.stream().anyMatch((span) -> span.getName().equals("http post /orders"))
				&& all.stream().anyMatch((span) -> span.getName().equals("http post /")));
		for (String name : List.of("http post /orders", "http post /")) {
			Span span = spans.stream().filter((candidate) -> candidate.getName().equals(name)).findFirst().orElseThrow();
			assertThat(span.getAttributesList()).as(name)
				.noneMatch((attribute) -> attribute.getKey().startsWith("a2a.")
						|| attribute.getKey().startsWith("gen_ai.") || attribute.getKey().startsWith("genai_tracing."));
			assertThat(trace(spans, span)).as(name).noneMatch((other) -> other.getName().startsWith("invoke_agent"));
		}
	}

	@Test
	void httpServerRequestsMetricsAreTheSameWithAndWithoutTheStarter() throws Exception {
		OtlpTestReceiver offReceiver = OtlpTestReceiver.start();
		ConfigurableApplicationContext off = run(offReceiver, "genai.tracing.enabled=false");
		try {
			String offBase = "http://127.0.0.1:" + off.getEnvironment().getProperty("local.server.port");
			MeterRegistry onRegistry = context.getBean(MeterRegistry.class);
			MeterRegistry offRegistry = off.getBean(MeterRegistry.class);
			awaitCompleted(onRegistry);
			Map<String, Long> before = httpServerRequests(onRegistry);
			int sent = sendTheSameRequests(base);
			sendTheSameRequests(offBase);
			Map<String, Long> expected = awaitCount(offRegistry, Map.of(), sent);
			Map<String, Long> actual = awaitCount(onRegistry, before, sent);
			assertThat(expected).isNotEmpty();
			assertThat(actual).isEqualTo(expected);
			assertThat(meterIds(onRegistry)).isEqualTo(meterIds(offRegistry));
		}
		finally {
			off.close();
			offReceiver.close();
		}
	}

	private int sendTheSameRequests(String to) throws Exception {
		String saved = base;
		base = to;
		try {
			List<HttpResponse<String>> responses = new ArrayList<>();
			responses.add(post("/a2a", send10("ctx-metrics", "Hi"), "A2A-Version", "1.0"));
			responses.add(post("/a2a", send10("ctx-metrics", "fail"), "A2A-Version", "1.0", "traceparent",
					"00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01"));
			responses.add(post("/a2a", "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tasks/get\",\"params\":{\"id\":\"t-7\"}}"));
			responses.add(post("/a2a", send10("ctx-metrics", "stream status").replace("\"SendMessage\"",
					"\"SendStreamingMessage\""), "A2A-Version", "1.0"));
			responses.add(post("/a2a", "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"nope\",\"params\":{}}"));
			responses.add(post("/orders", "{\"item\":\"pen\"}"));
			responses.add(post("/", "{\"hello\":\"world\"}"));
			responses.add(post("/a2a", "not json at all"));
			assertThat(responses).allSatisfy((response) -> assertThat(response.statusCode()).isLessThan(600));
			return responses.size();
		}
		finally {
			base = saved;
		}
	}

	private static void awaitCompleted(MeterRegistry registry) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline && registry.find("http.server.requests.active")
			.longTaskTimers()
			.stream()
			.anyMatch((timer) -> timer.activeTasks() > 0)) {
			Thread.sleep(10);
		}
	}

	private static Map<String, Long> awaitCount(MeterRegistry registry, Map<String, Long> before, int sent)
			throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
		Map<String, Long> delta = Map.of();
		while (System.nanoTime() < deadline) {
			delta = delta(httpServerRequests(registry), before);
			if (delta.values().stream().mapToLong(Long::longValue).sum() >= sent) {
				break;
			}
			Thread.sleep(10);
		}
		return delta;
	}

	private static Map<String, Long> delta(Map<String, Long> now, Map<String, Long> before) {
		Map<String, Long> delta = new TreeMap<>();
		now.forEach((key, count) -> {
			long difference = count - before.getOrDefault(key, 0L);
			if (difference != 0) {
				delta.put(key, difference);
			}
		});
		return delta;
	}

	/** Counts of {@code http.server.requests} by tags. */
	private static Map<String, Long> httpServerRequests(MeterRegistry registry) {
		Map<String, Long> counts = new TreeMap<>();
		for (Timer timer : registry.find("http.server.requests").timers()) {
			counts.put(timer.getId().getTags().toString(), timer.count());
		}
		return counts;
	}

	private static List<String> meterIds(MeterRegistry registry) {
		return registry.getMeters()
			.stream()
			.map(Meter::getId)
			.filter((id) -> id.getName().startsWith("http.server.requests"))
			.map((id) -> id.getName() + " " + id.getType() + " "
					+ id.getTags().stream().map(io.micrometer.core.instrument.Tag::getKey).sorted().toList())
			.distinct()
			.sorted()
			.toList();
	}

	private static String send10(String contextId, String text) {
		return "{\"jsonrpc\":\"2.0\",\"id\":\"r-" + text.hashCode() + "\",\"method\":\"SendMessage\",\"params\":"
				+ "{\"message\":{\"messageId\":\"m-" + text.hashCode() + "\",\"role\":\"ROLE_USER\","
				+ ((contextId != null) ? "\"contextId\":\"" + contextId + "\"," : "") + "\"parts\":[{\"text\":\""
				+ text + "\"}]}}}";
	}

	static void flush(ConfigurableApplicationContext context) {
		context.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@Bean
		Inner inner() {
			return new Inner();
		}

		@Bean
		Endpoint endpoint(Inner inner) {
			return new Endpoint(inner);
		}

		@Bean
		ScopeEvents scopeEvents() {
			return new ScopeEvents();
		}

		@Bean
		FilterRegistrationBean<RequestsDone> requestsDone() {
			FilterRegistrationBean<RequestsDone> registration = new FilterRegistrationBean<>(new RequestsDone());
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

	/**
	 * Counts the scope events Spring Boot publishes (those its MDC listeners act on) by the
	 * span they carry.
	 */
	static class ScopeEvents implements io.micrometer.tracing.otel.bridge.EventListener {

		static final Map<String, Integer> ATTACHED = new ConcurrentHashMap<>();

		@Override
		public void onEvent(Object event) {
			if (event instanceof io.micrometer.tracing.otel.bridge.EventPublishingContextWrapper.ScopeAttachedEvent attached
					&& attached.getSpan() != null) {
				ATTACHED.merge(attached.getSpan().getSpanContext().getSpanId(), 1, Integer::sum);
			}
		}

	}

	/**
	 * Outermost filter: marks a request (named by a header) done once every other filter,
	 * Spring Boot's observation filter among them, has returned.
	 */
	static class RequestsDone implements Filter {

		static final String HEADER = "X-Test-Request";

		static final Map<String, CountDownLatch> DONE = new ConcurrentHashMap<>();

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			try {
				chain.doFilter(request, response);
			}
			finally {
				String name = ((HttpServletRequest) request).getHeader(HEADER);
				if (name != null) {
					latch(name).countDown();
				}
			}
		}

		static CountDownLatch latch(String name) {
			return DONE.computeIfAbsent(name, (key) -> new CountDownLatch(1));
		}

		static void await(String name) throws InterruptedException {
			assertThat(latch(name).await(10, TimeUnit.SECONDS)).as("request " + name + " done").isTrue();
		}

	}

	@AgentInvoke(name = "inner")
	static class Inner {

		public String run(String text) {
			return "echo: " + text;
		}

	}

	@RestController
	static class Endpoint {

		private final Inner inner;

		Endpoint(Inner inner) {
			this.inner = inner;
		}

		@PostMapping(path = "/orders", produces = MediaType.APPLICATION_JSON_VALUE)
		Map<String, Object> order(@RequestBody Map<String, Object> order) {
			return Map.of("id", "order-1");
		}

		@PostMapping(path = "/", produces = MediaType.APPLICATION_JSON_VALUE)
		Map<String, Object> root(@RequestBody Map<String, Object> body) {
			return Map.of("id", "root-1");
		}

		/** Not A2A: the starter leaves it to Spring Boot. */
		@org.springframework.web.bind.annotation.GetMapping("/plain")
		String plain() {
			return String.valueOf(org.slf4j.MDC.get("spanId"));
		}

		@SuppressWarnings("unchecked")
		@PostMapping(path = "/a2a", produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_EVENT_STREAM_VALUE })
		Object handle(@RequestBody String raw) {
			Map<String, Object> request;
			try {
				request = tools.jackson.databind.json.JsonMapper.builder().build().readValue(raw, Map.class);
			}
			catch (RuntimeException ex) {
				return Map.of("jsonrpc", "2.0", "id", "", "error", Map.of("code", -32700, "message", "Parse error"));
			}
			Object id = request.get("id");
			String method = String.valueOf(request.get("method"));
			Map<String, Object> params = (Map<String, Object>) request.getOrDefault("params", Map.of());
			switch (method) {
				case "tasks/get", "GetTask" -> {
					String taskId = String.valueOf(params.get("id"));
					// what the application reads while the poll runs (docs/a2a.md)
					return Map.of("jsonrpc", "2.0", "id", id, "result", Map.of("kind", "task", "id", taskId,
							"contextId", "ctx-of-" + taskId, "status", Map.of("state", "working"), "metadata",
							Map.of("currentTaskId", String.valueOf(GenAiContext.currentTaskId()), "mdcTraceId",
									String.valueOf(org.slf4j.MDC.get("traceId")), "mdcSpanId",
									String.valueOf(org.slf4j.MDC.get("spanId")))));
				}
				case "GetTaskPushNotificationConfig", "DeleteTaskPushNotificationConfig",
						"tasks/pushNotificationConfig/get" -> {
					return Map.of("jsonrpc", "2.0", "id", id, "result", Map.of("id", "cfg"));
				}
				case "ListTasks" -> {
					return Map.of("jsonrpc", "2.0", "id", id, "result", Map.of("tasks", List.of()));
				}
				case "GetExtendedAgentCard" -> {
					return Map.of("jsonrpc", "2.0", "id", id, "result", Map.of("name", "shape-agent"));
				}
				case "SubscribeToTask", "tasks/resubscribe" -> {
					return subscription(id, String.valueOf(params.get("id")), method.equals("SubscribeToTask"));
				}
				case "message/send", "SendMessage", "SendStreamingMessage" -> {
					Map<String, Object> message = (Map<String, Object>) params.get("message");
					String text = String.valueOf(((Map<String, Object>) ((List<Object>) message.get("parts")).get(0))
						.get("text"));
					String contextId = (String) message.get("contextId");
					if (contextId == null) {
						contextId = "ctx-created-" + text;
						if (text.equals("use-accessor")) {
							GenAiContext.setConversationId(contextId);
						}
					}
					if (method.equals("SendStreamingMessage")) {
						return stream(id, contextId, text);
					}
					String answer = this.inner.run(text);
					boolean v10 = method.equals("SendMessage");
					String state = switch (text) {
						case "fail" -> "failed";
						case "reject" -> "rejected";
						case "more" -> "input-required";
						case "auth" -> "auth-required";
						default -> "completed";
					};
					Map<String, Object> task = new java.util.LinkedHashMap<>();
					task.put("id", "t-new");
					task.put("contextId", contextId);
					task.put("status", Map.of("state", v10 ? "TASK_STATE_" + state.replace('-', '_').toUpperCase() : state));
					task.put("artifacts", List.of(Map.of("artifactId", "a", "parts",
							List.of(v10 ? Map.of("text", answer) : Map.of("kind", "text", "text", answer)))));
					if (!v10) {
						task.put("kind", "task");
					}
					if (text.equals("log context")) {
						// what the application's logging and outbound calls see while the run runs
						task.put("metadata", logContext());
					}
					return Map.of("jsonrpc", "2.0", "id", id, "result", v10 ? Map.of("task", task) : task);
				}
				default -> {
					return Map.of("jsonrpc", "2.0", "id", id, "error",
							Map.of("code", -32601, "message", "Method not found"));
				}
			}
		}

		private static Map<String, String> logContext() {
			Map<String, String> seen = new java.util.TreeMap<>();
			seen.put("mdcTraceId", String.valueOf(org.slf4j.MDC.get("traceId")));
			seen.put("mdcSpanId", String.valueOf(org.slf4j.MDC.get("spanId")));
			seen.put("mdcConversationId", String.valueOf(org.slf4j.MDC.get("gen_ai.conversation.id")));
			seen.put("baggageConversationId", String.valueOf(
					io.opentelemetry.api.baggage.Baggage.current().getEntryValue("gen_ai.conversation.id")));
			return seen;
		}

		private SseEmitter stream(Object id, String contextId, String text) {
			List<String> events = new ArrayList<>();
			String prefix = resultPrefix(id);
			String ids = "\"taskId\":\"t-s\",\"contextId\":\"" + contextId + "\"";
			if (text.equals("stream chunks")) {
				events.add(prefix + "{\"artifactUpdate\":{" + ids
						+ ",\"artifact\":{\"artifactId\":\"a\",\"parts\":[{\"text\":\"Hello, \"}]}}}}");
				events.add(prefix + "{\"artifactUpdate\":{" + ids
						+ ",\"append\":true,\"lastChunk\":true,\"artifact\":{\"artifactId\":\"a\",\"parts\":[{\"text\":\"world\"}]}}}}");
				events.add(prefix + "{\"task\":{\"id\":\"t-s\",\"contextId\":\"" + contextId
						+ "\",\"status\":{\"state\":\"TASK_STATE_COMPLETED\"},"
						+ "\"artifacts\":[{\"artifactId\":\"a\",\"parts\":[{\"text\":\"Hello, world\"}]}]}}}");
			}
			else {
				// the answer in the last status update's message; "stream status only" ends there,
				// "stream status" also sends the final task repeating it
				String answer = "{\"messageId\":\"m-answer\",\"role\":\"ROLE_AGENT\",\"parts\":[{\"text\":\"The answer is 42.\"}]}";
				events.add(prefix + "{\"statusUpdate\":{" + ids + ",\"status\":{\"state\":\"TASK_STATE_WORKING\"}}}}");
				events.add(prefix + "{\"statusUpdate\":{" + ids
						+ ",\"status\":{\"state\":\"TASK_STATE_COMPLETED\",\"message\":" + answer + "}}}}");
				if (!text.equals("stream status only")) {
					events.add(prefix + "{\"task\":{\"id\":\"t-s\",\"contextId\":\"" + contextId
							+ "\",\"status\":{\"state\":\"TASK_STATE_COMPLETED\",\"message\":" + answer + "}}}}");
				}
			}
			return emit(events, 0);
		}

		/**
		 * A subscription to a task's events (1.0 {@code SubscribeToTask}, 0.3 {@code
		 * tasks/resubscribe}): working, a pause, completed.
		 */
		private SseEmitter subscription(Object id, String taskId, boolean v10) {
			String prefix = resultPrefix(id);
			String ids = "\"taskId\":\"" + taskId + "\",\"contextId\":\"ctx-of-" + taskId + "\"";
			List<String> events = new ArrayList<>();
			for (String state : List.of("working", "completed")) {
				events.add(v10
						? prefix + "{\"statusUpdate\":{" + ids + ",\"status\":{\"state\":\"TASK_STATE_"
								+ state.toUpperCase() + "\"}}}}"
						: prefix + "{\"kind\":\"status-update\"," + ids + ",\"status\":{\"state\":\"" + state
								+ "\"},\"final\":" + state.equals("completed") + "}}");
			}
			return emit(events, SUBSCRIPTION_PAUSE_MS);
		}

		/** The start of a JSON-RPC response to the request with this id, up to its result. */
		private static String resultPrefix(Object id) {
			String jsonId = (id instanceof String) ? "\"" + id + "\"" : String.valueOf(id);
			return "{\"jsonrpc\":\"2.0\",\"id\":" + jsonId + ",\"result\":";
		}

		private static SseEmitter emit(List<String> events, long pauseMs) {
			SseEmitter emitter = new SseEmitter(5000L);
			Executors.newSingleThreadExecutor().execute(() -> {
				try {
					for (int i = 0; i < events.size(); i++) {
						if (i > 0 && pauseMs > 0) {
							Thread.sleep(pauseMs);
						}
						emitter.send(SseEmitter.event().data(events.get(i)));
					}
					emitter.complete();
				}
				catch (Exception ex) {
					emitter.completeWithError(ex);
				}
			});
			return emitter;
		}

	}

}
