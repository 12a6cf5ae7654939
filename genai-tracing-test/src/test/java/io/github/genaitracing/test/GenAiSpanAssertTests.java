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

package io.github.genaitracing.test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests for {@link GenAiSpanAssert}.
 */
class GenAiSpanAssertTests {

	private final Span span = Span.newBuilder()
		.setName("chat gpt-4o")
		.addAttributes(KeyValue.newBuilder().setKey("gen_ai.usage.input_tokens").setValue(AnyValue.newBuilder().setIntValue(22)))
		.addAttributes(KeyValue.newBuilder().setKey("count").setValue(AnyValue.newBuilder().setStringValue("22")))
		.build();

	@Test
	void passesOnTypedValue() {
		GenAiSpanAssert.assertThat(this.span)
			.hasName("chat gpt-4o")
			.isRoot()
			.hasAttribute(AttributeKey.longKey("gen_ai.usage.input_tokens"), 22L)
			.doesNotHaveAttributes("gen_ai.input.messages");
	}

	@Test
	void failsWhenTheTypeDiffers() {
		assertThatThrownBy(() -> GenAiSpanAssert.assertThat(this.span).hasAttribute(AttributeKey.longKey("count"), 22L))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("type");
	}

	@Test
	void failsWhenAnAttributeThatMustBeAbsentIsPresent() {
		assertThatThrownBy(() -> GenAiSpanAssert.assertThat(this.span).doesNotHaveAttributes("count"))
			.isInstanceOf(AssertionError.class);
	}

}
