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

package io.github.genaitracing.core;

import java.time.Duration;
import java.util.List;

import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.genaitracing.cost.ModelPrices;
import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.spi.GenAiOperation;
import io.github.genaitracing.spi.GenAiResponse;
import io.github.genaitracing.spi.TokenUsage;
import io.github.genaitracing.vocabulary.GenAiVocabulary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CostAccounting} in the {@link SpanLifecycle}: an agent's span whose
 * model call ends after it (a stream completing downstream first) ends once that call
 * ended, at the time it was ended, with the call in its sums; nested agents each sum
 * what runs below them; an agent never waits for a call that does not end.
 */
class CostAccountingTests {

	@RegisterExtension
	static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

	private SpanLifecycle lifecycle() {
		return new SpanLifecycle(otel.getOpenTelemetry(), List.of(new GenAiVocabulary()), null, ScopeListener.NONE,
				List.of(), new CostAccounting(ModelPrices.defaults(), true, true));
	}

	@Test
	void anAgentWhoseModelCallEndsAfterItEndsWhenTheCallEndsWithTheCallSummed() {
		SpanLifecycle lifecycle = lifecycle();
		SpanHandle agent = lifecycle.start(GenAiOperation.agent("streamer").build());
		SpanHandle chat = lifecycle.start(GenAiOperation.chat("gpt-4o").build(), agent.context());
		agent.end();
		assertThat(otel.getSpans()).as("the agent waits for the call below it").isEmpty();
		chat.recordResponse(new GenAiResponse("r1", "gpt-4o-2024-08-06", List.of("stop")));
		chat.recordUsage(TokenUsage.of(1000L, 200L));
		chat.end();
		List<SpanData> spans = otel.getSpans();
		assertThat(spans).hasSize(2);
		SpanData agentSpan = named(spans, "invoke_agent streamer");
		SpanData chatSpan = named(spans, "chat gpt-4o");
		assertThat(agentSpan.getAttributes().get(GenAiAttributes.USAGE_INPUT_TOKENS)).isEqualTo(1000L);
		assertThat(agentSpan.getAttributes().get(GenAiAttributes.RUN_COST)).isCloseTo(0.0045,
				org.assertj.core.api.Assertions.within(1e-12));
		assertThat(agentSpan.getEndEpochNanos()).as("ended at the time it was ended")
			.isLessThanOrEqualTo(chatSpan.getEndEpochNanos());
	}

	@Test
	void nestedAgentsEachSumTheCallsBelowThem() {
		SpanLifecycle lifecycle = lifecycle();
		SpanHandle outer = lifecycle.start(GenAiOperation.agent("outer").build());
		SpanHandle inner = lifecycle.start(GenAiOperation.agent("inner").build(), outer.context());
		SpanHandle innerChat = lifecycle.start(GenAiOperation.chat("gpt-4o-mini").build(), inner.context());
		innerChat.recordUsage(TokenUsage.of(10L, 5L));
		innerChat.end();
		inner.end();
		SpanHandle outerChat = lifecycle.start(GenAiOperation.chat("gpt-4o-mini").build(), outer.context());
		outerChat.recordUsage(TokenUsage.of(100L, 50L));
		outerChat.end();
		outer.end();
		List<SpanData> spans = otel.getSpans();
		assertThat(named(spans, "invoke_agent inner").getAttributes().get(GenAiAttributes.USAGE_INPUT_TOKENS))
			.isEqualTo(10L);
		assertThat(named(spans, "invoke_agent outer").getAttributes().get(GenAiAttributes.USAGE_INPUT_TOKENS))
			.isEqualTo(110L);
		assertThat(named(spans, "invoke_agent outer").getAttributes().get(GenAiAttributes.USAGE_OUTPUT_TOKENS))
			.isEqualTo(55L);
	}

	@Test
	void anAgentDoesNotWaitForeverForAModelCallThatNeverEnds() {
		SpanLifecycle lifecycle = lifecycle();
		SpanHandle agent = lifecycle.start(GenAiOperation.agent("patient").build());
		lifecycle.start(GenAiOperation.chat("gpt-4o").build(), agent.context());
		agent.end();
		long deadline = System.nanoTime() + Duration.ofMillis(CostAccounting.DEFERRED_END_TIMEOUT_MILLIS * 4).toNanos();
		while (otel.getSpans().isEmpty() && System.nanoTime() < deadline) {
			java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
		}
		assertThat(otel.getSpans()).extracting(SpanData::getName).containsExactly("invoke_agent patient");
	}

	private static SpanData named(List<SpanData> spans, String name) {
		return spans.stream().filter((span) -> span.getName().equals(name)).findFirst().orElseThrow();
	}

}
