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

package io.github.genaitracing.benchmarks.load;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;


import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.github.genaitracing.a2a.A2aBufferedBytes;

/**
 * A minimal A2A JSON-RPC agent for load tests: {@code message/send} answers a completed
 * task, {@code message/stream} streams three events, the first at once. Started by
 * {@code benchmarks/load/a2a-load.sh} with tracing on and off.
 */
@SpringBootApplication
public class A2aLoadTarget {

	public static void main(String[] args) {
		SpringApplication.run(A2aLoadTarget.class, args);
	}

	/**
	 * With {@code load.wrapping-filter=true}: a filter at the A2A filter's place that only
	 * wraps the request and the response in the servlet API's plain wrappers, to tell what
	 * wrapping alone costs the application's code.
	 * @return the filter's registration
	 */
	@Bean
	@ConditionalOnProperty(name = "load.wrapping-filter", havingValue = "true")
	FilterRegistrationBean<Filter> wrappingFilter() {
		Filter filter = (request, response, chain) -> chain.doFilter(
				new HttpServletRequestWrapper((HttpServletRequest) request),
				new HttpServletResponseWrapper((HttpServletResponse) response));
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	SpanCounter genAiSpanCounter() {
		return new SpanCounter();
	}

	/**
	 * Counts the spans genai-tracing starts and ends.
	 */
	static final class SpanCounter implements SpanProcessor {

		private final AtomicLong started = new AtomicLong();

		private final AtomicLong ended = new AtomicLong();

		@Override
		public void onStart(io.opentelemetry.context.Context parentContext, ReadWriteSpan span) {
			if (isOurs(span)) {
				this.started.incrementAndGet();
			}
		}

		@Override
		public boolean isStartRequired() {
			return true;
		}

		@Override
		public void onEnd(ReadableSpan span) {
			if (isOurs(span)) {
				this.ended.incrementAndGet();
			}
		}

		@Override
		public boolean isEndRequired() {
			return true;
		}

		private static boolean isOurs(ReadableSpan span) {
			return "io.github.genaitracing".equals(span.getInstrumentationScopeInfo().getName());
		}

	}

	@RestController
	static class Counts {

		private final SpanCounter counter;

		private final ObjectProvider<A2aBufferedBytes> buffered;

		Counts(SpanCounter counter, ObjectProvider<A2aBufferedBytes> buffered) {
			this.counter = counter;
			this.buffered = buffered;
		}

		@GetMapping("/counts")
		Map<String, Long> counts() {
			A2aBufferedBytes bytes = this.buffered.getIfAvailable(A2aBufferedBytes::new);
			return Map.of("started", this.counter.started.get(), "ended", this.counter.ended.get(), "bufferedInFlight",
					bytes.inFlight(), "bufferedPeak", bytes.peakInFlight(), "bufferedLargestRequest",
					bytes.largestRequest());
		}

	}

	@RestController
	static class Endpoint {

		private static final List<Map<String, Object>> HISTORY = java.util.stream.IntStream.range(0, 8)
			.mapToObj((i) -> ordered("role", (i % 2 == 0) ? "user" : "agent", "parts",
					List.of(ordered("text",
							"Message " + i + " of the conversation about the weather in Paris, kept in the task's history."
									+ " ".repeat(120),
							"kind", "text")),
					"messageId", "m-" + i, "kind", "message"))
			.toList();

		private final ExecutorService streams = Context.taskWrapping(Executors.newFixedThreadPool(8));

		// "/untraced" is the same endpoint outside the A2A filter's paths (a2a-same-jvm-load.sh)
		@PostMapping(path = { "/a2a", "/untraced" }, produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_EVENT_STREAM_VALUE })
		Object handle(@RequestBody Map<String, Object> request) {
			@SuppressWarnings("unchecked")
			Map<String, Object> params = (Map<String, Object>) request.get("params");
			Object id = request.get("id");
			if ("tasks/get".equals(request.get("method"))) {
				// a poll, answered with a task of about 2 KiB
				return ordered("jsonrpc", "2.0", "id", id, "result", ordered("id", String.valueOf(params.get("id")),
						"contextId", "ctx-poll", "status", ordered("state", "working"), "history", HISTORY, "kind", "task"));
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> message = (Map<String, Object>) params.get("message");
			String contextId = String.valueOf(message.get("contextId"));
			if ("message/stream".equals(request.get("method"))) {
				SseEmitter emitter = new SseEmitter(30_000L);
				this.streams.execute(() -> {
					try {
						emitter.send(SseEmitter.event().data(event(id, contextId, "working", "thinking")));
						emitter.send(SseEmitter.event().data(event(id, contextId, "working", "still thinking")));
						emitter.send(SseEmitter.event().data(event(id, contextId, "completed", "done")));
						emitter.complete();
					}
					catch (Exception ex) {
						emitter.completeWithError(ex);
					}
				});
				return emitter;
			}
			return ordered("jsonrpc", "2.0", "id", id, "result",
					ordered("id", "t-1", "contextId", contextId, "status", ordered("state", "completed"), "artifacts",
							List.of(ordered("artifactId", "a", "parts",
									List.of(ordered("text", "It is sunny in Paris.", "kind", "text")))),
							"kind", "task"));
		}

		/**
		 * A map whose members are written in the given order: the order the A2A Java SDK
		 * (0.3) writes a task's (id, contextId, status, artifacts, history, kind), a
		 * message's (role, parts, messageId, kind) and a part's (text, kind), the same in
		 * every JVM ({@code Map.of} iterates in an order that changes from one
		 * JVM to the next).
		 */
		private static Map<String, Object> ordered(Object... keysAndValues) {
			Map<String, Object> map = new java.util.LinkedHashMap<>();
			for (int i = 0; i < keysAndValues.length; i += 2) {
				map.put((String) keysAndValues[i], keysAndValues[i + 1]);
			}
			return map;
		}

		private static String event(Object id, String contextId, String state, String text) {
			return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":{\"kind\":\"status-update\",\"taskId\":\"t-1\","
					+ "\"contextId\":\"" + contextId + "\",\"status\":{\"state\":\"" + state
					+ "\",\"message\":{\"kind\":\"message\",\"role\":\"agent\",\"messageId\":\"m\",\"parts\":"
					+ "[{\"kind\":\"text\",\"text\":\"" + text + "\"}]}},\"final\":" + "completed".equals(state) + "}}";
		}

	}

}
