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
import java.util.concurrent.TimeUnit;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import io.github.genaitracing.autoconfigure.A2aParentPolicy;
import io.github.genaitracing.autoconfigure.CaptureMode;
import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.content.RegexContentRedactor;
import io.github.genaitracing.core.AgentDefaults;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.vocabulary.GenAiVocabulary;
import io.github.genaitracing.vocabulary.MlflowVocabulary;
import io.github.genaitracing.vocabulary.OpenInferenceVocabulary;

/**
 * A {@code message/send} request of a given size through the A2A filter (parse, span,
 * replay, response read) against the same request with no filter; and a JSON POST of the
 * same size that is not JSON-RPC (a REST controller's body on an A2A path), which the
 * filter must leave alone at no measurable cost.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class A2aFilterBenchmark {

	@Param({ "2048", "65536" })
	public int size;

	@Param({ "off", "on" })
	public String content;

	@Param({ "a2a", "rest" })
	public String kind;

	private byte[] body;

	private A2aTracingFilter filter;

	private final HttpServlet servlet = new HttpServlet() {
		@Override
		protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
			request.getInputStream().readAllBytes();
			response.setContentType("application/json");
			response.getOutputStream()
				.write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"kind\":\"task\",\"id\":\"t\",\"contextId\":\"c\","
						+ "\"status\":{\"state\":\"completed\"}}}").getBytes(StandardCharsets.UTF_8));
		}
	};

	@Setup
	public void setUp() {
		String text = "x".repeat(Math.max(0, this.size - 200));
		this.body = "rest".equals(this.kind) ? ("{\"order\":{\"id\":\"o-1\",\"note\":\"" + text + "\"}}")
			.getBytes(StandardCharsets.UTF_8) : ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"message/send\",\"params\":{\"message\":{\"kind\":\"message\","
				+ "\"messageId\":\"m\",\"role\":\"user\",\"contextId\":\"c\",\"parts\":[{\"kind\":\"text\",\"text\":\"" + text
				+ "\"}]}}}")
			.getBytes(StandardCharsets.UTF_8);
		OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder().build()).build();
		SpanLifecycle spans = new SpanLifecycle(sdk,
				List.of(new GenAiVocabulary(), new OpenInferenceVocabulary(), new MlflowVocabulary()),
				"gen_ai.conversation.id");
		ContentPolicy policy = "on".equals(this.content) ? new ContentPolicy(CaptureMode.SPAN, 4096,
				List.of(RegexContentRedactor.of(true, List.of(), "[REDACTED]"))) : ContentPolicy.disabled();
		this.filter = new A2aTracingFilter(spans, policy, new AgentDefaults("bench", null, null, "openai"), sdk,
				new A2aTracingFilter.Settings(List.of("/"), List.of(), 1024 * 1024, 1024 * 1024,
						A2aParentPolicy.CONTINUE));
	}

	private MockHttpServletRequest request() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
		request.setContentType("application/json");
		request.setContent(this.body);
		return request;
	}

	@Benchmark
	public MockHttpServletResponse withFilter() throws ServletException, IOException {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request(), response, new MockFilterChain(this.servlet));
		return response;
	}

	@Benchmark
	public MockHttpServletResponse withoutFilter() throws ServletException, IOException {
		MockHttpServletResponse response = new MockHttpServletResponse();
		new MockFilterChain(this.servlet).doFilter(request(), response);
		return response;
	}

}
