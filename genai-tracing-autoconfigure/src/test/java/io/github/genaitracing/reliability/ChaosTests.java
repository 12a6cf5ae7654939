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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
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
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.github.genaitracing.actuate.ExporterHealth;
import io.github.genaitracing.annotation.AgentInvoke;
import io.github.genaitracing.annotation.ConversationId;
import io.github.genaitracing.annotation.ToolCall;
import io.github.genaitracing.spi.AttributeSink;
import io.github.genaitracing.spi.CapturedContent;
import io.github.genaitracing.spi.ContentRedactor;
import io.github.genaitracing.spi.GenAiOperation;
import io.github.genaitracing.spi.GenAiResponse;
import io.github.genaitracing.spi.OperationListener;
import io.github.genaitracing.spi.OperationRun;
import io.github.genaitracing.spi.Outcome;
import io.github.genaitracing.spi.SensitiveKeyRule;
import io.github.genaitracing.spi.SpanVocabulary;
import io.github.genaitracing.spi.TokenUsage;
import io.github.genaitracing.test.OpenAiStubServer;
import io.github.genaitracing.test.OtlpTestReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chaos: every entry point of genai-tracing × every place a fault can come from (a
 * vocabulary at the start or the end of a span, a redactor, content serialization, an
 * exporter, an operation listener) × a {@link RuntimeException}, a real
 * {@link StackOverflowError}, and a slow (1 s) redactor. Each case runs on a Boot
 * application with genai-tracing on (content capture on, the actuator endpoint exposed
 * so that its recorder and exporter wrapper run too) and compares the application's
 * result with the same call on the same application with genai-tracing off; and checks
 * that every span started has ended. Real HTTP, Spring AI's real OpenAI client against
 * the stub, the A2A Java SDK client, the real OTLP exporter.
 */
class ChaosTests {

	private static OtlpTestReceiver receiver;

	private static OpenAiStubServer model;

	private static ConfigurableApplicationContext traced;

	private static ConfigurableApplicationContext untraced;

	private static final Map<EntryPoint, Object> untracedResults = new ConcurrentHashMap<>();

	private static final java.util.Set<String> injected = ConcurrentHashMap.newKeySet();

	@BeforeAll
	static void start() {
		receiver = OtlpTestReceiver.start();
		model = OpenAiStubServer.start();
		traced = run("genai.tracing.enabled=true");
		untraced = run("genai.tracing.enabled=false");
	}

	private static ConfigurableApplicationContext run(String enabled) {
		return new SpringApplicationBuilder(ChaosApp.class)
			.properties("server.port=0", "spring.application.name=chaos", enabled,
					"genai.tracing.capture-content=span", "management.endpoints.web.exposure.include=genaitracing",
					"management.opentelemetry.tracing.export.otlp.endpoint=" + receiver.tracesEndpoint(),
					"management.tracing.sampling.probability=1.0",
					"management.opentelemetry.tracing.export.schedule-delay=50ms",
					"spring.ai.openai.base-url=" + model.baseUrl(), "spring.ai.openai.api-key=test-key",
					"spring.ai.openai.chat.options.model=gpt-4o-mini")
			.run();
	}

	@AfterAll
	static void stop() {
		Fault.clear();
		traced.getBean(io.opentelemetry.sdk.trace.SdkTracerProvider.class)
			.forceFlush()
			.join(10, java.util.concurrent.TimeUnit.SECONDS);
		List<io.opentelemetry.proto.trace.v1.Span> spans = receiver.spans();
		traced.close();
		untraced.close();
		receiver.close();
		model.close();
		everyFaultWasInjectedSomewhere();
		assertThat(spans).as("exported spans").isNotEmpty();
		assertThat(spans).as("whatever failed, no secret was recorded").allSatisfy((span) -> assertThat(span.toString())
			.doesNotContain("hunter2", "sk-abcdefghijklmnopqrstuv", "k-secret-77"));
	}

	@AfterEach
	void clearFault() {
		Fault.clear();
	}

	static Stream<Arguments> cases() {
		List<Arguments> cases = new ArrayList<>();
		for (EntryPoint entry : EntryPoint.values()) {
			for (FaultPoint point : FaultPoint.values()) {
				cases.add(Arguments.of(entry, point, FaultKind.RUNTIME_EXCEPTION));
				cases.add(Arguments.of(entry, point, FaultKind.STACK_OVERFLOW));
			}
			if (entry != EntryPoint.ASPECT_SYNC_FAILING) {
				cases.add(Arguments.of(entry, FaultPoint.REDACTOR, FaultKind.SLOW));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} with {2} in {1}")
	@MethodSource("cases")
	void theApplicationSeesNothingAndEverySpanEnds(EntryPoint entry, FaultPoint point, FaultKind kind)
			throws InterruptedException {
		Object expected = untracedResults.computeIfAbsent(entry, (key) -> call(untraced, key));
		SpanCounter counter = traced.getBean(SpanCounter.class);
		long startedBefore = counter.started.get();
		long failedExports = traced.getBean(ExporterHealth.class).state().failedExports();
		Fault.set(point, kind);
		Object actual = call(traced, entry);
		awaitAllEnded(counter);
		if (point == FaultPoint.EXPORTER) {
			// a span Boot owns (the A2A request's server span) may end just after the response:
			// flush until an export has been attempted, or give up after 10 s
			long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
			do {
				traced.getBean(io.opentelemetry.sdk.trace.SdkTracerProvider.class)
					.forceFlush()
					.join(10, java.util.concurrent.TimeUnit.SECONDS);
			}
			while (traced.getBean(ExporterHealth.class).state().failedExports() <= failedExports
					&& System.nanoTime() < deadline && parked());
			assertThat(traced.getBean(ExporterHealth.class).state().failedExports())
				.as("the exporter wrapper records the failed export").isGreaterThan(failedExports);
		}
		Fault.clear();
		assertThat(actual).as("the result with genai-tracing equals the result without").isEqualTo(expected);
		assertThat(counter.started.get()).as("genai-tracing started spans").isGreaterThan(startedBefore);
		if (Fault.triggered.get()) {
			injected.add(point + " " + kind);
		}
	}

	private static void everyFaultWasInjectedSomewhere() {
		List<String> all = new ArrayList<>();
		cases().forEach((arguments) -> all.add(arguments.get()[1] + " " + arguments.get()[2]));
		assertThat(injected).as("faults injected by at least one entry point").containsAll(all);
	}

	private static void awaitAllEnded(SpanCounter counter) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (counter.started.get() != counter.ended.get()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("spans started " + counter.started.get() + " but ended " + counter.ended.get()
						+ "; still open: " + counter.open.values());
			}
			// sleeping leaves the processors to the threads that end the spans
			Thread.sleep(1);
		}
	}

	private static Object call(ConfigurableApplicationContext context, EntryPoint entry) {
		try {
			return entry.call(context);
		}
		catch (Throwable ex) {
			Throwable cause = (ex instanceof java.util.concurrent.ExecutionException
					|| ex instanceof java.util.concurrent.CompletionException) ? ex.getCause() : ex;
			return "threw " + cause.getClass().getName() + ": " + cause.getMessage();
		}
	}

	private static String baseUrl(ConfigurableApplicationContext context) {
		return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
	}

	private static String http(ConfigurableApplicationContext context, String body) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(baseUrl(context) + "/a2a"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		return response.statusCode() + " " + response.headers().firstValue("Content-Type").orElse("") + " "
				+ response.body();
	}

	static String a2aRequest(String method) {
		return """
				{"jsonrpc":"2.0","id":7,"method":"%s","params":{"message":{"kind":"message","messageId":"m-1",
				"role":"user","contextId":"ctx-chaos","parts":[{"kind":"text","text":"Hi, password=hunter2"}]}}}"""
			.formatted(method);
	}

	/**
	 * Where the application meets genai-tracing.
	 */
	enum EntryPoint {

		ASPECT_SYNC {
			@Override
			Object call(ConfigurableApplicationContext context) {
				return context.getBean(ChaosAgent.class).sync("conv-1", Map.of("city", "Lisbon", "token", "t-1"));
			}
		},

		ASPECT_SYNC_FAILING {
			@Override
			Object call(ConfigurableApplicationContext context) {
				return context.getBean(ChaosAgent.class).failing("conv-1");
			}
		},

		ASPECT_TOOL {
			@Override
			Object call(ConfigurableApplicationContext context) {
				return context.getBean(ChaosTools.class).login("bob", "hunter2");
			}
		},

		ASPECT_COMPLETABLE_FUTURE {
			@Override
			Object call(ConfigurableApplicationContext context) throws Exception {
				return context.getBean(ChaosAgent.class).future("conv-1", "Lisbon").get();
			}
		},

		ASPECT_MONO {
			@Override
			Object call(ConfigurableApplicationContext context) {
				return context.getBean(ChaosAgent.class).mono("conv-1", "Lisbon").block(Duration.ofSeconds(30));
			}
		},

		ASPECT_FLUX {
			@Override
			Object call(ConfigurableApplicationContext context) {
				return context.getBean(ChaosAgent.class)
					.flux("conv-1", "Lisbon")
					.collectList()
					.block(Duration.ofSeconds(30));
			}
		},

		A2A_FILTER_SEND {
			@Override
			Object call(ConfigurableApplicationContext context) throws Exception {
				return http(context, a2aRequest("message/send"));
			}
		},

		A2A_FILTER_STREAM {
			@Override
			Object call(ConfigurableApplicationContext context) throws Exception {
				return http(context, a2aRequest("message/stream"));
			}
		},

		OUTBOUND_REST_CLIENT {
			@Override
			Object call(ConfigurableApplicationContext context) {
				return context.getBean(RestClient.Builder.class)
					.build()
					.post()
					.uri(baseUrl(context) + "/a2a")
					.contentType(MediaType.APPLICATION_JSON)
					.body(a2aRequest("message/send"))
					.retrieve()
					.body(String.class);
			}
		},

		OUTBOUND_WEB_CLIENT {
			@Override
			Object call(ConfigurableApplicationContext context) {
				return context.getBean(WebClient.Builder.class)
					.build()
					.post()
					.uri(baseUrl(context) + "/a2a")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(a2aRequest("message/stream"))
					.retrieve()
					.bodyToFlux(String.class)
					.collectList()
					.block(Duration.ofSeconds(30));
			}
		},

		OUTBOUND_A2A_SDK {
			@Override
			Object call(ConfigurableApplicationContext context) throws Exception {
				io.a2a.spec.EventKind result = new io.a2a.client.transport.jsonrpc.JSONRPCTransport(
						context.getBean(io.a2a.client.http.A2AHttpClient.class), null, baseUrl(context) + "/a2a",
						List.of())
					.sendMessage(new io.a2a.spec.MessageSendParams(
							io.a2a.A2A.createUserTextMessage("Hi, password=hunter2", "ctx-chaos", null), null, null),
							null);
				if (result instanceof io.a2a.spec.Task task) {
					Object part = task.getArtifacts().get(0).parts().get(0);
					return task.getId() + " " + task.getStatus().state() + " "
							+ ((part instanceof io.a2a.spec.TextPart text) ? text.getText() : part.getClass());
				}
				return String.valueOf(result);
			}
		},

		SPRING_AI_CALL {
			@Override
			Object call(ConfigurableApplicationContext context) {
				return context.getBean(ChatModel.class)
					.call(new Prompt("Weather in Lisbon? my api_key=sk-abcdefghijklmnopqrstuv"))
					.getResult()
					.getOutput()
					.getText();
			}
		},

		SPRING_AI_STREAM {
			@Override
			Object call(ConfigurableApplicationContext context) {
				return context.getBean(ChatModel.class)
					.stream(new Prompt("Weather in Lisbon?"))
					.map((response) -> String.valueOf(response.getResult().getOutput().getText()))
					.collectList()
					.block(Duration.ofSeconds(30));
			}
		},

		SPRING_AI_ERROR {
			@Override
			Object call(ConfigurableApplicationContext context) {
				model.enqueue(OpenAiStubServer.Reply.error(400, "invalid_request_error"));
				return context.getBean(ChatModel.class).call(new Prompt("Weather?")).getResult().getOutput().getText();
			}
		},

		SPRING_AI_TOOL_CALLING {
			@Override
			Object call(ConfigurableApplicationContext context) {
				model.enqueue(
						OpenAiStubServer.Reply.toolCall("call_1", "get_weather",
								"{\"city\":\"Lisbon\",\"apiKey\":\"k-secret-77\"}"),
						OpenAiStubServer.Reply.text("Sunny in Lisbon"));
				return ChatClient.create(context.getBean(ChatModel.class))
					.prompt("Weather in Lisbon?")
					.tools(context.getBean(WeatherTools.class))
					.call()
					.content();
			}
		};

		abstract Object call(ConfigurableApplicationContext context) throws Exception;

	}

	/**
	 * Where a fault comes from.
	 */
	enum FaultPoint {

		VOCABULARY_START, VOCABULARY_END, REDACTOR, CONTENT_SERIALIZATION, EXPORTER, LISTENER

	}

	/**
	 * What the fault is.
	 */
	enum FaultKind {

		RUNTIME_EXCEPTION, STACK_OVERFLOW, SLOW

	}

	/**
	 * The fault of the running case.
	 */
	static final class Fault {

		private static volatile FaultPoint point;

		private static volatile FaultKind kind;

		static final AtomicBoolean triggered = new AtomicBoolean();

		private static final AtomicBoolean slept = new AtomicBoolean();

		static void set(FaultPoint point, FaultKind kind) {
			triggered.set(false);
			slept.set(false);
			Fault.kind = kind;
			Fault.point = point;
		}

		static void clear() {
			point = null;
			kind = null;
		}

		static void at(FaultPoint here) {
			if (point != here) {
				return;
			}
			FaultKind fault = kind;
			if (fault == null) {
				return;
			}
			triggered.set(true);
			switch (fault) {
				case RUNTIME_EXCEPTION -> throw new IllegalStateException("chaos in " + here);
				case STACK_OVERFLOW -> recurse(0);
				case SLOW -> {
					if (slept.compareAndSet(false, true)) {
						try {
							Thread.sleep(1000);
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
						}
					}
				}
			}
		}

		private static int recurse(int depth) {
			return recurse(depth + 1) + 1;
		}

	}

	/**
	 * Counts every span started and ended in the application.
	 */
	static final class SpanCounter implements SpanProcessor {

		final AtomicLong started = new AtomicLong();

		final AtomicLong ended = new AtomicLong();

		final Map<String, String> open = new ConcurrentHashMap<>();

		@Override
		public void onStart(Context parentContext, ReadWriteSpan span) {
			this.started.incrementAndGet();
			this.open.put(span.getSpanContext().getSpanId(), span.getName());
		}

		@Override
		public boolean isStartRequired() {
			return true;
		}

		@Override
		public void onEnd(ReadableSpan span) {
			this.open.remove(span.getSpanContext().getSpanId());
			this.ended.incrementAndGet();
		}

		@Override
		public boolean isEndRequired() {
			return true;
		}

	}

	static final class FaultyVocabulary implements SpanVocabulary {

		@Override
		public void onStart(GenAiOperation operation, String conversationId, AttributeSink sink) {
			Fault.at(FaultPoint.VOCABULARY_START);
		}

		@Override
		public void onOutput(GenAiOperation operation, CapturedContent output, String finishReason,
				AttributeSink sink) {
			Fault.at(FaultPoint.VOCABULARY_END);
		}

		@Override
		public void onResponse(GenAiOperation operation, GenAiResponse response, AttributeSink sink) {
			Fault.at(FaultPoint.VOCABULARY_END);
		}

		@Override
		public void onUsage(GenAiOperation operation, TokenUsage usage, AttributeSink sink) {
			Fault.at(FaultPoint.VOCABULARY_END);
		}

		@Override
		public void onError(GenAiOperation operation, Outcome outcome, AttributeSink sink) {
			Fault.at(FaultPoint.VOCABULARY_END);
		}

	}

	static final class FaultyListener implements OperationListener {

		@Override
		public void onStart(OperationRun run) {
			Fault.at(FaultPoint.LISTENER);
		}

		@Override
		public void onEnd(OperationRun run) {
			Fault.at(FaultPoint.LISTENER);
		}

	}

	static final class FaultyExporter implements SpanExporter {

		@Override
		public CompletableResultCode export(Collection<SpanData> spans) {
			Fault.at(FaultPoint.EXPORTER);
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode flush() {
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode shutdown() {
			return CompletableResultCode.ofSuccess();
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ChaosApp {

		@Bean
		SpanCounter chaosSpanCounter() {
			return new SpanCounter();
		}

		@Bean
		SpanVocabulary faultyVocabulary() {
			return new FaultyVocabulary();
		}

		@Bean
		OperationListener faultyListener() {
			return new FaultyListener();
		}

		@Bean
		SpanExporter faultyExporter() {
			return new FaultyExporter();
		}

		@Bean
		ContentRedactor faultyRedactor() {
			return (value) -> {
				Fault.at(FaultPoint.REDACTOR);
				return value;
			};
		}

		@Bean
		SensitiveKeyRule faultyKeyRule() {
			return (key) -> {
				Fault.at(FaultPoint.CONTENT_SERIALIZATION);
				return false;
			};
		}

		@Bean
		io.a2a.client.http.A2AHttpClient a2aHttpClient() {
			return new io.a2a.client.http.JdkA2AHttpClient();
		}

		@Bean
		ChaosTools chaosTools() {
			return new ChaosTools();
		}

		@Bean
		WeatherTools weatherTools() {
			return new WeatherTools();
		}

		@Bean
		ChaosAgent chaosAgent(ChaosTools tools) {
			return new ChaosAgent(tools);
		}

		@Bean
		ChaosEndpoint chaosEndpoint(ChaosAgent agent) {
			return new ChaosEndpoint(agent);
		}

	}

	static class ChaosTools {

		@ToolCall(name = "login")
		public String login(String user, String password) {
			return "welcome " + user;
		}

		@ToolCall(name = "lookup")
		public Map<String, Object> lookup(Map<String, Object> query) {
			return Map.of("answer", "sunny in " + query.get("city"), "session", "s-1");
		}

	}

	public static class WeatherTools {

		@org.springframework.ai.tool.annotation.Tool(name = "get_weather", description = "Current weather")
		public String weather(String city) {
			return "sunny in " + city;
		}

	}

	@AgentInvoke(name = "chaos-agent")
	static class ChaosAgent {

		private final ChaosTools tools;

		ChaosAgent(ChaosTools tools) {
			this.tools = tools;
		}

		public String sync(@ConversationId String conversationId, Map<String, Object> query) {
			return "answer: " + this.tools.lookup(query).get("answer");
		}

		public String failing(@ConversationId String conversationId) {
			throw new IllegalArgumentException("the agent failed on its own");
		}

		public CompletableFuture<String> future(@ConversationId String conversationId, String city) {
			return CompletableFuture.supplyAsync(() -> "future: sunny in " + city);
		}

		public Mono<String> mono(@ConversationId String conversationId, String city) {
			return Mono.fromCallable(() -> "mono: " + this.tools.login("bob", "hunter2") + " " + city);
		}

		public Flux<String> flux(@ConversationId String conversationId, String city) {
			return Flux.just("flux", "sunny", city);
		}

	}

	/**
	 * An A2A agent: answers {@code message/send} with a task, {@code message/stream} with
	 * two events written from another thread.
	 */
	@RestController
	static class ChaosEndpoint {

		private final ChaosAgent agent;

		private final ExecutorService streams = Executors.newFixedThreadPool(4);

		ChaosEndpoint(ChaosAgent agent) {
			this.agent = agent;
		}

		@PostMapping(path = "/a2a", produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_EVENT_STREAM_VALUE })
		Object handle(@RequestBody Map<String, Object> request) {
			String answer = this.agent.sync("ctx-chaos", Map.of("city", "Lisbon"));
			Object id = request.get("id");
			if ("message/stream".equals(request.get("method"))) {
				SseEmitter emitter = new SseEmitter(30_000L);
				this.streams.execute(() -> {
					try {
						emitter.send(SseEmitter.event().data(Map.of("jsonrpc", "2.0", "id", id, "result",
								Map.of("kind", "status-update", "taskId", "t-1", "contextId", "ctx-chaos", "status",
										Map.of("state", "working"), "final", false))));
						emitter.send(SseEmitter.event().data(Map.of("jsonrpc", "2.0", "id", id, "result",
								Map.of("kind", "status-update", "taskId", "t-1", "contextId", "ctx-chaos", "status",
										Map.of("state", "completed", "message", message(answer)), "final", true))));
						emitter.complete();
					}
					catch (Exception ex) {
						emitter.completeWithError(ex);
					}
				});
				return emitter;
			}
			return Map.of("jsonrpc", "2.0", "id", Objects.requireNonNullElse(id, 0), "result",
					Map.of("kind", "task", "id", "t-1", "contextId", "ctx-chaos", "status", Map.of("state", "completed"),
							"artifacts", List.of(Map.of("artifactId", "a-1", "parts",
									List.of(Map.of("kind", "text", "text", answer))))));
		}

		private static Map<String, Object> message(String text) {
			return Map.of("kind", "message", "messageId", "m-2", "role", "agent", "parts",
					List.of(Map.of("kind", "text", "text", text)));
		}

	}

	private static boolean parked() {
		java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
		return true;
	}

}
