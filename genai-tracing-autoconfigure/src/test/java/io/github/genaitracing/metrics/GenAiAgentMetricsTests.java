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

package io.github.genaitracing.metrics;

import java.util.List;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.github.genaitracing.core.ScopeListener;
import io.github.genaitracing.core.SpanHandle;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.spi.GenAiOperation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GenAiAgentMetrics}: each agent run is recorded on the meters of its
 * agent and its outcome, however runs of several agents and outcomes interleave.
 */
class GenAiAgentMetricsTests {

	@Test
	void recordsEachRunOnTheMetersOfItsAgentAndItsErrorType() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		SpanLifecycle spans = new SpanLifecycle(OpenTelemetry.noop(), List.of(), null, ScopeListener.NONE,
				List.of(new GenAiAgentMetrics(registry)));
		for (int round = 0; round < 3; round++) {
			run(spans, "planner", null);
			run(spans, "writer", null);
			run(spans, "planner", "timeout");
			run(spans, "planner", null);
			run(spans, "writer", "rate_limited");
			run(spans, "writer", "timeout");
		}
		assertThat(runs(registry, "planner", GenAiClientMetrics.NONE)).isEqualTo(6);
		assertThat(runs(registry, "planner", "timeout")).isEqualTo(3);
		assertThat(runs(registry, "writer", GenAiClientMetrics.NONE)).isEqualTo(3);
		assertThat(runs(registry, "writer", "rate_limited")).isEqualTo(3);
		assertThat(runs(registry, "writer", "timeout")).isEqualTo(3);
		assertThat(registry.find(GenAiAgentMetrics.INVOKE_AGENT_DURATION).summaries()).hasSize(5);
		assertThat(registry.find(GenAiAgentMetrics.INVOKE_AGENT_INFERENCE_CALLS).tag("gen_ai.agent.name", "writer")
			.summary()
			.count()).isEqualTo(9);
	}

	@Test
	void countsTheCallsEachAgentMadeItselfNotThoseOfANestedAgent() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		SpanLifecycle spans = new SpanLifecycle(OpenTelemetry.noop(), List.of(), null, ScopeListener.NONE,
				List.of(new GenAiAgentMetrics(registry)));
		SpanHandle planner = spans.start(GenAiOperation.agent("planner").build(), Context.root());
		spans.start(GenAiOperation.chat("gpt-4o").build(), planner.context()).end();
		SpanHandle tool = spans.start(GenAiOperation.tool("search").build(), planner.context());
		SpanHandle writer = spans.start(GenAiOperation.agent("writer").build(), tool.context());
		spans.start(GenAiOperation.chat("gpt-4o").build(), writer.context()).end();
		spans.start(GenAiOperation.chat("gpt-4o").build(), writer.context()).end();
		spans.start(GenAiOperation.tool("lookup").build(), writer.context()).end();
		writer.end();
		tool.end();
		spans.start(GenAiOperation.chat("gpt-4o").build(), planner.context()).end();
		planner.end();
		assertThat(planner.inferenceCalls()).isEqualTo(2);
		assertThat(planner.toolCalls()).isEqualTo(1);
		assertThat(writer.inferenceCalls()).isEqualTo(2);
		assertThat(writer.toolCalls()).isEqualTo(1);
		assertThat(summary(registry, GenAiAgentMetrics.INVOKE_AGENT_INFERENCE_CALLS, "planner").totalAmount())
			.isEqualTo(2);
		assertThat(summary(registry, GenAiAgentMetrics.INVOKE_AGENT_TOOL_CALLS, "planner").totalAmount())
			.isEqualTo(1);
		assertThat(summary(registry, GenAiAgentMetrics.INVOKE_AGENT_INFERENCE_CALLS, "writer").totalAmount())
			.isEqualTo(2);
		assertThat(summary(registry, GenAiAgentMetrics.INVOKE_AGENT_TOOL_CALLS, "writer").totalAmount())
			.isEqualTo(1);
	}

	@Test
	void recordsNoCallsForAnAgentThatMadeNone() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		SpanLifecycle spans = new SpanLifecycle(OpenTelemetry.noop(), List.of(), null, ScopeListener.NONE,
				List.of(new GenAiAgentMetrics(registry)));
		run(spans, "echo", null);
		run(spans, "echo", null);
		DistributionSummary inferences = summary(registry, GenAiAgentMetrics.INVOKE_AGENT_INFERENCE_CALLS, "echo");
		assertThat(inferences.count()).isEqualTo(2);
		assertThat(inferences.totalAmount()).isZero();
		assertThat(summary(registry, GenAiAgentMetrics.INVOKE_AGENT_TOOL_CALLS, "echo").totalAmount()).isZero();
	}

	private static DistributionSummary summary(SimpleMeterRegistry registry, String name, String agent) {
		return registry.get(name).tag("gen_ai.agent.name", agent).summary();
	}

	private static void run(SpanLifecycle spans, String agent, @Nullable String errorType) {
		SpanHandle run = spans.start(GenAiOperation.agent(agent).build(), Context.root());
		if (errorType != null) {
			run.fail(errorType, null);
		}
		run.end();
	}

	private static long runs(SimpleMeterRegistry registry, String agent, String errorType) {
		return registry.find(GenAiAgentMetrics.INVOKE_AGENT_DURATION)
			.tag("gen_ai.agent.name", agent)
			.tag("error.type", errorType)
			.summaries()
			.stream()
			.mapToLong((summary) -> summary.count())
			.sum();
	}

}
