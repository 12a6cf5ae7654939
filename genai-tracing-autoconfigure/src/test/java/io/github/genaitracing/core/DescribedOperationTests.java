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
import java.util.concurrent.atomic.AtomicInteger;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.semconv.MlflowAttributes;
import io.github.genaitracing.semconv.OpenInferenceAttributes;
import io.github.genaitracing.semconv.SemconvMode;
import io.github.genaitracing.spi.AttributeSink;
import io.github.genaitracing.spi.GenAiOperation;
import io.github.genaitracing.spi.SpanVocabulary;
import io.github.genaitracing.vocabulary.GenAiVocabulary;
import io.github.genaitracing.vocabulary.MlflowVocabulary;
import io.github.genaitracing.vocabulary.OpenInferenceVocabulary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spans of an operation described ahead ({@link SpanLifecycle#describe(GenAiOperation)})
 * get exactly the attributes of spans started by asking every vocabulary at the start.
 */
class DescribedOperationTests {

	@RegisterExtension
	static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

	private static final AttributeKey<String> SEEN = AttributeKey.stringKey("test.seen");

	private static final AttributeKey<String> TENANT = AttributeKey.stringKey("test.tenant");

	private static final AttributeKey<Long> CALL = AttributeKey.longKey("test.call");

	private final GenAiOperation agent = GenAiOperation.agent("planner")
		.providerName("openai")
		.agentDescription("plans")
		.agentVersion("2")
		.userId("u-1")
		.build();

	private final GenAiOperation tool = GenAiOperation.tool("weather").toolDescription("forecast").build();

	@BeforeEach
	void clear() {
		otel.clearSpans();
	}

	@Test
	void describedAgentAndToolSpansCarryTheSameAttributesAsUndescribedOnesWithAndWithoutAConversationId() {
		SpanLifecycle lifecycle = lifecycle(new GenAiVocabulary(SemconvMode.DUP),
				new OpenInferenceVocabulary(), new MlflowVocabulary());
		for (GenAiOperation operation : List.of(this.agent, this.tool)) {
			DescribedOperation described = lifecycle.describe(operation);
			assertThat(described.describedAhead()).isEqualTo(3);
			for (String conversationId : new String[] { "conv-1", "conv-2", null }) {
				Attributes expected = attributesOf(lifecycle.start(operation, conversationId, Context.root()));
				Attributes actual = attributesOf(lifecycle.start(described, conversationId, Context.root()));
				assertThat(actual).isEqualTo(expected);
				if (conversationId != null) {
					assertThat(actual.get(GenAiAttributes.CONVERSATION_ID)).isEqualTo(conversationId);
				}
				else {
					assertThat(actual.get(GenAiAttributes.CONVERSATION_ID)).isNull();
				}
			}
		}
	}

	@Test
	void adoptedSpanOfADescribedOperationCarriesTheSameAttributesAsAnUndescribedAdoptionWithTheRequestsOwnProtocolAttributes() {
		SpanLifecycle lifecycle = lifecycle(new GenAiVocabulary(SemconvMode.DUP),
				new OpenInferenceVocabulary(), new MlflowVocabulary());
		GenAiOperation template = GenAiOperation.agent("planner").providerName("openai").agentVersion("2").build();
		DescribedOperation described = lifecycle.describe(template);
		for (String tenant : new String[] { "t-1", "t-2" }) {
			GenAiOperation request = GenAiOperation.agent("planner")
				.providerName("openai")
				.agentVersion("2")
				.protocolAttribute(TENANT, tenant)
				.build();
			for (String conversationId : new String[] { "conv-1", null }) {
				Attributes expected = adopted(lifecycle, null, request, conversationId);
				Attributes actual = adopted(lifecycle, described, request, conversationId);
				assertThat(actual).isEqualTo(expected);
				assertThat(actual.get(TENANT)).isEqualTo(tenant);
				assertThat(actual.get(GenAiAttributes.CONVERSATION_ID)).isEqualTo(conversationId);
				assertThat(actual.get(SEEN)).isEqualTo("owner's");
			}
		}
	}

	/** Adopts a span its owner started and ends, and returns what it exported. */
	private static Attributes adopted(SpanLifecycle lifecycle, @Nullable DescribedOperation described,
			GenAiOperation operation, @Nullable String conversationId) {
		io.opentelemetry.api.trace.Span owners = otel.getOpenTelemetry()
			.getTracer("owner")
			.spanBuilder("http post")
			.setAttribute(SEEN, "owner's")
			.startSpan();
		SpanHandle handle = (described != null)
				? lifecycle.adopt(owners, described, operation, conversationId, Context.root())
				: lifecycle.adopt(owners, operation, conversationId, Context.root());
		handle.end();
		owners.end();
		return exportedAttributes(owners.getSpanContext().getSpanId());
	}

	@Test
	void describedSpanInheritsTheParentsConversationIdAsAnUndescribedOneDoes() {
		SpanLifecycle lifecycle = lifecycle(new GenAiVocabulary(), new OpenInferenceVocabulary());
		SpanHandle parent = lifecycle.start(this.agent, "conv-parent", Context.root());
		SpanHandle child = lifecycle.start(lifecycle.describe(this.tool), null, parent.context());
		child.end();
		parent.end();
		assertThat(attributesOf(child).get(GenAiAttributes.CONVERSATION_ID)).isEqualTo("conv-parent");
	}

	@Test
	void vocabularyThatDoesNotDeclareRepeatableStartsIsAskedAtEveryStartWithItsFollowers() {
		AtomicInteger calls = new AtomicInteger();
		SpanVocabulary counting = new SpanVocabulary() {
			@Override
			public void onStart(GenAiOperation operation, @Nullable String conversationId, AttributeSink sink) {
				sink.put(CALL, (long) calls.incrementAndGet());
			}
		};
		SpanLifecycle lifecycle = lifecycle(new GenAiVocabulary(), counting, new OpenInferenceVocabulary());
		DescribedOperation described = lifecycle.describe(this.agent);
		// the built-in vocabulary ahead; the user's and the one after it at every start
		assertThat(described.describedAhead()).isEqualTo(1);
		Attributes first = attributesOf(lifecycle.start(described, "c", Context.root()));
		Attributes second = attributesOf(lifecycle.start(described, "c", Context.root()));
		assertThat(first.get(CALL)).isEqualTo(1L);
		assertThat(second.get(CALL)).isEqualTo(2L);
		assertThat(second.get(GenAiAttributes.AGENT_NAME)).isEqualTo("planner");
		assertThat(second.get(OpenInferenceAttributes.SPAN_KIND)).isEqualTo("AGENT");
	}

	@Test
	void vocabularyThatWritesSomethingDerivedFromTheConversationIdIsAskedAtEveryStart() {
		SpanVocabulary deriving = new RepeatableVocabulary() {
			@Override
			public void onStart(GenAiOperation operation, @Nullable String conversationId, AttributeSink sink) {
				sink.put(SEEN, (conversationId != null) ? "seen:" + conversationId : "none");
				sink.put(TENANT, (conversationId != null) ? conversationId.substring(0, 1) : null);
			}
		};
		SpanLifecycle lifecycle = lifecycle(deriving);
		DescribedOperation described = lifecycle.describe(this.agent);
		assertThat(described.describedAhead()).isZero();
		Attributes attributes = attributesOf(lifecycle.start(described, "acme-42", Context.root()));
		assertThat(attributes.get(SEEN)).isEqualTo("seen:acme-42");
		assertThat(attributes.get(TENANT)).isEqualTo("a");
		assertThat(attributesOf(lifecycle.start(described, null, Context.root())).get(SEEN)).isEqualTo("none");
	}

	@Test
	void repeatableVocabularyWritingTheIdUnderSeveralKeysAndOverwritingAKeyKeepsTheLastWrite() {
		SpanVocabulary first = new RepeatableVocabulary() {
			@Override
			public void onStart(GenAiOperation operation, @Nullable String conversationId, AttributeSink sink) {
				sink.put(SEEN, "first");
				sink.put(TENANT, conversationId);
			}
		};
		SpanVocabulary second = new RepeatableVocabulary() {
			@Override
			public void onStart(GenAiOperation operation, @Nullable String conversationId, AttributeSink sink) {
				sink.put(SEEN, conversationId);
				sink.put(TENANT, "fixed");
			}
		};
		SpanLifecycle lifecycle = lifecycle(first, second);
		DescribedOperation described = lifecycle.describe(this.agent);
		assertThat(described.describedAhead()).isEqualTo(2);
		Attributes withId = attributesOf(lifecycle.start(described, "c-9", Context.root()));
		assertThat(withId.get(SEEN)).isEqualTo("c-9");
		assertThat(withId.get(TENANT)).isEqualTo("fixed");
		Attributes withoutId = attributesOf(lifecycle.start(described, null, Context.root()));
		assertThat(withoutId.get(SEEN)).isEqualTo("first");
		assertThat(withoutId.get(TENANT)).isEqualTo("fixed");
	}

	@Test
	void vocabularyThatThrowsWhileDescribedIsAskedAtEveryStartAndTheSpanStillStartsAndEnds() {
		AtomicInteger calls = new AtomicInteger();
		SpanVocabulary throwing = new RepeatableVocabulary() {
			@Override
			public void onStart(GenAiOperation operation, @Nullable String conversationId, AttributeSink sink) {
				calls.incrementAndGet();
				sink.put(SEEN, "before the failure");
				throw new IllegalStateException("broken vocabulary");
			}
		};
		SpanLifecycle lifecycle = lifecycle(throwing, new GenAiVocabulary());
		DescribedOperation described = lifecycle.describe(this.agent);
		assertThat(described.describedAhead()).isZero();
		int before = calls.get();
		Attributes attributes = attributesOf(lifecycle.start(described, "c", Context.root()));
		assertThat(calls.get()).isEqualTo(before + 1);
		assertThat(attributes.get(SEEN)).isEqualTo("before the failure");
		assertThat(attributes.get(GenAiAttributes.AGENT_NAME)).isEqualTo("planner");
		assertThat(otel.getSpans()).hasSize(1);
	}

	@Test
	void operationDescribedByAnotherLifecycleGetsTheAttributesOfTheLifecycleStartingIt() {
		SpanLifecycle withMlflow = lifecycle(new GenAiVocabulary(), new MlflowVocabulary());
		SpanLifecycle withoutMlflow = lifecycle(new GenAiVocabulary());
		DescribedOperation described = withMlflow.describe(this.agent);
		assertThat(described.isDescribedBy(withoutMlflow)).isFalse();
		Attributes attributes = attributesOf(withoutMlflow.start(described, "c", Context.root()));
		assertThat(attributes.get(MlflowAttributes.SPAN_TYPE)).isNull();
		assertThat(attributes.get(GenAiAttributes.AGENT_NAME)).isEqualTo("planner");
	}

	private static SpanLifecycle lifecycle(SpanVocabulary... vocabularies) {
		return new SpanLifecycle(otel.getOpenTelemetry(), List.of(vocabularies), null);
	}

	private static Attributes attributesOf(SpanHandle handle) {
		handle.end();
		return exportedAttributes(handle.span().getSpanContext().getSpanId());
	}

	private static Attributes exportedAttributes(String spanId) {
		return otel.getSpans()
			.stream()
			.filter((span) -> span.getSpanId().equals(spanId))
			.map(SpanData::getAttributes)
			.findFirst()
			.orElseThrow();
	}

	private abstract static class RepeatableVocabulary implements SpanVocabulary {

		@Override
		public boolean isStartRepeatable() {
			return true;
		}

	}

}
