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

package io.github.genaitracing.context;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.github.genaitracing.annotation.AgentInvoke;
import io.github.genaitracing.annotation.ConversationId;
import io.github.genaitracing.annotation.ToolCall;
import io.github.genaitracing.test.GenAiSpanAssert;
import io.github.genaitracing.test.OpenAiStubServer;
import io.github.genaitracing.test.OtlpTestReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work handed to another thread from inside a GenAI span stays in its trace, as a child
 * of that span, with its conversation id; and the Spring AI chat observation and its
 * HTTP client observation started there nest under it. One case per hand-off kind, over
 * a running Boot application exporting through the real OTLP exporter, Spring AI's real
 * OpenAI client against the stub.
 */
class ContextHandOffTests {

	private static OtlpTestReceiver receiver;

	private static OpenAiStubServer model;

	private static ConfigurableApplicationContext platform;

	private static ConfigurableApplicationContext virtual;

	@BeforeAll
	static void start() {
		receiver = OtlpTestReceiver.start();
		model = OpenAiStubServer.start();
		platform = run("spring.threads.virtual.enabled=false");
		if (Runtime.version().feature() >= 21) {
			virtual = run("spring.threads.virtual.enabled=true");
		}
	}

	private static ConfigurableApplicationContext run(String threads) {
		return new SpringApplicationBuilder(App.class)
			.properties("server.port=0", "spring.application.name=front",
					"management.opentelemetry.tracing.export.otlp.endpoint=" + receiver.tracesEndpoint(),
					"management.tracing.sampling.probability=1.0",
					"management.opentelemetry.tracing.export.schedule-delay=50ms",
					"spring.ai.openai.base-url=" + model.baseUrl(), "spring.ai.openai.api-key=test-key",
					"spring.ai.openai.chat.options.model=gpt-4o-mini", "spring.reactor.context-propagation=auto",
					threads)
			.run();
	}

	@AfterAll
	static void stop() {
		platform.close();
		if (virtual != null) {
			virtual.close();
		}
		receiver.close();
		model.close();
		Hooks.disableAutomaticContextPropagation();
	}

	@ParameterizedTest
	@EnumSource(HandOff.class)
	void keepsTheTraceAcrossTheHandOff(HandOff handOff) {
		assertHandOffKeepsTheTrace(platform, handOff);
	}

	@ParameterizedTest
	@EnumSource(value = HandOff.class, names = { "BOOT_TASK_EXECUTOR", "ASYNC_METHOD" })
	@EnabledForJreRange(min = JRE.JAVA_21)
	void keepsTheTraceAcrossVirtualThreads(HandOff handOff) {
		assertHandOffKeepsTheTrace(virtual, handOff);
	}

	private void assertHandOffKeepsTheTrace(ConfigurableApplicationContext context, HandOff handOff) {
		String conversation = "conv-" + handOff.name().toLowerCase() + "-" + System.nanoTime();
		String callerThread = Thread.currentThread().getName();
		String workerThread = context.getBean(HandOffAgent.class).run(conversation, handOff);
		assertThat(workerThread).isNotEqualTo(callerThread);
		if (context == virtual) {
			assertThat(workerThread).startsWith("virtual:");
		}
		List<Span> spans = awaitTree(conversation);
		Span agent = find(spans, "invoke_agent hand-off", conversation);
		assertWorkNestsUnder(agent, spans, conversation);
	}

	@Test
	void keepsTheTraceOfAStreamingA2aRequestAnsweredByAnAgentExecutorOnAPool() throws Exception {
		String conversation = "ctx-a2a-stream-" + System.nanoTime();
		String port = platform.getEnvironment().getProperty("local.server.port");
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/a2a"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("""
						{"jsonrpc":"2.0","id":1,"method":"message/stream","params":{"message":{"kind":"message",
						"messageId":"m-1","role":"user","contextId":"%s","parts":[{"kind":"text","text":"Go"}]}}}"""
					.formatted(conversation)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"state\":\"completed\"").contains("agent-executor");
		List<Span> spans = awaitTree(conversation);
		Span server = find(spans, "invoke_agent front", conversation);
		assertWorkNestsUnder(server, spans, conversation);
	}

	private static void assertWorkNestsUnder(Span parent, List<Span> spans, String conversation) {
		Span chat = find(spans, "chat gpt-4o-mini", conversation);
		Span tool = find(spans, "execute_tool lookup", conversation);
		GenAiSpanAssert.assertThat(chat).isChildOf(parent);
		GenAiSpanAssert.assertThat(tool).isChildOf(parent);
		assertThat(spans).as("the HTTP client call of the chat model nests under the chat span")
			.anySatisfy((span) -> GenAiSpanAssert.assertThat(span).isChildOf(chat));
	}

	private static List<Span> awaitTree(String conversation) {
		return receiver.awaitSpans((received) -> {
			List<Span> mine = received.stream()
				.filter((span) -> conversation.equals(OtlpTestReceiver.attribute(span, "gen_ai.conversation.id")))
				.toList();
			return mine.size() >= 3 && mine.stream()
				.filter((span) -> span.getName().startsWith("chat"))
				.anyMatch((chat) -> received.stream()
					.anyMatch((span) -> span.getParentSpanId().equals(chat.getSpanId())));
		}, Duration.ofSeconds(60));
	}

	private static Span find(List<Span> spans, String name, String conversation) {
		return spans.stream()
			.filter((span) -> span.getName().equals(name)
					&& conversation.equals(OtlpTestReceiver.attribute(span, "gen_ai.conversation.id")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No span " + name + " of " + conversation + " in "
					+ spans.stream().map(Span::getName).toList()));
	}

	enum HandOff {

		/** A pool decorated with Spring's {@code ContextPropagatingTaskDecorator}. */
		DECORATED_EXECUTOR,

		/** Boot's auto-configured task executor (decorated because the decorator is a bean). */
		BOOT_TASK_EXECUTOR,

		/** An {@code @Async} method. */
		ASYNC_METHOD,

		/** A {@code CompletableFuture} on an executor wrapped by {@code ContextExecutorService}. */
		COMPLETABLE_FUTURE,

		/** Reactor with automatic context propagation, on {@code boundedElastic}. */
		REACTOR

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableAsync
	static class App {

		@Bean
		ContextPropagatingTaskDecorator contextPropagatingTaskDecorator() {
			return new ContextPropagatingTaskDecorator();
		}

		@Bean
		Work work(ChatModel chatModel, Tools tools) {
			return new Work(chatModel, tools);
		}

		@Bean
		Tools tools() {
			return new Tools();
		}

		@Bean
		AsyncWork asyncWork(Work work) {
			return new AsyncWork(work);
		}

		@Bean
		HandOffAgent handOffAgent(Work work, AsyncWork asyncWork,
				@Qualifier("applicationTaskExecutor") AsyncTaskExecutor bootExecutor) {
			return new HandOffAgent(work, asyncWork, bootExecutor);
		}

		@Bean
		A2aEndpoint a2aEndpoint(Work work) {
			return new A2aEndpoint(work);
		}

	}

	/**
	 * What runs on the other thread: a chat model call and a tool call.
	 */
	static class Work {

		private final ChatModel chatModel;

		private final Tools tools;

		Work(ChatModel chatModel, Tools tools) {
			this.chatModel = chatModel;
			this.tools = tools;
		}

		String run() {
			this.chatModel.call(new Prompt("What is the weather?"));
			this.tools.lookup("Lisbon");
			Thread thread = Thread.currentThread();
			return (isVirtual(thread) ? "virtual:" : "") + thread.getName();
		}

		private static boolean isVirtual(Thread thread) {
			try {
				return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
			}
			catch (ReflectiveOperationException ex) {
				return false;
			}
		}

	}

	static class Tools {

		@ToolCall(name = "lookup")
		public String lookup(String city) {
			return "sunny in " + city;
		}

	}

	static class AsyncWork {

		private final Work work;

		AsyncWork(Work work) {
			this.work = work;
		}

		@Async
		public CompletableFuture<String> run() {
			return CompletableFuture.completedFuture(this.work.run());
		}

	}

	@AgentInvoke(name = "hand-off")
	static class HandOffAgent {

		private final Work work;

		private final AsyncWork asyncWork;

		private final AsyncTaskExecutor bootExecutor;

		private final ThreadPoolTaskExecutor decorated = new ThreadPoolTaskExecutor();

		private final ExecutorService wrapped = ContextExecutorService.wrap(Executors.newFixedThreadPool(2),
				ContextSnapshotFactory.builder().build());

		HandOffAgent(Work work, AsyncWork asyncWork, AsyncTaskExecutor bootExecutor) {
			this.work = work;
			this.asyncWork = asyncWork;
			this.bootExecutor = bootExecutor;
			this.decorated.setTaskDecorator(new ContextPropagatingTaskDecorator());
			this.decorated.setThreadNamePrefix("decorated-");
			this.decorated.initialize();
		}

		public String run(@ConversationId String conversationId, HandOff handOff) {
			try {
				return switch (handOff) {
					case DECORATED_EXECUTOR -> this.decorated.submit(this.work::run).get(20, TimeUnit.SECONDS);
					case BOOT_TASK_EXECUTOR -> this.bootExecutor.submit(this.work::run).get(20, TimeUnit.SECONDS);
					case ASYNC_METHOD -> this.asyncWork.run().get(20, TimeUnit.SECONDS);
					case COMPLETABLE_FUTURE -> CompletableFuture.supplyAsync(this.work::run, this.wrapped)
						.get(20, TimeUnit.SECONDS);
					case REACTOR -> Mono.fromCallable(this.work::run)
						.subscribeOn(Schedulers.boundedElastic())
						.block(Duration.ofSeconds(20));
				};
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/**
	 * An A2A server in the shape of the A2A Java SDK's: the agent executor runs on a pool
	 * and puts events on a queue; another pool thread reads the queue and writes the
	 * stream.
	 */
	@RestController
	static class A2aEndpoint {

		private final Work work;

		private final ExecutorService agentExecutors = ContextExecutorService.wrap(Executors.newFixedThreadPool(2),
				ContextSnapshotFactory.builder().build());

		private final ExecutorService eventConsumers = ContextExecutorService.wrap(Executors.newFixedThreadPool(2),
				ContextSnapshotFactory.builder().build());

		A2aEndpoint(Work work) {
			this.work = work;
		}

		@PostMapping(path = "/a2a", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		SseEmitter stream(@RequestBody Map<String, Object> request) {
			SseEmitter emitter = new SseEmitter(20_000L);
			BlockingQueue<String> events = new LinkedBlockingQueue<>();
			this.agentExecutors.execute(() -> {
				events.add(status("working", "agent-executor"));
				String thread = this.work.run();
				events.add(status("completed", "agent-executor on " + thread));
			});
			this.eventConsumers.execute(() -> {
				try {
					while (true) {
						String event = events.poll(20, TimeUnit.SECONDS);
						if (event == null) {
							emitter.completeWithError(new IllegalStateException("no event"));
							return;
						}
						emitter.send(SseEmitter.event().data(event));
						if (event.contains("\"completed\"")) {
							emitter.complete();
							return;
						}
					}
				}
				catch (Exception ex) {
					emitter.completeWithError(ex);
				}
			});
			return emitter;
		}

		private static String status(String state, String text) {
			return "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"kind\":\"status-update\",\"taskId\":\"t-1\","
					+ "\"status\":{\"state\":\"" + state + "\",\"message\":{\"kind\":\"message\",\"role\":\"agent\","
					+ "\"parts\":[{\"kind\":\"text\",\"text\":\"" + text + "\"}]}},\"final\":"
					+ "completed".equals(state) + "}}";
		}

	}

}
