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
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpResponse;

import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.vocabulary.GenAiVocabulary;
import io.github.genaitracing.vocabulary.MlflowVocabulary;
import io.github.genaitracing.vocabulary.OpenInferenceVocabulary;

/**
 * A POST through the outbound A2A interceptor of {@code RestClient} against the same POST
 * with no interceptor: a model request as Spring AI's OpenAI client sends it (not an A2A
 * call: must pass without a body parse) and an A2A {@code message/send} (parsed, a span).
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class A2aClientInterceptorBenchmark {

	@Param({ "model-request", "a2a-message" })
	public String request;

	private byte[] body;

	private final byte[] response = "{\"id\":\"x\",\"choices\":[]}".getBytes(StandardCharsets.UTF_8);

	private A2aClientTracingInterceptor interceptor;

	private final ClientHttpRequestExecution execution = (request,
			body) -> new MockClientHttpResponse(this.response, HttpStatus.OK);

	@Setup
	public void setUp() {
		if ("model-request".equals(this.request)) {
			StringBuilder messages = new StringBuilder();
			for (int i = 0; i < 8; i++) {
				messages.append((i > 0) ? "," : "")
					.append("{\"role\":\"user\",\"content\":\"")
					.append("Plan a three-day trip to Lisbon with museums and food, step ").append(i)
					.append(". ".repeat(200))
					.append("\"}");
			}
			this.body = ("{\"messages\":[" + messages + "],\"model\":\"gpt-4o-mini\",\"stream\":false,"
					+ "\"temperature\":0.7,\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_forecast\","
					+ "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}}]}")
				.getBytes(StandardCharsets.UTF_8);
		}
		else {
			this.body = ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"message/send\",\"params\":{\"message\":{\"kind\":"
					+ "\"message\",\"messageId\":\"m\",\"role\":\"user\",\"contextId\":\"c\",\"parts\":[{\"kind\":\"text\","
					+ "\"text\":\"Weather in Lisbon?\"}]}}}")
				.getBytes(StandardCharsets.UTF_8);
		}
		OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder().build()).build();
		SpanLifecycle spans = new SpanLifecycle(sdk,
				List.of(new GenAiVocabulary(), new OpenInferenceVocabulary(), new MlflowVocabulary()),
				"gen_ai.conversation.id");
		this.interceptor = new A2aClientTracingInterceptor(new A2aClientCallTracer(spans, ContentPolicy.disabled(),
				sdk, new A2aClientCallTracer.Settings(Map.of(), 1024 * 1024, 1024 * 1024)));
	}

	private MockClientHttpRequest request() {
		return new MockClientHttpRequest(HttpMethod.POST, URI.create("http://127.0.0.1:8080/v1/chat/completions"));
	}

	@Benchmark
	public int withInterceptor() throws IOException {
		return consume(this.interceptor.intercept(request(), this.body, this.execution));
	}

	@Benchmark
	public int withoutInterceptor() throws IOException {
		return consume(this.execution.execute(request(), this.body));
	}

	private static int consume(ClientHttpResponse response) throws IOException {
		try (response; InputStream in = response.getBody()) {
			return in.readAllBytes().length;
		}
	}

}
