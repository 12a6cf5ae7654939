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

import java.util.List;
import java.util.function.Consumer;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

/**
 * AssertJ assertions for a GenAI span received over OTLP: name, kind, parent and typed
 * attribute values (a {@code Long} 22 does not match the string {@code "22"}).
 *
 * @since 0.1.0
 */
public final class GenAiSpanAssert extends AbstractAssert<GenAiSpanAssert, Span> {

	private GenAiSpanAssert(Span actual) {
		super(actual, GenAiSpanAssert.class);
	}

	/**
	 * Starts assertions on a span.
	 * @param span the span
	 * @return the assertions
	 */
	public static GenAiSpanAssert assertThat(Span span) {
		return new GenAiSpanAssert(span);
	}

	/**
	 * Checks the span name.
	 * @param name the expected name
	 * @return this
	 */
	public GenAiSpanAssert hasName(String name) {
		isNotNull();
		if (!this.actual.getName().equals(name)) {
			failWithMessage("Expected span name <%s> but was <%s>", name, this.actual.getName());
		}
		return this;
	}

	/**
	 * Checks the span kind.
	 * @param kind the expected kind
	 * @return this
	 */
	public GenAiSpanAssert hasKind(io.opentelemetry.api.trace.SpanKind kind) {
		isNotNull();
		String expected = "SPAN_KIND_" + kind.name();
		if (!this.actual.getKind().name().equals(expected)) {
			failWithMessage("Expected kind <%s> but was <%s> on %s", kind, this.actual.getKind(), describe());
		}
		return this;
	}

	/**
	 * Checks that the span has no parent.
	 * @return this
	 */
	public GenAiSpanAssert isRoot() {
		isNotNull();
		if (!this.actual.getParentSpanId().isEmpty()) {
			failWithMessage("Expected a root span but %s has parent %s", describe(),
					OtlpTestReceiver.hex(this.actual.getParentSpanId()));
		}
		return this;
	}

	/**
	 * Checks that the span is a child of another, in the same trace.
	 * @param parent the expected parent
	 * @return this
	 */
	public GenAiSpanAssert isChildOf(Span parent) {
		isNotNull();
		if (!this.actual.getParentSpanId().equals(parent.getSpanId())
				|| !this.actual.getTraceId().equals(parent.getTraceId())) {
			failWithMessage("Expected %s to be a child of <%s>", describe(), parent.getName());
		}
		return this;
	}

	/**
	 * Checks an attribute's value and type.
	 * @param <T> the value type
	 * @param key the typed key
	 * @param value the expected value
	 * @return this
	 */
	public <T> GenAiSpanAssert hasAttribute(AttributeKey<T> key, T value) {
		return hasAttributeSatisfying(key, (actualValue) -> {
			if (!actualValue.equals(value)) {
				failWithMessage("Expected %s=<%s> but was <%s> on %s", key.getKey(), value, actualValue, describe());
			}
		});
	}

	/**
	 * Checks an attribute's type and lets a consumer check its value.
	 * @param <T> the value type
	 * @param key the typed key
	 * @param requirement the check
	 * @return this
	 */
	@SuppressWarnings("unchecked")
	public <T> GenAiSpanAssert hasAttributeSatisfying(AttributeKey<T> key, Consumer<T> requirement) {
		isNotNull();
		AnyValue value = find(key.getKey());
		if (value == null) {
			failWithMessage("Expected attribute %s on %s", key.getKey(), describe());
			return this;
		}
		if (!typeMatches(key.getType(), value)) {
			failWithMessage("Expected %s to be of type %s but was %s on %s", key.getKey(), key.getType(),
					value.getValueCase(), describe());
		}
		requirement.accept((T) OtlpTestReceiver.attribute(this.actual, key.getKey()));
		return this;
	}

	/**
	 * Checks that attributes are absent.
	 * @param keys the keys
	 * @return this
	 */
	public GenAiSpanAssert doesNotHaveAttributes(String... keys) {
		isNotNull();
		for (String key : keys) {
			if (find(key) != null) {
				failWithMessage("Expected no attribute %s on %s", key, describe());
			}
		}
		return this;
	}

	private @Nullable AnyValue find(String key) {
		for (KeyValue attribute : this.actual.getAttributesList()) {
			if (attribute.getKey().equals(key)) {
				return attribute.getValue();
			}
		}
		return null;
	}

	private static boolean typeMatches(AttributeType type, AnyValue value) {
		return switch (type) {
			case STRING -> value.hasStringValue();
			case LONG -> value.hasIntValue();
			case DOUBLE -> value.hasDoubleValue();
			case BOOLEAN -> value.hasBoolValue();
			case STRING_ARRAY, LONG_ARRAY, DOUBLE_ARRAY, BOOLEAN_ARRAY -> value.hasArrayValue();
			default -> false;
		};
	}

	private String describe() {
		List<String> attributes = this.actual.getAttributesList()
			.stream()
			.map((kv) -> kv.getKey() + "=" + OtlpTestReceiver.attribute(this.actual, kv.getKey()))
			.toList();
		return "span <" + this.actual.getName() + "> " + attributes;
	}

}
