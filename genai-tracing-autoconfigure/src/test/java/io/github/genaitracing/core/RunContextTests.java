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

import java.util.List;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.genaitracing.context.GenAiContext;
import io.github.genaitracing.spi.GenAiOperation;
import io.github.genaitracing.vocabulary.GenAiVocabulary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RunContext}: the context of a span answers like the one built entry by
 * entry, and so does every context derived from it.
 */
class RunContextTests {

	private static final ContextKey<String> OTHER = ContextKey.named("other");

	private static final String KEY = "gen_ai.conversation.id";

	@RegisterExtension
	static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

	@Test
	void learnsTheKeysSoTheEntriesAreNotCopied() {
		Context context = RunContext.of(Context.root(), Span.getInvalid(), "conv-1", KEY, "conv-1", null);

		assertThat(context).isInstanceOf(RunContext.class);
	}

	@Test
	void answersEveryKeyAsTheContextBuiltEntryByEntry() {
		Span span = otel.getOpenTelemetry().getTracer("test").spanBuilder("parent").startSpan();
		Baggage parentBaggage = Baggage.builder().put("user", "u-1").build();
		Span child = otel.getOpenTelemetry().getTracer("test").spanBuilder("child").startSpan();
		Context parent = parentBaggage.storeInContext(Context.root().with(OTHER, "kept")).with(span);

		Context context = RunContext.of(parent, child, "conv-1", KEY, "conv-1", null);

		assertThat(GenAiContext.conversationId(context)).isEqualTo("conv-1");
		assertThat(Baggage.fromContext(context).getEntryValue(KEY)).isEqualTo("conv-1");
		assertThat(Baggage.fromContext(context).getEntryValue("user")).isEqualTo("u-1");
		assertThat(Span.fromContext(context)).isSameAs(child);
		assertThat(context.get(OTHER)).isEqualTo("kept");
		assertThat(context.get(RunContext.RUN)).isNull();
		child.end();
		span.end();
	}

	@Test
	void itsBaggageHasTheSizeOfTheBaggageBuiltEntryByEntry() {
		Baggage none = Baggage.empty();
		Baggage other = Baggage.builder().put("user", "u-1").build();
		Baggage same = Baggage.builder().put("user", "u-1").put(KEY, "conv-0").build();
		for (Baggage parentBaggage : List.of(none, other, same)) {
			Context parent = parentBaggage.storeInContext(Context.root());

			Baggage baggage = Baggage.fromContext(RunContext.of(parent, Span.getInvalid(), "conv-1", KEY, "conv-1", null));

			Baggage expected = parentBaggage.toBuilder().put(KEY, "conv-1").build();
			assertThat(baggage.size()).as(parentBaggage.toString()).isEqualTo(expected.size());
			assertThat(baggage.asMap()).isEqualTo(expected.asMap());
		}
	}

	@Test
	void answersTheParentsEntriesItDoesNotAdd() {
		SpanLifecycle spans = new SpanLifecycle(otel.getOpenTelemetry(), List.of(new GenAiVocabulary()), KEY);
		SpanHandle outer = spans.start(GenAiOperation.tool("outer").build(), Context.root());
		Span span = otel.getOpenTelemetry().getTracer("test").spanBuilder("child").startSpan();
		Baggage parentBaggage = Baggage.builder().put(KEY, "conv-0").build();
		Context parent = parentBaggage
			.storeInContext(GenAiContext.withConversationId(Context.root().with(RunContext.RUN, outer), "conv-0"));

		Context context = RunContext.of(parent, span, null, KEY, null, null);
		Context withRun = RunContext.of(parent, span, null, null, null, outer);

		assertThat(GenAiContext.conversationId(context)).isEqualTo("conv-0");
		assertThat(Baggage.fromContext(context).getEntryValue(KEY)).isEqualTo("conv-0");
		assertThat(context.get(RunContext.RUN)).isSameAs(outer);
		assertThat(Span.fromContext(context)).isSameAs(span);
		assertThat(withRun.get(RunContext.RUN)).isSameAs(outer);
		assertThat(withRun.with(OTHER, "added").get(RunContext.RUN)).isSameAs(outer);
		span.end();
		outer.end();
	}

	@Test
	void aContextDerivedFromItKeepsEveryEntryAndTheNewOne() {
		Span span = otel.getOpenTelemetry().getTracer("test").spanBuilder("agent").startSpan();
		SpanLifecycle spans = new SpanLifecycle(otel.getOpenTelemetry(), List.of(new GenAiVocabulary()), KEY);
		SpanHandle run = spans.start(GenAiOperation.tool("weather").build(), Context.root());
		Context context = RunContext.of(Context.root(), span, "conv-1", KEY, "conv-1", run);

		Context derived = context.with(OTHER, "added");
		Context rebaggaged = Baggage.empty().storeInContext(context);

		assertThat(derived.get(OTHER)).isEqualTo("added");
		assertThat(GenAiContext.conversationId(derived)).isEqualTo("conv-1");
		assertThat(Baggage.fromContext(derived).getEntryValue(KEY)).isEqualTo("conv-1");
		assertThat(Span.fromContext(derived)).isSameAs(span);
		assertThat(derived.get(RunContext.RUN)).isSameAs(run);
		assertThat(Baggage.fromContext(rebaggaged).isEmpty()).isTrue();
		assertThat(GenAiContext.conversationId(rebaggaged)).isEqualTo("conv-1");
		assertThat(Span.fromContext(rebaggaged)).isSameAs(span);
		run.end();
		span.end();
	}

	@Test
	void aSpanStartedWithAConversationIdMakesItCurrentWithItsBaggageAndSpan() {
		SpanLifecycle spans = new SpanLifecycle(otel.getOpenTelemetry(), List.of(new GenAiVocabulary()), KEY);
		SpanHandle agent = spans.start(GenAiOperation.agent("bench").build(), "conv-1", Context.root());

		try (Scope scope = agent.makeCurrent()) {
			assertThat(GenAiContext.currentConversationId()).isEqualTo("conv-1");
			assertThat(Baggage.current().getEntryValue(KEY)).isEqualTo("conv-1");
			assertThat(Span.current()).isSameAs(agent.span());
			SpanHandle tool = spans.start(GenAiOperation.tool("weather").build());
			assertThat(tool.conversationId()).isEqualTo("conv-1");
			assertThat(tool.span().getSpanContext().getTraceId()).isEqualTo(agent.span().getSpanContext().getTraceId());
			tool.end();
		}
		agent.end();
		assertThat(Context.current()).isSameAs(Context.root());
	}

}
