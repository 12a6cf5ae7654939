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
