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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.proto.trace.v1.Span;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import io.github.genaitracing.annotation.AgentInvoke;
import io.github.genaitracing.annotation.ConversationId;
import io.github.genaitracing.semconv.A2aAttributes;
import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.test.GenAiSpanAssert;
import io.github.genaitracing.test.GenAiTracingTest;
import io.github.genaitracing.test.OtlpTestReceiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Calls to a remote A2A agent through a {@link RestClient} from Boot's builder, over real
 * HTTP to an A2A endpoint in the same application (which the inbound filter traces as the
 * remote agent), spans exported through Boot's real OTLP exporter.
 */
@GenAiTracingTest
class A2aClientTracingIntegrationTests {

	private static OtlpTestReceiver receiver;

	private static final Map<String, Map<String, String>> receivedHeaders = new ConcurrentHashMap<>();

	/** Lets the remote agent send a cancelled stream's second event. */
	private static volatile CountDownLatch secondEventReleased = new CountDownLatch(0);

	private ConfigurableApplicationContext context;

	@BeforeAll
	static void startReceiver(OtlpTestReceiver shared) {
		receiver = shared;
	}

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
	}

	private Caller run(String... properties) {
		receiver.clear();
		this.context = new SpringApplicationBuilder(App.class)
			.properties(receiver.exportProperties())
			.properties("server.port=0", "spring.application.name=remote-agent",
					"management.otlp.metrics.export.enabled=false", "spring.ai.openai.api-key=unused")
			.properties(Map.of("genai.tracing.a2a.client.agent-names[http://127.0.0.1]", "weather-agent"))
			.properties(properties)
			.run();
		return this.context.getBean(Caller.class);
	}

	@Test
	void wrapsAMessageSendInAClientSpanThatParentsTheRemoteAgent() {
		Caller caller = run();
		String answer = caller.ask("conv-out", send("conv-out", "message/send", "Weather in Rome?"));
		assertThat(answer).contains("sunny");
		List<Span> spans = awaitCall("conv-out", "caller");
		Span client = clientSpan(spans, "conv-out");
		GenAiSpanAssert.assertThat(client)
			.hasKind(SpanKind.CLIENT)
			.hasAttribute(GenAiAttributes.OPERATION_NAME, "invoke_agent")
			.hasAttribute(GenAiAttributes.AGENT_NAME, "weather-agent")
			.hasAttribute(GenAiAttributes.CONVERSATION_ID, "conv-out")
			.hasAttribute(GenAiAttributes.SERVER_ADDRESS, "127.0.0.1")
			.hasAttribute(GenAiAttributes.SERVER_PORT, (long) port())
			.hasAttribute(A2aAttributes.METHOD_NAME, "SendMessage")
			.hasAttribute(A2aAttributes.PROTOCOL_VERSION, "0.3")
			.hasAttribute(A2aAttributes.TASK_STATE, "TASK_STATE_COMPLETED")
			.hasAttribute(A2aAttributes.TASK_ID, "task-1")
			.doesNotHaveAttributes("gen_ai.input.messages", "gen_ai.output.messages", "input.value", "output.value");
		assertThat(remoteSpan(spans, "conv-out").getTraceId()).isEqualTo(client.getTraceId());
		assertCallChain(spans, client, "conv-out", "caller");
	}

	@Test
	void recordsTheUserTextAndTheAnswerWhenCaptureIsOn() {
		Caller caller = run("genai.tracing.capture-content=span");
		caller.ask("conv-content", send("conv-content", "message/send", "Weather in Rome?"));
		Span client = clientSpan(await((all) -> clientSpan(all, "conv-content") != null), "conv-content");
		GenAiSpanAssert.assertThat(client)
			.hasAttributeSatisfying(GenAiAttributes.INPUT_MESSAGES,
					(json) -> assertThat(json).contains("Weather in Rome?"))
			.hasAttributeSatisfying(GenAiAttributes.OUTPUT_MESSAGES,
					(json) -> assertThat(json).contains("sunny in Rome"));
	}

	@Test
	void recordsAJsonRpcErrorOfTheRemoteAgentOnAPollThatIsNotAnAgentRun() {
		Caller caller = run();
		caller.ask("conv-err", "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tasks/get\",\"params\":{\"id\":\"missing\","
				+ "\"message\":{\"contextId\":\"conv-err\"}}}");
		Span client = clientSpan(await((all) -> clientSpan(all, "GetTask", "conv-err") != null), "GetTask",
				"conv-err");
		GenAiSpanAssert.assertThat(client)
			.hasAttribute(A2aAttributes.METHOD_NAME, "GetTask")
			.hasAttribute(A2aAttributes.TASK_ID, "missing")
			.hasAttribute(GenAiAttributes.AGENT_NAME, "weather-agent")
			.hasAttribute(GenAiAttributes.ERROR_TYPE, "-32001")
			.doesNotHaveAttributes("gen_ai.operation.name", "openinference.span.kind", "mlflow.spanType");
		assertThat(client.getStatus().getCode().name()).isEqualTo("STATUS_CODE_ERROR");
	}

	@Test
	void endsAStreamedCallAfterItsLastEventWithTheFinalState() {
		Caller caller = run();
		String stream = caller.ask("conv-stream", send("conv-stream", "message/stream", "Weather in Oslo?"));
		assertThat(stream).contains("working").contains("completed");
		assertCompletedStream("conv-stream");
	}

	@Test
	void endsTheSpanWhenTheCallerClosesTheResponseUnread() {
		Caller caller = run();
		caller.closeUnread(send("conv-unread", "message/stream", "Weather in Oslo?"));
		Span client = clientSpan(await((all) -> clientSpan(all, "conv-unread") != null), "conv-unread");
		assertThat(client.getEndTimeUnixNano()).isGreaterThan(client.getStartTimeUnixNano());
	}

	@Test
	void leavesOtherRequestsAlone() {
		Caller caller = run();
		caller.ask("conv-plain", "{\"hello\":\"conv-plain\"}");
		List<Span> spans = await((all) -> all.stream().anyMatch((span) -> span.getName().startsWith("http post")));
		assertThat(spans).noneMatch((span) -> span.getName().startsWith("invoke_agent weather-agent"));
		assertThat(receivedHeaders.get("conv-plain")).containsKey("traceparent");
	}

	@Test
	void tracesNoCallWhenTheClientSideIsOff() {
		Caller caller = run("genai.tracing.a2a.client.enabled=false");
		caller.ask("conv-off", send("conv-off", "message/send", "Weather in Rome?"));
		List<Span> spans = await((all) -> remoteSpan(all, "conv-off") != null);
		assertThat(spans).noneMatch((span) -> span.getName().equals("invoke_agent weather-agent"));
	}

	@Test
	void wrapsAWebClientCallInAClientSpanThatParentsTheRemoteAgent() {
		run();
		WebCaller caller = this.context.getBean(WebCaller.class);
		String answer = caller.ask("conv-web", send("conv-web", "message/send", "Weather in Rome?"));
		assertThat(answer).contains("sunny");
		List<Span> spans = awaitCall("conv-web", "web-caller");
		Span client = clientSpan(spans, "conv-web");
		GenAiSpanAssert.assertThat(client)
			.hasKind(SpanKind.CLIENT)
			.hasAttribute(GenAiAttributes.AGENT_NAME, "weather-agent")
			.hasAttribute(GenAiAttributes.SERVER_PORT, (long) port())
			.hasAttribute(A2aAttributes.METHOD_NAME, "SendMessage")
			.hasAttribute(A2aAttributes.TASK_STATE, "TASK_STATE_COMPLETED")
			.doesNotHaveAttributes("gen_ai.input.messages", "gen_ai.output.messages");
		assertCallChain(spans, client, "conv-web", "web-caller");
	}

	@Test
	void endsAWebClientStreamAfterItsLastEventWithTheFinalState() {
		run();
		WebCaller caller = this.context.getBean(WebCaller.class);
		String stream = caller.ask("conv-web-stream", send("conv-web-stream", "message/stream", "Weather in Oslo?"));
		assertThat(stream).contains("working").contains("completed");
		assertCompletedStream("conv-web-stream");
	}

	@Test
	void endsTheWebClientSpanWhenTheCallerCancelsTheStream() {
		run();
		secondEventReleased = new CountDownLatch(1);
		try {
			WebCaller caller = this.context.getBean(WebCaller.class);
			String first = caller.firstEvent("conv-web-cancel", send("conv-web-cancel", "message/stream", "Weather?"));
			assertThat(first).contains("working");
			Span client = clientSpan(await((all) -> clientSpan(all, "conv-web-cancel") != null), "conv-web-cancel");
			assertThat(client.getEndTimeUnixNano()).isGreaterThan(client.getStartTimeUnixNano());
			GenAiSpanAssert.assertThat(client).hasAttribute(A2aAttributes.STREAM_EVENT_COUNT, 1L);
		}
		finally {
			// the agent sends its second event only once the caller has cancelled
			secondEventReleased.countDown();
		}
	}

	@Test
	void endsTheClientSpanWithTheErrorWhenTheRemoteAgentCannotBeReached() throws Exception {
		run();
		String closed = "http://127.0.0.1:" + closedPort() + "/agents/remote";
		Caller rest = this.context.getBean(Caller.class);
		SdkCaller sdk = this.context.getBean(SdkCaller.class);
		assertThatThrownBy(() -> rest.askAt(closed, "conv-down-rest", send("conv-down-rest", "message/send", "Hi")))
			.isNotNull();
		assertThatThrownBy(() -> sdk.sendTo(closed, "conv-down-sdk", "Hi")).isNotNull();
		List<Span> spans = await((all) -> clientSpan(all, "conv-down-rest") != null
				&& clientSpan(all, "conv-down-sdk") != null);
		for (String conversationId : List.of("conv-down-rest", "conv-down-sdk")) {
			Span client = clientSpan(spans, conversationId);
			assertThat(client.getStatus().getCode().name()).as(conversationId).isEqualTo("STATUS_CODE_ERROR");
			assertThat(String.valueOf(OtlpTestReceiver.attribute(client, "error.type"))).as(conversationId)
				.contains("Connect");
		}
	}

	private static int closedPort() throws java.io.IOException {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Test
	void tracesACallOfTheA2aJavaSdkClientThroughTheHttpClientBean() throws Exception {
		run("genai.tracing.capture-content=span");
		SdkCaller caller = this.context.getBean(SdkCaller.class);
		io.a2a.spec.EventKind result = caller.send("conv-sdk", "Weather in Rome?");
		assertThat(result).isInstanceOf(io.a2a.spec.Task.class);
		List<Span> spans = awaitCall("conv-sdk", "sdk-caller");
		Span client = clientSpan(spans, "conv-sdk");
		GenAiSpanAssert.assertThat(client)
			.hasKind(SpanKind.CLIENT)
			.hasAttribute(A2aAttributes.METHOD_NAME, "SendMessage")
			.hasAttribute(A2aAttributes.TASK_ID, "task-1")
			.hasAttribute(A2aAttributes.TASK_STATE, "TASK_STATE_COMPLETED")
			.hasAttributeSatisfying(GenAiAttributes.INPUT_MESSAGES, (json) -> assertThat(json).contains("Weather in Rome?"))
			.hasAttributeSatisfying(GenAiAttributes.OUTPUT_MESSAGES, (json) -> assertThat(json).contains("sunny in Rome"));
		assertCallChain(spans, client, "conv-sdk", "sdk-caller");
	}

	@Test
	void namesTheRemoteAgentFromItsAgentCardAndNeverFromItsAddress() throws Exception {
		run();
		SdkCaller caller = this.context.getBean(SdkCaller.class);
		int port = port();
		// no agent card and no configured name (localhost is not in agent-names): no name
		caller.sendTo("http://localhost:" + port + "/agents/remote", "conv-nameless", "Hi");
		// the card fetched through the traced client names the agent, over the configuration
		caller.resolveCard("http://127.0.0.1:" + port);
		caller.sendTo("http://127.0.0.1:" + port + "/agents/remote", "conv-card", "Hi");
		List<Span> spans = await((all) -> clientSpan(all, "invoke_agent", "conv-nameless") != null
				&& clientSpan(all, "invoke_agent card-agent", "conv-card") != null);
		GenAiSpanAssert.assertThat(clientSpan(spans, "invoke_agent", "conv-nameless"))
			.hasAttribute(GenAiAttributes.PROVIDER_NAME, "a2a")
			.hasAttribute(GenAiAttributes.SERVER_ADDRESS, "localhost")
			.hasAttribute(GenAiAttributes.SERVER_PORT, (long) port)
			.doesNotHaveAttributes("gen_ai.agent.name");
		GenAiSpanAssert.assertThat(clientSpan(spans, "invoke_agent card-agent", "conv-card"))
			.hasAttribute(GenAiAttributes.PROVIDER_NAME, "a2a")
			.hasAttribute(GenAiAttributes.AGENT_NAME, "card-agent");
	}

	@Test
	void endsAnA2aJavaSdkStreamWhenItCompletes() throws Exception {
		run();
		SdkCaller caller = this.context.getBean(SdkCaller.class);
		List<io.a2a.spec.StreamingEventKind> events = caller.stream("conv-sdk-stream", "Weather in Oslo?");
		assertThat(events).hasSize(2);
		assertCompletedStream("conv-sdk-stream");
	}

	private static List<Span> awaitCall(String conversationId, String callerAgent) {
		return await((all) -> clientSpan(all, conversationId) != null && remoteSpan(all, conversationId) != null
				&& all.stream().anyMatch((span) -> span.getName().equals("invoke_agent " + callerAgent)));
	}

	/**
	 * The caller's agent span above the CLIENT span, the remote agent's span below it, and
	 * the span's trace context and the conversation id as the remote agent received them.
	 */
	private static void assertCallChain(List<Span> spans, Span client, String conversationId, String callerAgent) {
		assertThat(ancestors(spans, client)).extracting(Span::getName).contains("invoke_agent " + callerAgent);
		assertThat(ancestors(spans, remoteSpan(spans, conversationId))).contains(client);
		Map<String, String> headers = receivedHeaders.get(conversationId);
		assertThat(headers.get("traceparent")).contains(OtlpTestReceiver.hex(client.getSpanId()));
		assertThat(headers.get("baggage")).contains("gen_ai.conversation.id=" + conversationId);
	}

	private static void assertCompletedStream(String conversationId) {
		Span client = clientSpan(await((all) -> clientSpan(all, conversationId) != null), conversationId);
		GenAiSpanAssert.assertThat(client)
			.hasAttribute(A2aAttributes.METHOD_NAME, "SendStreamingMessage")
			.hasAttribute(A2aAttributes.TASK_STATE, "TASK_STATE_COMPLETED")
			.hasAttribute(A2aAttributes.STREAM_EVENT_COUNT, 2L);
	}

	private static String send(String contextId, String method, String text) {
		return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":{\"message\":{\"kind\":\"message\","
				+ "\"messageId\":\"m-" + contextId + "\",\"role\":\"user\",\"contextId\":\"" + contextId
				+ "\",\"parts\":[{\"kind\":\"text\",\"text\":\"" + text + "\"}]}}}";
	}

	private int port() {
		return Integer.parseInt(this.context.getEnvironment().getProperty("local.server.port"));
	}

	private static List<Span> await(Predicate<List<Span>> condition) {
		return receiver.awaitSpans(condition, Duration.ofSeconds(15));
	}

	private static Span clientSpan(List<Span> spans, String conversationId) {
		return clientSpan(spans, "invoke_agent weather-agent", conversationId);
	}

	private static Span clientSpan(List<Span> spans, String name, String conversationId) {
		return spans.stream()
			.filter((span) -> span.getName().equals(name)
					&& span.getKind() == io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_CLIENT
					&& conversationId.equals(OtlpTestReceiver.attribute(span, "gen_ai.conversation.id")))
			.findFirst()
			.orElse(null);
	}

	private static Span remoteSpan(List<Span> spans, String conversationId) {
		return spans.stream()
			.filter((span) -> span.getName().equals("invoke_agent remote-agent")
					&& conversationId.equals(OtlpTestReceiver.attribute(span, "gen_ai.conversation.id")))
			.findFirst()
			.orElse(null);
	}

	private static List<Span> ancestors(List<Span> spans, Span span) {
		List<Span> ancestors = new java.util.ArrayList<>();
		String parent = OtlpTestReceiver.hex(span.getParentSpanId());
		while (!parent.isEmpty() && ancestors.size() < 50) {
			String id = parent;
			Span found = spans.stream().filter((s) -> OtlpTestReceiver.hex(s.getSpanId()).equals(id)).findFirst()
				.orElse(null);
			if (found == null) {
				break;
			}
			ancestors.add(found);
			parent = OtlpTestReceiver.hex(found.getParentSpanId());
		}
		return ancestors;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@Bean
		Caller caller(RestClient.Builder builder, org.springframework.core.env.Environment environment) {
			return new Caller(builder, environment);
		}

		@Bean
		RemoteAgent remoteAgent() {
			return new RemoteAgent();
		}

		@Bean
		WebCaller webCaller(org.springframework.web.reactive.function.client.WebClient.Builder builder,
				org.springframework.core.env.Environment environment) {
			return new WebCaller(builder, environment);
		}

		@Bean
		io.a2a.client.http.A2AHttpClient a2aHttpClient() {
			return new io.a2a.client.http.JdkA2AHttpClient();
		}

		@Bean
		SdkCaller sdkCaller(io.a2a.client.http.A2AHttpClient httpClient,
				org.springframework.core.env.Environment environment) {
			return new SdkCaller(httpClient, environment);
		}

	}

	@AgentInvoke(name = "caller")
	public static class Caller {

		private final RestClient.Builder builder;

		private final org.springframework.core.env.Environment environment;

		Caller(RestClient.Builder builder, org.springframework.core.env.Environment environment) {
			this.builder = builder;
			this.environment = environment;
		}

		public String ask(@ConversationId String conversationId, String body) {
			return client().post()
				.contentType(MediaType.APPLICATION_JSON)
				.body(body)
				.retrieve()
				.body(String.class);
		}

		public String askAt(String url, @ConversationId String conversationId, String body) {
			return this.builder.build().post().uri(url).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
				.body(String.class);
		}

		public void closeUnread(String body) {
			client().post().contentType(MediaType.APPLICATION_JSON).body(body).exchange((request, response) -> null,
					true);
		}

		private RestClient client() {
			return this.builder.baseUrl("http://127.0.0.1:" + this.environment.getProperty("local.server.port")
					+ "/agents/remote").build();
		}

	}

	@AgentInvoke(name = "web-caller")
	public static class WebCaller {

		private final org.springframework.web.reactive.function.client.WebClient.Builder builder;

		private final org.springframework.core.env.Environment environment;

		WebCaller(org.springframework.web.reactive.function.client.WebClient.Builder builder,
				org.springframework.core.env.Environment environment) {
			this.builder = builder;
			this.environment = environment;
		}

		public String ask(@ConversationId String conversationId, String body) {
			return events(body).collectList().map(String::valueOf).block(Duration.ofSeconds(10));
		}

		public String firstEvent(@ConversationId String conversationId, String body) {
			return events(body).blockFirst(Duration.ofSeconds(10));
		}

		private reactor.core.publisher.Flux<String> events(String body) {
			return this.builder.build()
				.post()
				.uri("http://127.0.0.1:" + this.environment.getProperty("local.server.port") + "/agents/remote")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.retrieve()
				.bodyToFlux(String.class);
		}

	}

	@AgentInvoke(name = "sdk-caller")
	public static class SdkCaller {

		private final io.a2a.client.http.A2AHttpClient httpClient;

		private final org.springframework.core.env.Environment environment;

		SdkCaller(io.a2a.client.http.A2AHttpClient httpClient, org.springframework.core.env.Environment environment) {
			this.httpClient = httpClient;
			this.environment = environment;
		}

		public io.a2a.spec.EventKind send(@ConversationId String conversationId, String text) throws Exception {
			return transport().sendMessage(params(conversationId, text), null);
		}

		public io.a2a.spec.EventKind sendTo(String url, @ConversationId String conversationId, String text)
				throws Exception {
			return new io.a2a.client.transport.jsonrpc.JSONRPCTransport(this.httpClient, null, url, List.of())
				.sendMessage(params(conversationId, text), null);
		}

		public List<io.a2a.spec.StreamingEventKind> stream(@ConversationId String conversationId, String text)
				throws Exception {
			List<io.a2a.spec.StreamingEventKind> events = new java.util.concurrent.CopyOnWriteArrayList<>();
			java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
			transport().sendMessageStreaming(params(conversationId, text), (event) -> {
				events.add(event);
				if (event instanceof io.a2a.spec.TaskStatusUpdateEvent update && update.isFinal()) {
					done.complete(null);
				}
			}, done::completeExceptionally, null);
			done.get(10, TimeUnit.SECONDS);
			return events;
		}

		public void resolveCard(String baseUrl) throws Exception {
			new io.a2a.client.http.A2ACardResolver(this.httpClient, baseUrl).getAgentCard();
		}

		private io.a2a.client.transport.jsonrpc.JSONRPCTransport transport() {
			return new io.a2a.client.transport.jsonrpc.JSONRPCTransport(this.httpClient, null,
					"http://127.0.0.1:" + this.environment.getProperty("local.server.port") + "/agents/remote", List.of());
		}

		private static io.a2a.spec.MessageSendParams params(String conversationId, String text) {
			return new io.a2a.spec.MessageSendParams(io.a2a.A2A.createUserTextMessage(text, conversationId, null), null,
					null);
		}

	}

	@RestController
	static class RemoteAgent {

		@org.springframework.web.bind.annotation.GetMapping(path = "/.well-known/agent-card.json",
				produces = MediaType.APPLICATION_JSON_VALUE)
		Map<String, Object> card(HttpServletRequest http) {
			String url = "http://127.0.0.1:" + http.getLocalPort() + "/agents/remote";
			return Map.of("name", "card-agent", "description", "An agent with a card", "url", url, "version", "1.0",
					"protocolVersion", "0.3.0", "capabilities", Map.of(), "defaultInputModes", List.of("text"),
					"defaultOutputModes", List.of("text"), "skills", List.of(), "preferredTransport", "JSONRPC");
		}

		@PostMapping(path = "/agents/remote", produces = { MediaType.APPLICATION_JSON_VALUE,
				MediaType.TEXT_EVENT_STREAM_VALUE })
		Object handle(@RequestBody Map<String, Object> request, HttpServletRequest http) {
			Object params = request.get("params");
			String contextId = "none";
			if (params instanceof Map<?, ?> p && p.get("message") instanceof Map<?, ?> m) {
				contextId = String.valueOf(m.get("contextId"));
			}
			else if (request.get("hello") != null) {
				contextId = String.valueOf(request.get("hello"));
			}
			Map<String, String> headers = new java.util.HashMap<>();
			for (String name : java.util.Collections.list(http.getHeaderNames())) {
				headers.put(name.toLowerCase(java.util.Locale.ROOT), http.getHeader(name));
			}
			receivedHeaders.put(contextId, headers);
			if (request.get("hello") != null) {
				return Map.of("ok", "yes");
			}
			Object id = request.get("id");
			if ("tasks/get".equals(request.get("method"))) {
				return Map.of("jsonrpc", "2.0", "id", id, "error", Map.of("code", -32001, "message", "Task not found"));
			}
			if ("message/stream".equals(request.get("method"))) {
				org.springframework.web.servlet.mvc.method.annotation.SseEmitter emitter = new org.springframework.web.servlet.mvc.method.annotation.SseEmitter();
				String ctx = contextId;
				new Thread(() -> {
					try {
						emitter.send(Map.of("jsonrpc", "2.0", "id", id, "result", Map.of("kind", "status-update",
								"taskId", "task-2", "contextId", ctx, "status", Map.of("state", "working"), "final", false)),
								MediaType.APPLICATION_JSON);
						if (ctx.contains("cancel")) {
							secondEventReleased.await(10, TimeUnit.SECONDS);
						}
						emitter.send(Map.of("jsonrpc", "2.0", "id", id, "result", Map.of("kind", "status-update",
								"taskId", "task-2", "contextId", ctx, "status", Map.of("state", "completed"), "final", true)),
								MediaType.APPLICATION_JSON);
						emitter.complete();
					}
					catch (Exception ex) {
						emitter.completeWithError(ex);
					}
				}).start();
				return emitter;
			}
			return Map.of("jsonrpc", "2.0", "id", id, "result",
					Map.of("kind", "task", "id", "task-1", "contextId", contextId, "status", Map.of("state", "completed"),
							"artifacts", List.of(Map.of("artifactId", "a", "parts",
									List.of(Map.of("kind", "text", "text", "It is sunny in Rome."))))));
		}

	}

}
