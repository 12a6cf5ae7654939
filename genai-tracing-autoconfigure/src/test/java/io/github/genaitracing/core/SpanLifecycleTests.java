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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.semconv.OpenInferenceAttributes;
import io.github.genaitracing.spi.AttributeSink;
import io.github.genaitracing.spi.GenAiOperation;
import io.github.genaitracing.spi.OperationListener;
import io.github.genaitracing.spi.OperationRun;
import io.github.genaitracing.spi.SpanVocabulary;
import io.github.genaitracing.spi.TokenUsage;
import io.github.genaitracing.vocabulary.GenAiVocabulary;
import io.github.genaitracing.vocabulary.OpenInferenceVocabulary;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link SpanLifecycle} and {@link SpanHandle}: one end, one outcome, guarded
 * extensions, listeners.
 */
class SpanLifecycleTests {

	@RegisterExtension
	static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

	private final List<OperationRun> ended = new ArrayList<>();

	private final OperationListener recording = new OperationListener() {
		@Override
		public void onEnd(OperationRun run) {
			synchronized (SpanLifecycleTests.this.ended) {
				SpanLifecycleTests.this.ended.add(run);
			}
		}
	};

	private SpanLifecycle lifecycle(List<SpanVocabulary> vocabularies, OperationListener... listeners) {
		return new SpanLifecycle(otel.getOpenTelemetry(), vocabularies, null, ScopeListener.NONE,
				List.of(listeners));
	}

	@Test
	void spanEndsOnceAndKeepsTheFirstFailureWhenCompletionErrorAndCancelRaceOnThreads() throws Exception {
		SpanLifecycle lifecycle = lifecycle(List.of(new GenAiVocabulary()), this.recording);
		int runs = 200;
		ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			for (int i = 0; i < runs; i++) {
				SpanHandle span = lifecycle.start(GenAiOperation.agent("racer").build());
				CyclicBarrier barrier = new CyclicBarrier(3);
				CountDownLatch done = new CountDownLatch(3);
				pool.execute(() -> race(barrier, done, () -> span.end(new IllegalStateException("error"))));
				pool.execute(() -> race(barrier, done, () -> span.fail("timeout", null)));
				pool.execute(() -> race(barrier, done, span::end));
				assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
		List<SpanData> spans = otel.getSpans();
		assertThat(spans).hasSize(runs);
		assertThat(this.ended).hasSize(runs);
		for (OperationRun run : this.ended) {
			SpanData data = spans.stream()
				.filter((span) -> span.getSpanId().equals(run.span().getSpanContext().getSpanId()))
				.findFirst()
				.orElseThrow();
			String errorType = data.getAttributes().get(GenAiAttributes.ERROR_TYPE);
			// what the span says is what the listener saw: one outcome, recorded once
			assertThat(errorType).isEqualTo(run.outcome().errorType());
			assertThat(data.getStatus().getStatusCode())
				.isEqualTo(run.outcome().isError() ? StatusCode.ERROR : StatusCode.UNSET);
			assertThat(data.getEvents().size()).isLessThanOrEqualTo(1);
		}
	}

	private static void race(CyclicBarrier barrier, CountDownLatch done, Runnable action) {
		try {
			barrier.await(10, TimeUnit.SECONDS);
			action.run();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			done.countDown();
		}
	}

	@Test
	void failingVocabularyAndListenerDoNotStopTheSpanNorOtherVocabularies() {
		SpanVocabulary throwing = new SpanVocabulary() {
			@Override
			public void onStart(GenAiOperation operation, @Nullable String conversationId, AttributeSink sink) {
				throw new StackOverflowError("user regex");
			}

			@Override
			public void onUsage(GenAiOperation operation, TokenUsage usage, AttributeSink sink) {
				throw new IllegalStateException("usage");
			}
		};
		OperationListener failingListener = new OperationListener() {
			@Override
			public void onStart(OperationRun run) {
				throw new IllegalStateException("listener start");
			}

			@Override
			public void onEnd(OperationRun run) {
				throw new LinkageError("listener end");
			}
		};
		SpanLifecycle lifecycle = lifecycle(List.of(throwing, new GenAiVocabulary(), new OpenInferenceVocabulary()),
				failingListener, this.recording);
		assertThatNoException().isThrownBy(() -> {
			SpanHandle span = lifecycle.start(GenAiOperation.chat("gpt-4o").build(), "conv-9", Context.root());
			span.recordUsage(TokenUsage.of(3L, 4L));
			span.captureInput(() -> {
				throw new IllegalStateException("redactor");
			});
			span.end();
		});
		assertThat(otel.getSpans()).singleElement()
			.satisfies((span) -> assertThat(span).hasName("chat gpt-4o")
				.hasAttribute(GenAiAttributes.CONVERSATION_ID, "conv-9")
				.hasAttribute(GenAiAttributes.USAGE_INPUT_TOKENS, 3L)
				.hasAttribute(OpenInferenceAttributes.LLM_TOKEN_COUNT_PROMPT, 3L));
		assertThat(this.ended).singleElement().satisfies((run) -> {
			assertThat(run.usage()).isEqualTo(TokenUsage.of(3L, 4L));
			assertThat(run.durationNanos()).isNotNegative();
		});
	}

	@Test
	void listenerSeesTheEnclosingRunAndWhatWasRecordedOnTheSpanWithEveryVocabularyOff() {
		SpanLifecycle lifecycle = lifecycle(List.of(), this.recording);
		SpanHandle agent = lifecycle.start(GenAiOperation.agent("planner").build(), "conv-1", Context.root());
		try (Scope scope = agent.makeCurrent()) {
			SpanHandle chat = lifecycle.start(GenAiOperation.chat("gpt-4o").build());
			chat.recordUsage(TokenUsage.of(10L, 5L));
			chat.fail("rate_limited", "429");
			chat.end();
		}
		agent.end();
		assertThat(this.ended).hasSize(2);
		OperationRun chat = this.ended.get(0);
		assertThat(chat.parent()).isSameAs(this.ended.get(1));
		assertThat(chat.conversationId()).isEqualTo("conv-1");
		assertThat(chat.usage()).isEqualTo(TokenUsage.of(10L, 5L));
		assertThat(chat.outcome().errorType()).isEqualTo("rate_limited");
		// no vocabulary: no GenAI key at all, not even error.type
		assertThat(otel.getSpans()).allSatisfy((span) -> assertThat(span.getAttributes().isEmpty()).isTrue());
		assertThat(otel.getSpans().get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
	}

}
