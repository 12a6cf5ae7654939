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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.genaitracing.annotation.AgentInvoke;
import io.github.genaitracing.annotation.ToolCall;
import io.github.genaitracing.test.OtlpTestReceiver;

/**
 * The application of the reliability tests: an A2A endpoint traced by the filter and the
 * same endpoint on an excluded path, both answering from the exact bytes they received;
 * a nested agent and tool; a span processor counting the spans genai-tracing starts and
 * ends.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ReliabilityApp {

	static final String[] PROPERTIES = { "server.port=0", "spring.application.name=reliability-agent",
			"management.otlp.metrics.export.enabled=false", "spring.ai.openai.api-key=unused",
			"genai.tracing.a2a.excludes=/untraced/**", "logging.level.io.opentelemetry.exporter=OFF" };

	/**
	 * Starts the application on a free port, exporting spans at once to the given
	 * receiver (the one {@code @GenAiTracingTest} shares).
	 * @param receiver the receiver
	 * @param properties more properties
	 * @return the running application
	 */
	static ConfigurableApplicationContext run(OtlpTestReceiver receiver, String... properties) {
		return run(receiver.exportProperties(), properties);
	}

	/**
	 * Starts the application on a free port, exporting spans at once to an endpoint that
	 * is no test receiver (a closed port, a server that never answers).
	 * @param tracesEndpoint the OTLP/HTTP traces endpoint
	 * @param properties more properties
	 * @return the running application
	 */
	static ConfigurableApplicationContext run(String tracesEndpoint, String... properties) {
		return run(new String[] { "management.opentelemetry.tracing.export.otlp.endpoint=" + tracesEndpoint,
				"management.tracing.sampling.probability=1.0",
				"management.opentelemetry.tracing.export.schedule-delay=50ms" }, properties);
	}

	private static ConfigurableApplicationContext run(String[] export, String... properties) {
		return new SpringApplicationBuilder(ReliabilityApp.class).properties(PROPERTIES)
			.properties(export)
			.properties(properties)
			.run();
	}

	/**
	 * The application's base URL.
	 * @param context the running application
	 * @return {@code http://127.0.0.1:port}
	 */
	static String baseUrl(ConfigurableApplicationContext context) {
		return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
	}

	@Bean
	ServletRegistrationBean<NonBlockingReader> nonBlockingReader() {
		ServletRegistrationBean<NonBlockingReader> registration = new ServletRegistrationBean<>(new NonBlockingReader(),
				"/a2a/non-blocking", "/untraced/a2a/non-blocking");
		registration.setAsyncSupported(true);
		return registration;
	}

	@Bean
	SpanCounter spanCounter() {
		return new SpanCounter();
	}

	@Bean
	Planner planner(Forecaster forecaster) {
		return new Planner(forecaster);
	}

	@Bean
	Forecaster forecaster() {
		return new Forecaster();
	}

	/**
	 * Counts the spans genai-tracing starts and ends.
	 */
	static final class SpanCounter implements SpanProcessor {

		final AtomicLong started = new AtomicLong();

		final AtomicLong ended = new AtomicLong();

		@Override
		public void onStart(Context parentContext, ReadWriteSpan span) {
			if (ours(span)) {
				this.started.incrementAndGet();
			}
		}

		@Override
		public boolean isStartRequired() {
			return true;
		}

		@Override
		public void onEnd(ReadableSpan span) {
			if (ours(span)) {
				this.ended.incrementAndGet();
			}
		}

		@Override
		public boolean isEndRequired() {
			return true;
		}

		private static boolean ours(ReadableSpan span) {
			return "io.github.genaitracing".equals(span.getInstrumentationScopeInfo().getName());
		}

	}

	@AgentInvoke(name = "planner")
	static class Planner {

		private final Forecaster forecaster;

		Planner(Forecaster forecaster) {
			this.forecaster = forecaster;
		}

		public String plan(String text) {
			return this.forecaster.forecast(text);
		}

	}

	static class Forecaster {

		@ToolCall(name = "forecast")
		public String forecast(String text) {
			return "sunny for " + text.length() + " characters";
		}

	}

	@RestController
	static class Endpoint {

		private static final JsonMapper JSON = JsonMapper.builder().build();

		private final Planner planner;

		private final ExecutorService streams = Context.taskWrapping(Executors.newFixedThreadPool(8));

		Endpoint(Planner planner) {
			this.planner = planner;
		}

		/**
		 * Answers from the exact bytes received: their SHA-256 and length, and, for an A2A
		 * message, a completed task (or a stream) naming the conversation.
		 */
		@PostMapping(path = { "/a2a", "/untraced/a2a" }, produces = { MediaType.APPLICATION_JSON_VALUE,
				MediaType.TEXT_EVENT_STREAM_VALUE, MediaType.ALL_VALUE })
		Object handle(@RequestBody(required = false) byte[] body,
				@RequestHeader(name = "Content-Type", required = false) String contentType) {
			byte[] bytes = (body != null) ? body : new byte[0];
			String digest = sha256(bytes);
			JsonNode json;
			try {
				json = JSON.readTree(bytes);
			}
			catch (RuntimeException ex) {
				json = null;
			}
			JsonNode message = (json != null) ? json.path("params").path("message") : null;
			if (message == null || !message.isObject() || !message.path("contextId").isString()) {
				return ResponseEntity.ok()
					.contentType(MediaType.APPLICATION_JSON)
					.body(Map.of("sha256", digest, "length", bytes.length));
			}
			String contextId = message.path("contextId").asString();
			String text = message.path("parts").path(0).path("text").asString("");
			Object id = json.path("id").isNumber() ? json.path("id").numberValue() : json.path("id").asString("");
			if ("message/stream".equals(json.path("method").asString())) {
				SseEmitter emitter = new SseEmitter(30_000L);
				this.streams.execute(() -> {
					try {
						emitter.send(event(id, contextId, "working", digest), MediaType.APPLICATION_JSON);
						emitter.send(event(id, contextId, "completed", this.planner.plan(text)), MediaType.APPLICATION_JSON);
						emitter.complete();
					}
					catch (Exception ex) {
						emitter.completeWithError(ex);
					}
				});
				return emitter;
			}
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("jsonrpc", "2.0", "id", id, "result",
						Map.of("kind", "task", "id", "t-" + digest.substring(0, 8), "contextId", contextId, "status",
								Map.of("state", "completed"), "metadata",
								Map.of("sha256", digest, "answer", this.planner.plan(text)))));
		}

		private static Map<String, Object> event(Object id, String contextId, String state, String text) {
			return Map.of("jsonrpc", "2.0", "id", id, "result",
					Map.of("kind", "status-update", "taskId", "t-1", "contextId", contextId, "status",
							Map.of("state", state, "message", Map.of("kind", "message", "role", "agent", "messageId",
									"m", "parts", java.util.List.of(Map.of("kind", "text", "text", text)))),
							"final", "completed".equals(state)));
		}

		static String sha256(byte[] bytes) {
			try {
				return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/**
	 * Reads the body with a servlet {@code ReadListener} (non-blocking reads) and answers
	 * with the SHA-256 and length of what it read.
	 */
	static final class NonBlockingReader extends HttpServlet {

		@Override
		protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
			AsyncContext async = request.startAsync();
			ServletInputStream in = request.getInputStream();
			java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
			in.setReadListener(new ReadListener() {

				@Override
				public void onDataAvailable() throws IOException {
					byte[] buffer = new byte[1024];
					int read;
					while (in.isReady() && (read = in.read(buffer)) != -1) {
						body.write(buffer, 0, read);
					}
				}

				@Override
				public void onAllDataRead() throws IOException {
					response.setContentType("application/json");
					response.getWriter()
						.write("{\"sha256\":\"" + Endpoint.sha256(body.toByteArray()) + "\",\"length\":" + body.size()
								+ "}");
					async.complete();
				}

				@Override
				public void onError(Throwable error) {
					response.setStatus(500);
					async.complete();
				}

			});
		}

	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
