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

package io.github.genaitracing.actuate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.genaitracing.fixture.WeatherAgentApp;
import io.github.genaitracing.test.GenAiTracingTest;
import io.github.genaitracing.test.OpenAiStubServer;
import io.github.genaitracing.test.OtlpTestReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code genaitracing} actuator endpoint and the trace view over real HTTP, with
 * Spring AI's real OpenAI client against a loopback stub and Boot's real OTLP exporter.
 */
@GenAiTracingTest
class GenAiTracingEndpointIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static OtlpTestReceiver receiver;

	private static OpenAiStubServer model;

	@BeforeAll
	static void start(OtlpTestReceiver shared) {
		receiver = shared;
		model = OpenAiStubServer.start();
	}

	@AfterAll
	static void stop() {
		model.close();
	}

	private ConfigurableApplicationContext run(String... properties) {
		receiver.clear();
		model.reset();
		return new SpringApplicationBuilder(WeatherAgentApp.class)
			.properties(receiver.exportProperties())
			.properties("server.port=0", "spring.application.name=endpoint-test",
					"management.endpoints.web.exposure.include=genaitracing",
					"management.otlp.metrics.export.enabled=false", "spring.ai.openai.base-url=" + model.baseUrl(),
					"spring.ai.openai.api-key=sk-test-secret-key-12345", "spring.ai.openai.chat.options.model=gpt-4o-mini")
			.properties(properties)
			.run();
	}

	@Test
	void listsTheRecentTraceAndRendersItAsAgentChatToolTree() throws Exception {
		try (ConfigurableApplicationContext context = run()) {
			ask(context, "conv-1", "Weather in Paris?");
			JsonNode overview = awaitOverview(context, (json) -> json.path("traces").size() == 1
					&& "ok".equals(json.path("exporter").path("last").path("result").asString()));
			JsonNode summary = overview.path("traces").get(0);
			assertThat(summary.path("name").asString()).isEqualTo("invoke_agent weather-agent");
			assertThat(summary.path("conversationId").asString()).isEqualTo("conv-1");
			assertThat(summary.path("spans").asInt()).isEqualTo(3);
			assertThat(summary.path("inputTokens").asLong()).isEqualTo(22);
			assertThat(summary.path("error").asBoolean()).isFalse();
			assertThat(overview.path("counters").path("agents").path("weather-agent").path("spans").asLong())
				.isEqualTo(1);
			assertThat(overview.path("counters").path("models").path("gpt-4o-mini").path("inputTokens").asLong())
				.isEqualTo(22);
			// the bundled price of gpt-4o-mini: (22 * 0.15 + 9 * 0.60) / 1e6 USD
			assertThat(overview.path("counters").path("models").path("gpt-4o-mini").path("cost").path("USD").asDouble())
				.isCloseTo(0.0000087, org.assertj.core.api.Assertions.within(1e-12));
			assertThat(overview.path("counters").path("agents").path("weather-agent").path("inputTokens").asLong())
				.as("the agent's run totals")
				.isEqualTo(22);
			assertThat(overview.path("counters").path("agents").path("weather-agent").path("cost").path("USD").asDouble())
				.isCloseTo(0.0000087, org.assertj.core.api.Assertions.within(1e-12));
			assertThat(overview.path("settings").path("cost").path("defaultPricesTaken").asString())
				.matches("\\d{4}-\\d{2}-\\d{2}");
			assertThat(overview.path("methods").path("agents").toString()).contains("WeatherAgent.ask(String, String)");
			assertThat(overview.path("methods").path("tools").toString()).contains("get_weather");
			assertThat(overview.path("settings").path("captureContent").asString()).isEqualTo("none");
			assertThat(overview.toString()).doesNotContain("sk-test-secret-key-12345");
			JsonNode buffers = overview.path("a2aBuffers");
			assertThat(buffers.path("requestCapBytes").asLong()).isEqualTo(1024 * 1024 + 1 + 2 * 1024 * 1024L);
			assertThat(buffers.path("inFlightBytes").asLong()).isZero();

			JsonNode trace = get(context, "/actuator/genaitracing/" + summary.path("traceId").asString());
			Map<String, JsonNode> spans = byName(trace.path("spans"));
			assertThat(spans).containsOnlyKeys("invoke_agent weather-agent", "chat gpt-4o-mini",
					"execute_tool get_weather");
			String agentId = spans.get("invoke_agent weather-agent").path("spanId").asString();
			assertThat(spans.get("invoke_agent weather-agent").path("parentSpanId").isNull()).isTrue();
			assertThat(spans.get("chat gpt-4o-mini").path("parentSpanId").asString()).isEqualTo(agentId);
			assertThat(spans.get("chat gpt-4o-mini").path("kind").asString()).isEqualTo("CLIENT");
			assertThat(spans.get("execute_tool get_weather").path("parentSpanId").asString()).isEqualTo(agentId);
			assertThat(spans.get("chat gpt-4o-mini").path("attributes").path("gen_ai.usage.output_tokens").asLong())
				.isEqualTo(9);
			assertThat(trace.toString()).doesNotContain("Weather in Paris?")
				.doesNotContain("gen_ai.input.messages");
		}
	}

	@Test
	void showsContentOnlyWhenCaptureIsOn() throws Exception {
		try (ConfigurableApplicationContext context = run("genai.tracing.capture-content=span")) {
			ask(context, "conv-2", "Weather in Oslo?");
			JsonNode overview = awaitOverview(context, (json) -> json.path("traces").size() == 1);
			assertThat(overview.path("settings").path("captureContent").asString()).isEqualTo("span");
			JsonNode trace = get(context,
					"/actuator/genaitracing/" + overview.path("traces").get(0).path("traceId").asString());
			assertThat(byName(trace.path("spans")).get("chat gpt-4o-mini").path("attributes")
				.path("gen_ai.input.messages").asString()).contains("Weather in Oslo?");
		}
	}

	@Test
	void answers404ForAnUnknownTraceId() throws Exception {
		try (ConfigurableApplicationContext context = run()) {
			assertThat(status(context, "/actuator/genaitracing/0123456789abcdef0123456789abcdef")).isEqualTo(404);
			assertThat(status(context, "/actuator/genaitracing/not-a-trace-id")).isEqualTo(404);
		}
	}

	@Test
	void keepsAtMostTheConfiguredNumberOfTracesNewestFirst() throws Exception {
		try (ConfigurableApplicationContext context = run("genai.tracing.recent-traces.size=3")) {
			for (int i = 0; i < 8; i++) {
				ask(context, "conv-" + i, "Weather in Rome?");
			}
			JsonNode overview = awaitOverview(context,
					(json) -> json.path("counters").path("agents").path("weather-agent").path("spans").asLong() == 8);
			assertThat(overview.path("recentTracesCapacity").asInt()).isEqualTo(3);
			JsonNode usage = overview.path("recentTraces");
			assertThat(usage.path("traces").asInt()).isEqualTo(3);
			assertThat(usage.path("evictedTraces").asLong()).isEqualTo(5);
			assertThat(usage.path("maxBytes").asLong()).isEqualTo(16L * 1024 * 1024);
			assertThat(usage.path("bytes").asLong()).isPositive().isLessThan(usage.path("maxBytes").asLong());
			List<String> conversations = new ArrayList<>();
			overview.path("traces").forEach((trace) -> conversations.add(trace.path("conversationId").asString()));
			assertThat(conversations).containsExactly("conv-7", "conv-6", "conv-5");
		}
	}

	@Test
	void staysBoundedUnderConcurrentLoad() throws Exception {
		try (ConfigurableApplicationContext context = run("genai.tracing.recent-traces.size=5",
				"genai.tracing.recent-traces.max-spans-per-trace=2")) {
			java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
			List<java.util.concurrent.Future<?>> calls = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				String conversation = "load-" + i;
				calls.add(pool.submit(() -> {
					ask(context, conversation, "Weather in Rome?");
					return null;
				}));
			}
			for (java.util.concurrent.Future<?> call : calls) {
				call.get();
			}
			pool.shutdown();
			JsonNode overview = awaitOverview(context,
					(json) -> json.path("counters").path("agents").path("weather-agent").path("spans").asLong() == 200);
			assertThat(overview.path("traces").size()).isEqualTo(5);
			// a request paused between its spans may see its trace evicted by five newer ones
			// and come back with its last spans only: bounded all the same
			List<Integer> dropped = new ArrayList<>();
			overview.path("traces").forEach((trace) -> {
				assertThat(trace.path("spans").asInt()).isBetween(1, 2);
				assertThat(trace.path("spans").asInt() + trace.path("droppedSpans").asInt()).isLessThanOrEqualTo(3);
				dropped.add(trace.path("droppedSpans").asInt());
			});
			assertThat(dropped).contains(1);
			assertThat(overview.path("counters").path("models").path("gpt-4o-mini").path("spans").asLong())
				.isEqualTo(200);
		}
	}

	@Test
	void reportsAFailingExporter() throws Exception {
		int closedPort;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		try (ConfigurableApplicationContext context = run(
				"management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:" + closedPort + "/v1/traces")) {
			ask(context, "conv-f", "Weather in Lima?");
			JsonNode overview = awaitOverview(context,
					(json) -> "failed".equals(json.path("exporter").path("last").path("result").asString()));
			assertThat(overview.path("exporter").path("failedExports").asLong()).isPositive();
			assertThat(overview.path("exporter").path("last").path("exporter").asString()).contains("Otlp");
			assertThat(overview.path("traces").size()).isEqualTo(1);
		}
	}

	@Test
	void recordsNothingWhenTheEndpointIsNotExposed() {
		try (ConfigurableApplicationContext context = run("management.endpoints.web.exposure.include=health")) {
			assertThat(context.getBeansOfType(GenAiSpanRecorder.class)).isEmpty();
			assertThat(context.getBeansOfType(GenAiTracingEndpoint.class)).isEmpty();
		}
	}

	@Test
	void servesTheTraceViewPointingAtTheEndpoint() throws Exception {
		try (ConfigurableApplicationContext context = run("management.endpoints.web.base-path=/manage")) {
			HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(uri(context, "/genai-tracing")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("text/html"));
			assertThat(page.body()).contains("content=\"/manage/genaitracing\"");
		}
	}

	@Test
	void servesNoTraceViewWhenItIsDisabled() throws Exception {
		try (ConfigurableApplicationContext context = run("genai.tracing.view.enabled=false")) {
			assertThat(status(context, "/genai-tracing")).isEqualTo(404);
		}
	}

	private static void ask(ConfigurableApplicationContext context, String conversationId, String question)
			throws Exception {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(context, "/ask"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
					Map.of("conversationId", conversationId, "question", question))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
	}

	private static JsonNode awaitOverview(ConfigurableApplicationContext context, Predicate<JsonNode> condition)
			throws Exception {
		// a failing exporter reports after its retries, some 6.5-10 s
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		JsonNode overview = get(context, "/actuator/genaitracing");
		while (!condition.test(overview) && System.nanoTime() < deadline) {
			Thread.sleep(50);
			overview = get(context, "/actuator/genaitracing");
		}
		assertThat(condition).as("endpoint state: " + overview).accepts(overview);
		return overview;
	}

	private static JsonNode get(ConfigurableApplicationContext context, String path) throws Exception {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(context, path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static int status(ConfigurableApplicationContext context, String path) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(uri(context, path)).build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private static URI uri(ConfigurableApplicationContext context, String path) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		String base = context.getEnvironment().getProperty("management.endpoints.web.base-path", "/actuator");
		return URI.create("http://127.0.0.1:" + port + path.replace("/actuator/", base + "/"));
	}

	private static Map<String, JsonNode> byName(JsonNode spans) {
		Map<String, JsonNode> byName = new java.util.LinkedHashMap<>();
		spans.forEach((span) -> byName.put(span.path("name").asString(), span));
		return byName;
	}

}
