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

package io.github.genaitracing.springai;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.genaitracing.fixture.WeatherAgentApp;
import io.github.genaitracing.test.OpenAiStubServer;
import io.github.genaitracing.test.OpenAiStubServer.Reply;
import io.github.genaitracing.test.OtlpTestReceiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The GenAI client metrics as the tools that read them see them: a real
 * {@code PrometheusMeterRegistry} scraped over the actuator endpoint, and Boot's real
 * OTLP metrics export decoded by the test receiver, after one successful and one failed
 * call of Spring AI's real OpenAI client.
 */
class SpringAiMetricsExportIntegrationTests {

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)\\} (\\S+)");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private static OtlpTestReceiver receiver;

	private static OpenAiStubServer model;

	private static String scrape;

	@BeforeAll
	static void callTheModelTwiceThenScrapeAndExport() throws Exception {
		receiver = OtlpTestReceiver.start();
		model = OpenAiStubServer.start();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(
				WeatherAgentApp.class)
			.properties("server.port=0", "management.endpoints.web.exposure.include=prometheus",
					"management.tracing.sampling.probability=1.0",
					"management.opentelemetry.tracing.export.otlp.endpoint=" + receiver.tracesEndpoint(),
					"management.otlp.metrics.export.url=" + receiver.metricsEndpoint(),
					"management.otlp.metrics.export.step=1h", "spring.ai.retry.max-attempts=1",
					"spring.ai.openai.max-retries=0", "spring.ai.openai.base-url=" + model.baseUrl(),
					"spring.ai.openai.api-key=test-key", "spring.ai.openai.chat.options.model=gpt-4o-mini")
			.run()) {
			ChatModel chatModel = context.getBean(ChatModel.class);
			chatModel.call(new Prompt("Weather in Paris?"));
			model.enqueue(Reply.error(500, "server_error"));
			assertThatThrownBy(() -> chatModel.call(new Prompt("x")));
			String port = context.getEnvironment().getProperty("local.server.port");
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
					.header("Accept", "text/plain")
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			scrape = response.body();
		}
		// closing the context published the OTLP meter registry once more
	}

	@AfterAll
	static void stop() {
		receiver.close();
		model.close();
	}

	@Test
	void prometheusShowsTheDurationInSecondsAndTheTokenUsageUnderTheirDashboardNames() {
		assertThat(scrape).contains("# TYPE gen_ai_client_operation_duration_seconds histogram")
			.contains("# TYPE gen_ai_client_token_usage histogram")
			.doesNotContain("gen_ai_client_operation_duration_s_")
			.doesNotContain("gen_ai_client_token_usage__token_");
		assertThat(samples("gen_ai_client_operation_duration_seconds_bucket")).anySatisfy(
				(labels) -> assertThat(labels).containsEntry("le", "0.01"));
		assertThat(samples("gen_ai_client_operation_duration_seconds_bucket")).anySatisfy(
				(labels) -> assertThat(labels).containsEntry("le", "81.92"));
		assertThat(samples("gen_ai_client_token_usage_bucket")).anySatisfy(
				(labels) -> assertThat(labels).containsEntry("le", "6.7108864E7"));
	}

	@Test
	void prometheusShowsTheFailedCallsDurationBesideTheSuccessfulOne() {
		List<Map<String, String>> counts = samples("gen_ai_client_operation_duration_seconds_count");
		assertThat(counts).anySatisfy((labels) -> assertThat(labels).containsEntry("error_type", "none")
			.containsEntry("gen_ai_response_model", "gpt-4o-mini-2024-07-18"));
		assertThat(counts).anySatisfy((labels) -> assertThat(labels.get("error_type")).contains("InternalServer")
			.isNotEqualTo("none"));
		assertThat(counts).anySatisfy((labels) -> assertThat(labels).containsEntry("gen_ai_response_model", "none"));
	}

	@Test
	void prometheusShowsOneTagKeySetPerMeter() {
		assertThat(keySets("gen_ai_client_operation_duration_seconds_count")).containsExactly(
				Set.of("error_type", "gen_ai_operation_name", "gen_ai_provider_name", "gen_ai_request_model",
						"gen_ai_response_model", "server_address", "server_port"));
		assertThat(keySets("gen_ai_client_token_usage_count")).containsExactly(
				Set.of("gen_ai_token_type", "gen_ai_operation_name", "gen_ai_provider_name", "gen_ai_request_model",
						"gen_ai_response_model", "server_address", "server_port"));
	}

	@Test
	void otlpCarriesTheConventionsNamesUnitsAndBuckets() {
		Metric duration = lastMetric("gen_ai.client.operation.duration");
		assertThat(duration.getUnit()).isEqualTo("s");
		assertThat(duration.hasHistogram()).isTrue();
		List<HistogramDataPoint> points = duration.getHistogram().getDataPointsList();
		assertThat(points).hasSize(2);
		assertThat(points).allSatisfy((point) -> assertThat(point.getExplicitBoundsList()).containsExactly(0.01, 0.02,
				0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92));
		assertThat(points).anySatisfy((point) -> assertThat((String) OtlpTestReceiver
			.attribute(point.getAttributesList(), "error.type")).contains("InternalServer"));
		assertThat(points).allSatisfy((point) -> assertThat(keys(point.getAttributesList())).containsExactlyInAnyOrder(
				"error.type", "gen_ai.operation.name", "gen_ai.provider.name", "gen_ai.request.model",
				"gen_ai.response.model", "server.address", "server.port"));
		Metric tokens = lastMetric("gen_ai.client.token.usage");
		assertThat(tokens.getUnit()).isEqualTo("{token}");
		assertThat(tokens.getHistogram().getDataPointsList()).extracting(
				(point) -> OtlpTestReceiver.attribute(point.getAttributesList(), "gen_ai.token.type"))
			.containsExactlyInAnyOrder("input", "output");
		assertThat(tokens.getHistogram().getDataPointsList()).allSatisfy(
				(point) -> assertThat(point.getExplicitBoundsList()).startsWith(1.0, 4.0, 16.0).endsWith(67108864.0));
	}

	private static Metric lastMetric(String name) {
		List<Metric> metrics = receiver.metrics(name);
		assertThat(metrics).as("OTLP metric %s", name).isNotEmpty();
		return metrics.get(metrics.size() - 1);
	}

	private static List<String> keys(List<KeyValue> attributes) {
		return attributes.stream().map(KeyValue::getKey).toList();
	}

	private static List<Set<String>> keySets(String name) {
		return samples(name).stream().map((labels) -> (Set<String>) new TreeSet<>(labels.keySet())).distinct().toList();
	}

	private static List<Map<String, String>> samples(String name) {
		return scrape.lines().map(SAMPLE::matcher).filter(Matcher::find).filter((m) -> m.group(1).equals(name)).map((m) -> {
			Map<String, String> labels = new java.util.LinkedHashMap<>();
			Matcher label = LABEL.matcher(m.group(2));
			while (label.find()) {
				labels.put(label.group(1), label.group(2));
			}
			return labels;
		}).toList();
	}

}
