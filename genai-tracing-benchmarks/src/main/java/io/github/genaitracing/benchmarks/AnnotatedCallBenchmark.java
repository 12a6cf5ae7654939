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

package io.github.genaitracing.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Advisor;
import org.springframework.aop.Pointcut;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.DefaultPointcutAdvisor;

import io.github.genaitracing.annotation.AgentInvoke;
import io.github.genaitracing.annotation.ConversationId;
import io.github.genaitracing.annotation.ToolCall;
import io.github.genaitracing.aop.AgentInvokeAdvisor;
import io.github.genaitracing.aop.ToolCallAdvisor;
import io.github.genaitracing.aop.TracedMethodRegistry;
import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.core.AgentDefaults;
import io.github.genaitracing.core.DescribedOperation;
import io.github.genaitracing.core.SpanHandle;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.semconv.MlflowAttributes;
import io.github.genaitracing.semconv.OpenInferenceAttributes;
import io.github.genaitracing.spi.GenAiOperation;
import io.github.genaitracing.vocabulary.GenAiVocabulary;
import io.github.genaitracing.vocabulary.MlflowVocabulary;
import io.github.genaitracing.vocabulary.OpenInferenceVocabulary;

/**
 * An {@code @AgentInvoke} call against the same span built by hand with the OpenTelemetry
 * API, with the same attributes, around the same call through the same kind of Spring AOP
 * proxy: a no-op advisor (a method interceptor that only proceeds) on the same pointcut as
 * the tracing advisor. Every arm's spans go through the same span processor, which takes each span's
 * {@link io.opentelemetry.sdk.trace.data.SpanData} on the calling thread and discards it
 * ({@link DiscardingSdk#snapshotting()}): the same work for every span in every fork, none
 * dropped. The {@code tool} arms do the same for an {@code @ToolCall} method.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AnnotatedCallBenchmark {

	private OpenTelemetrySdk sdk;

	private Tracer tracer;

	private Agent annotated;

	private Agent plain;

	private Agent proxiedNoOp;

	private Agent annotatedWithoutBaggage;

	private Tools tool;

	private SpanLifecycle spans;

	private DescribedOperation benchAgent;

	private Tools proxiedNoOpTool;

	@Setup
	public void setUp() {
		this.sdk = DiscardingSdk.snapshotting();
		OpenTelemetrySdk sdk = this.sdk;
		this.tracer = sdk.getTracer("bench");
		SpanLifecycle spans = new SpanLifecycle(sdk,
				List.of(new GenAiVocabulary(), new OpenInferenceVocabulary(), new MlflowVocabulary()),
				"gen_ai.conversation.id");
		TracedMethodRegistry registry = new TracedMethodRegistry(new AgentDefaults(null, null, null, "openai"), null);
		this.annotated = proxy(new Agent(), new AgentInvokeAdvisor(spans, ContentPolicy.disabled(), registry));
		this.spans = spans;
		this.benchAgent = spans.describe(GenAiOperation.agent("bench").providerName("openai").build());
		SpanLifecycle spansWithoutBaggage = new SpanLifecycle(sdk,
				List.of(new GenAiVocabulary(), new OpenInferenceVocabulary(), new MlflowVocabulary()), null);
		this.annotatedWithoutBaggage = proxy(new Agent(),
				new AgentInvokeAdvisor(spansWithoutBaggage, ContentPolicy.disabled(), registry));
		this.plain = new Agent();
		this.proxiedNoOp = proxy(new Agent(), noOp(TracedMethodRegistry.AGENT_POINTCUT));
		this.tool = proxy(new Tools(), new ToolCallAdvisor(spans, ContentPolicy.disabled(), registry));
		this.proxiedNoOpTool = proxy(new Tools(), noOp(TracedMethodRegistry.TOOL_POINTCUT));
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(T target, Advisor advisor) {
		ProxyFactory factory = new ProxyFactory(target);
		factory.addAdvisor(advisor);
		return (T) factory.getProxy();
	}

	/**
	 * Returns an advisor that only proceeds, on the given pointcut.
	 */
	private static Advisor noOp(Pointcut pointcut) {
		return new DefaultPointcutAdvisor(pointcut, (MethodInterceptor) (invocation) -> invocation.proceed());
	}

	/**
	 * The proxy cost alone: the same call through an advisor that does nothing.
	 * @return the result
	 */
	@Benchmark
	public String proxiedNoOp() {
		return this.proxiedNoOp.answer("conv-1", "hello");
	}

	@Benchmark
	public String annotated() {
		return this.annotated.answer("conv-1", "hello");
	}

	/**
	 * The same, with the conversation id kept out of W3C baggage
	 * ({@code genai.tracing.baggage.conversation-id-key} empty).
	 * @return the result
	 */
	@Benchmark
	public String annotatedWithoutBaggage() {
		return this.annotatedWithoutBaggage.answer("conv-1", "hello");
	}

	@TearDown
	public void tearDown() {
		this.sdk.close();
	}

	/**
	 * The baseline: the same span with the same attributes written by hand with the
	 * OpenTelemetry API around the same call through the no-op proxy.
	 * @return the result
	 */
	@Benchmark
	public String handWritten() {
		Span span = this.tracer.spanBuilder("invoke_agent bench")
			.setSpanKind(SpanKind.INTERNAL)
			.setAttribute(GenAiAttributes.OPERATION_NAME, "invoke_agent")
			.setAttribute(GenAiAttributes.PROVIDER_NAME, "openai")
			.setAttribute(GenAiAttributes.AGENT_NAME, "bench")
			.setAttribute(GenAiAttributes.CONVERSATION_ID, "conv-1")
			.setAttribute(OpenInferenceAttributes.SPAN_KIND, "AGENT")
			.setAttribute(OpenInferenceAttributes.AGENT_NAME, "bench")
			.setAttribute(OpenInferenceAttributes.SESSION_ID, "conv-1")
			.setAttribute(MlflowAttributes.SPAN_TYPE, "AGENT")
			.startSpan();
		try (Scope scope = span.makeCurrent()) {
			return this.proxiedNoOp.answer("conv-1", "hello");
		}
		finally {
			span.end();
		}
	}

	/**
	 * Where the time goes: the lifecycle alone (its span of the agent's operation, as the
	 * advisor starts it) around the same call through the no-op proxy, without the
	 * advisor's own work.
	 * @return the result
	 */
	@Benchmark
	public String lifecycleAroundProxy() {
		SpanHandle span = this.spans.start(this.benchAgent, "conv-1", Context.current());
		try (Scope scope = span.makeCurrent()) {
			return this.proxiedNoOp.answer("conv-1", "hello");
		}
		finally {
			span.end();
		}
	}

	/**
	 * An {@code @ToolCall} method called outside any span (no conversation id).
	 * @return the result
	 */
	@Benchmark
	public String tool() {
		return this.tool.forecast("Paris");
	}

	/**
	 * The baseline of {@link #tool()}: the same span with the same attributes written by
	 * hand around the same call through a no-op advisor on the tool pointcut.
	 * @return the result
	 */
	@Benchmark
	public String handWrittenTool() {
		Span span = this.tracer.spanBuilder("execute_tool weather")
			.setSpanKind(SpanKind.INTERNAL)
			.setAttribute(GenAiAttributes.OPERATION_NAME, "execute_tool")
			.setAttribute(GenAiAttributes.TOOL_NAME, "weather")
			.setAttribute(GenAiAttributes.TOOL_DESCRIPTION, "Forecast for a city")
			.setAttribute(GenAiAttributes.TOOL_TYPE, "function")
			.setAttribute(OpenInferenceAttributes.SPAN_KIND, "TOOL")
			.setAttribute(OpenInferenceAttributes.TOOL_NAME, "weather")
			.setAttribute(OpenInferenceAttributes.TOOL_DESCRIPTION, "Forecast for a city")
			.setAttribute(MlflowAttributes.SPAN_TYPE, "TOOL")
			.startSpan();
		try (Scope scope = span.makeCurrent()) {
			return this.proxiedNoOpTool.forecast("Paris");
		}
		finally {
			span.end();
		}
	}

	/**
	 * The benchmarked tool.
	 */
	public static class Tools {

		@ToolCall(name = "weather", description = "Forecast for a city")
		public String forecast(String city) {
			return city;
		}

	}

	/**
	 * The benchmarked agent.
	 */
	@AgentInvoke(name = "bench")
	public static class Agent {

		public String answer(@ConversationId String conversationId, String message) {
			return message;
		}

	}

}
