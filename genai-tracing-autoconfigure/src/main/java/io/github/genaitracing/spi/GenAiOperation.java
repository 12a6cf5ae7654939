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

package io.github.genaitracing.spi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import org.jspecify.annotations.Nullable;

/**
 * Describes one GenAI operation independently of any vocabulary: one final type per
 * {@link OperationKind kind} ({@link AgentInvocation}, {@link ChatCall},
 * {@link EmbeddingsCall}, {@link ToolExecution}, {@link AgentRequest}), each with only
 * the options its kind has. Operations are immutable and may be shared by every call of
 * the same method; what changes per call (the conversation id) is given when the span
 * starts.
 *
 * @since 0.1.0
 */
public abstract sealed class GenAiOperation permits AgentInvocation, ModelCall, ToolExecution, AgentRequest,
		McpRequest {

	private static final Object[] NO_PAIRS = {};

	private final OperationKind kind;

	private final SpanKind spanKind;

	private final @Nullable String providerName;

	private final @Nullable String serverAddress;

	private final @Nullable Long serverPort;

	/** Protocol attributes as key, value, key, value…, in the order they were added. */
	private final Object[] protocolPairs;

	private volatile @Nullable Attributes protocolAttributes;

	private final List<SpanContext> links;

	private final String spanName;

	GenAiOperation(OperationKind kind, Builder<?> builder, @Nullable String target) {
		this.kind = kind;
		this.spanKind = (builder.spanKind != null) ? builder.spanKind : kind.defaultSpanKind();
		this.providerName = builder.providerName;
		this.serverAddress = builder.serverAddress;
		this.serverPort = builder.serverPort;
		this.protocolPairs = (builder.protocolPairs != null) ? builder.protocolPairs.toArray() : NO_PAIRS;
		this.links = (builder.links != null) ? List.copyOf(builder.links) : List.of();
		this.spanName = spanName(kind.operationName(), target);
	}

	GenAiOperation(GenAiOperation source) {
		this.kind = source.kind;
		this.spanKind = source.spanKind;
		this.providerName = source.providerName;
		this.serverAddress = source.serverAddress;
		this.serverPort = source.serverPort;
		this.protocolPairs = source.protocolPairs;
		this.protocolAttributes = source.protocolAttributes;
		this.links = source.links;
		this.spanName = source.spanName;
	}

	private static String spanName(@Nullable String operationName, @Nullable String target) {
		if (operationName == null) {
			return (target != null && !target.isEmpty()) ? target : "unknown";
		}
		return (target == null || target.isEmpty()) ? operationName : operationName + " " + target;
	}

	/**
	 * Starts describing an agent invocation.
	 * @param agentName the agent name, or {@code null} when unknown
	 * @return a builder
	 */
	public static AgentInvocation.Builder agent(@Nullable String agentName) {
		return new AgentInvocation.Builder(agentName);
	}

	/**
	 * Starts describing a tool execution.
	 * @param toolName the tool name
	 * @return a builder
	 */
	public static ToolExecution.Builder tool(String toolName) {
		return new ToolExecution.Builder(toolName);
	}

	/**
	 * Starts describing a chat call.
	 * @param requestModel the requested model, or {@code null} when unknown
	 * @return a builder
	 */
	public static ChatCall.Builder chat(@Nullable String requestModel) {
		return new ChatCall.Builder(requestModel);
	}

	/**
	 * Starts describing an embeddings call.
	 * @param requestModel the requested model, or {@code null} when unknown
	 * @return a builder
	 */
	public static EmbeddingsCall.Builder embeddings(@Nullable String requestModel) {
		return new EmbeddingsCall.Builder(requestModel);
	}

	/**
	 * Returns the kind of operation.
	 * @return the kind
	 */
	public final OperationKind kind() {
		return this.kind;
	}

	/**
	 * Returns the semantic-convention operation name.
	 * @return the operation name, or {@code null} for a kind that is not a GenAI operation
	 */
	public final @Nullable String operationName() {
		return this.kind.operationName();
	}

	/**
	 * Returns the span name: {@code {operation} {agent, tool or model}}, or the operation
	 * name alone when the target is unknown.
	 * @return the span name
	 */
	public final String spanName() {
		return this.spanName;
	}

	/**
	 * Returns the span kind.
	 * @return the span kind
	 */
	public final SpanKind spanKind() {
		return this.spanKind;
	}

	/**
	 * Returns the provider name ({@code gen_ai.provider.name}).
	 * @return the provider name, or {@code null}
	 */
	public final @Nullable String providerName() {
		return this.providerName;
	}

	/**
	 * Returns the address of the server called, or serving.
	 * @return the server address, or {@code null}
	 */
	public final @Nullable String serverAddress() {
		return this.serverAddress;
	}

	/**
	 * Returns the port of the server called, or serving.
	 * @return the server port, or {@code null}
	 */
	public final @Nullable Long serverPort() {
		return this.serverPort;
	}

	/**
	 * Returns protocol attributes (such as {@code a2a.*}) written as they are.
	 * @return the protocol attributes
	 */
	public final Attributes protocolAttributes() {
		Attributes attributes = this.protocolAttributes;
		if (attributes == null) {
			attributes = Attributes.empty();
			if (this.protocolPairs.length > 0) {
				AttributesBuilder builder = Attributes.builder();
				writeProtocolAttributes(builder::put);
				attributes = builder.build();
			}
			this.protocolAttributes = attributes;
		}
		return attributes;
	}

	/**
	 * Returns whether this operation has protocol attributes.
	 * @return whether there are protocol attributes
	 */
	public final boolean hasProtocolAttributes() {
		return this.protocolPairs.length > 0;
	}

	/**
	 * Writes the protocol attributes, in the order they were added, without building an
	 * {@link Attributes} of them.
	 * @param sink where to write them
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public final void writeProtocolAttributes(AttributeSink sink) {
		Object[] pairs = this.protocolPairs;
		for (int i = 0; i < pairs.length; i += 2) {
			sink.put((AttributeKey) pairs[i], pairs[i + 1]);
		}
	}

	/**
	 * Returns the spans this operation's span links to.
	 * @return the links
	 */
	public final List<SpanContext> links() {
		return this.links;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.spanName + "]";
	}

	/**
	 * What every kind of operation can set.
	 *
	 * @param <B> the builder type
	 */
	public abstract static sealed class Builder<B extends Builder<B>> permits AgentInvocation.Builder,
			ModelCall.Builder, ToolExecution.Builder, AgentRequest.Builder, McpRequest.Builder {

		private @Nullable SpanKind spanKind;

		private @Nullable String providerName;

		private @Nullable String serverAddress;

		private @Nullable Long serverPort;

		private @Nullable List<Object> protocolPairs;

		private @Nullable List<SpanContext> links;

		Builder() {
		}

		@SuppressWarnings("unchecked")
		final B self() {
			return (B) this;
		}

		/**
		 * Sets the span kind, replacing the kind's default.
		 * @param spanKind the span kind
		 * @return this builder
		 */
		public B spanKind(SpanKind spanKind) {
			this.spanKind = spanKind;
			return self();
		}

		/**
		 * Sets the provider name.
		 * @param providerName the provider name
		 * @return this builder
		 */
		public B providerName(@Nullable String providerName) {
			this.providerName = providerName;
			return self();
		}

		/**
		 * Sets the server address and port.
		 * @param address the address
		 * @param port the port, or {@code null}
		 * @return this builder
		 */
		public B server(@Nullable String address, @Nullable Long port) {
			this.serverAddress = address;
			this.serverPort = port;
			return self();
		}

		/**
		 * Adds a protocol attribute, such as {@code a2a.task.id}; {@code null} values are
		 * ignored.
		 * @param <T> the value type
		 * @param key the key
		 * @param value the value
		 * @return this builder
		 */
		public <T> B protocolAttribute(AttributeKey<T> key, @Nullable T value) {
			if (value != null) {
				protocolPairs().add(key);
				protocolPairs().add(value);
			}
			return self();
		}

		/**
		 * Adds the protocol attributes of another operation.
		 * @param attributes the attributes
		 * @return this builder
		 */
		public B protocolAttributes(Attributes attributes) {
			if (!attributes.isEmpty()) {
				List<Object> pairs = protocolPairs();
				attributes.forEach((key, value) -> {
					pairs.add(key);
					pairs.add(value);
				});
			}
			return self();
		}

		/**
		 * Adds the protocol attributes of another operation, in their order.
		 * @param source the operation
		 * @return this builder
		 */
		public B protocolAttributesOf(GenAiOperation source) {
			Object[] pairs = source.protocolPairs;
			if (pairs.length > 0) {
				protocolPairs().addAll(Arrays.asList(pairs));
			}
			return self();
		}

		/**
		 * Adds a link to another span.
		 * @param spanContext the linked span
		 * @return this builder
		 */
		public B link(SpanContext spanContext) {
			if (spanContext.isValid()) {
				List<SpanContext> links = this.links;
				if (links == null) {
					links = new ArrayList<>(1);
					this.links = links;
				}
				links.add(spanContext);
			}
			return self();
		}

		private List<Object> protocolPairs() {
			List<Object> pairs = this.protocolPairs;
			if (pairs == null) {
				pairs = new ArrayList<>(16);
				this.protocolPairs = pairs;
			}
			return pairs;
		}

	}

}
