package io.github.genaitracing.span;

import java.util.ArrayList;
import java.util.List;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import org.jspecify.annotations.Nullable;

import io.github.genaitracing.semconv.GenAiAttributes.OperationName;

/**
 * Describes one GenAI operation (an agent invocation, a tool execution, a chat or
 * embeddings call) independently of any vocabulary. Every entry point describes what it
 * traces with one of these; {@link GenAiSpans} turns it into a span.
 *
 * @since 0.1.0
 */
public final class GenAiOperation {

	private final Type type;

	private final SpanKind spanKind;

	private final @Nullable String providerName;

	private final @Nullable String agentId;

	private final @Nullable String agentName;

	private final @Nullable String agentDescription;

	private final @Nullable String agentVersion;

	private final @Nullable String conversationId;

	private final @Nullable String userId;

	private final @Nullable String toolName;

	private final @Nullable String toolDescription;

	private final @Nullable String toolType;

	private final @Nullable String toolCallId;

	private final @Nullable String requestModel;

	private final @Nullable String serverAddress;

	private final @Nullable Long serverPort;

	private final RequestOptions requestOptions;

	private final Attributes protocolAttributes;

	private final List<SpanContext> links;

	private final String spanName;

	private GenAiOperation(Builder builder) {
		this.type = builder.type;
		this.spanKind = (builder.spanKind != null) ? builder.spanKind : builder.type.defaultSpanKind;
		this.providerName = builder.providerName;
		this.agentId = builder.agentId;
		this.agentName = builder.agentName;
		this.agentDescription = builder.agentDescription;
		this.agentVersion = builder.agentVersion;
		this.conversationId = builder.conversationId;
		this.userId = builder.userId;
		this.toolName = builder.toolName;
		this.toolDescription = builder.toolDescription;
		this.toolType = builder.toolType;
		this.toolCallId = builder.toolCallId;
		this.requestModel = builder.requestModel;
		this.serverAddress = builder.serverAddress;
		this.serverPort = builder.serverPort;
		this.requestOptions = builder.requestOptions;
		this.protocolAttributes = builder.protocolAttributes.build();
		this.links = List.copyOf(builder.links);
		this.spanName = spanName(this.type, this.agentName, this.toolName, this.requestModel);
	}

	/**
	 * Starts describing an agent invocation.
	 * @param agentName the agent name, or {@code null} when unknown
	 * @return a builder
	 */
	public static Builder agent(@Nullable String agentName) {
		Builder builder = new Builder(Type.INVOKE_AGENT);
		builder.agentName = agentName;
		return builder;
	}

	/**
	 * Starts describing a tool execution.
	 * @param toolName the tool name
	 * @return a builder
	 */
	public static Builder tool(String toolName) {
		Builder builder = new Builder(Type.EXECUTE_TOOL);
		builder.toolName = toolName;
		return builder;
	}

	/**
	 * Starts describing a chat call.
	 * @param requestModel the requested model, or {@code null} when unknown
	 * @return a builder
	 */
	public static Builder chat(@Nullable String requestModel) {
		Builder builder = new Builder(Type.CHAT);
		builder.requestModel = requestModel;
		return builder;
	}

	/**
	 * Starts describing an embeddings call.
	 * @param requestModel the requested model, or {@code null} when unknown
	 * @return a builder
	 */
	public static Builder embeddings(@Nullable String requestModel) {
		Builder builder = new Builder(Type.EMBEDDINGS);
		builder.requestModel = requestModel;
		return builder;
	}

	/**
	 * Returns a copy of this operation with another conversation id.
	 * @param conversationId the conversation id
	 * @return the copy
	 */
	public GenAiOperation withConversationId(@Nullable String conversationId) {
		return withIds(conversationId, this.toolCallId);
	}

	/**
	 * Returns a copy of this operation with other conversation and tool call ids; cheap
	 * enough for every call of an annotated method.
	 * @param conversationId the conversation id
	 * @param toolCallId the tool call id
	 * @return the copy
	 */
	public GenAiOperation withIds(@Nullable String conversationId, @Nullable String toolCallId) {
		return new GenAiOperation(this, conversationId, toolCallId);
	}

	private GenAiOperation(GenAiOperation source, @Nullable String conversationId, @Nullable String toolCallId) {
		this.type = source.type;
		this.spanKind = source.spanKind;
		this.providerName = source.providerName;
		this.agentId = source.agentId;
		this.agentName = source.agentName;
		this.agentDescription = source.agentDescription;
		this.agentVersion = source.agentVersion;
		this.conversationId = conversationId;
		this.userId = source.userId;
		this.toolName = source.toolName;
		this.toolDescription = source.toolDescription;
		this.toolType = source.toolType;
		this.toolCallId = toolCallId;
		this.requestModel = source.requestModel;
		this.serverAddress = source.serverAddress;
		this.serverPort = source.serverPort;
		this.requestOptions = source.requestOptions;
		this.protocolAttributes = source.protocolAttributes;
		this.links = source.links;
		this.spanName = source.spanName;
	}

	/**
	 * Returns a builder initialised with this operation.
	 * @return the builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder(this.type);
		builder.spanKind = this.spanKind;
		builder.providerName = this.providerName;
		builder.agentId = this.agentId;
		builder.agentName = this.agentName;
		builder.agentDescription = this.agentDescription;
		builder.agentVersion = this.agentVersion;
		builder.conversationId = this.conversationId;
		builder.userId = this.userId;
		builder.toolName = this.toolName;
		builder.toolDescription = this.toolDescription;
		builder.toolType = this.toolType;
		builder.toolCallId = this.toolCallId;
		builder.requestModel = this.requestModel;
		builder.serverAddress = this.serverAddress;
		builder.serverPort = this.serverPort;
		builder.requestOptions = this.requestOptions;
		builder.protocolAttributes.putAll(this.protocolAttributes);
		builder.links.addAll(this.links);
		return builder;
	}

	/**
	 * Returns the span name: {@code {operation} {agent, tool or model}}, or the operation
	 * name alone when the target is unknown.
	 * @return the span name
	 */
	public String spanName() {
		return this.spanName;
	}

	private static String spanName(Type type, @Nullable String agentName, @Nullable String toolName,
			@Nullable String requestModel) {
		String target = switch (type) {
			case INVOKE_AGENT -> agentName;
			case EXECUTE_TOOL -> toolName;
			case CHAT, EMBEDDINGS -> requestModel;
		};
		return (target == null || target.isEmpty()) ? type.operationName : type.operationName + " " + target;
	}

	/**
	 * Returns the operation type.
	 * @return the type
	 */
	public Type type() {
		return this.type;
	}

	/**
	 * Returns the semantic-convention operation name.
	 * @return the operation name
	 */
	public String operationName() {
		return this.type.operationName;
	}

	/**
	 * Returns the span kind.
	 * @return the span kind
	 */
	public SpanKind spanKind() {
		return this.spanKind;
	}

	/**
	 * Returns the provider name.
	 * @return the provider name, or {@code null}
	 */
	public @Nullable String providerName() {
		return this.providerName;
	}

	/**
	 * Returns the agent id.
	 * @return the agent id, or {@code null}
	 */
	public @Nullable String agentId() {
		return this.agentId;
	}

	/**
	 * Returns the agent name.
	 * @return the agent name, or {@code null}
	 */
	public @Nullable String agentName() {
		return this.agentName;
	}

	/**
	 * Returns the agent description.
	 * @return the agent description, or {@code null}
	 */
	public @Nullable String agentDescription() {
		return this.agentDescription;
	}

	/**
	 * Returns the agent version.
	 * @return the agent version, or {@code null}
	 */
	public @Nullable String agentVersion() {
		return this.agentVersion;
	}

	/**
	 * Returns the conversation id.
	 * @return the conversation id, or {@code null}
	 */
	public @Nullable String conversationId() {
		return this.conversationId;
	}

	/**
	 * Returns the end-user id.
	 * @return the user id, or {@code null}
	 */
	public @Nullable String userId() {
		return this.userId;
	}

	/**
	 * Returns the tool name.
	 * @return the tool name, or {@code null}
	 */
	public @Nullable String toolName() {
		return this.toolName;
	}

	/**
	 * Returns the tool description.
	 * @return the tool description, or {@code null}
	 */
	public @Nullable String toolDescription() {
		return this.toolDescription;
	}

	/**
	 * Returns the tool type.
	 * @return the tool type, or {@code null}
	 */
	public @Nullable String toolType() {
		return this.toolType;
	}

	/**
	 * Returns the tool call id.
	 * @return the tool call id, or {@code null}
	 */
	public @Nullable String toolCallId() {
		return this.toolCallId;
	}

	/**
	 * Returns the requested model.
	 * @return the requested model, or {@code null}
	 */
	public @Nullable String requestModel() {
		return this.requestModel;
	}

	/**
	 * Returns the server address.
	 * @return the server address, or {@code null}
	 */
	public @Nullable String serverAddress() {
		return this.serverAddress;
	}

	/**
	 * Returns the server port.
	 * @return the server port, or {@code null}
	 */
	public @Nullable Long serverPort() {
		return this.serverPort;
	}

	/**
	 * Returns the request options.
	 * @return the request options
	 */
	public RequestOptions requestOptions() {
		return this.requestOptions;
	}

	/**
	 * Returns protocol attributes (such as {@code a2a.*}) written as they are.
	 * @return the protocol attributes
	 */
	public Attributes protocolAttributes() {
		return this.protocolAttributes;
	}

	/**
	 * Returns the spans this operation's span links to.
	 * @return the links
	 */
	public List<SpanContext> links() {
		return this.links;
	}

	/**
	 * Operation types, with their semantic-convention names and default span kinds.
	 */
	public enum Type {

		/** An agent invocation. */
		INVOKE_AGENT(OperationName.INVOKE_AGENT, SpanKind.INTERNAL),

		/** A tool execution. */
		EXECUTE_TOOL(OperationName.EXECUTE_TOOL, SpanKind.INTERNAL),

		/** A chat call. */
		CHAT(OperationName.CHAT, SpanKind.CLIENT),

		/** An embeddings call. */
		EMBEDDINGS(OperationName.EMBEDDINGS, SpanKind.CLIENT);

		private final String operationName;

		private final SpanKind defaultSpanKind;

		Type(String operationName, SpanKind defaultSpanKind) {
			this.operationName = operationName;
			this.defaultSpanKind = defaultSpanKind;
		}

		/**
		 * Returns the semantic-convention operation name.
		 * @return the operation name
		 */
		public String operationName() {
			return this.operationName;
		}

	}

	/**
	 * Typed request options of a model call; {@code null} members are not recorded.
	 *
	 * @param temperature the temperature
	 * @param topP the top-p
	 * @param topK the top-k
	 * @param frequencyPenalty the frequency penalty
	 * @param presencePenalty the presence penalty
	 * @param maxTokens the maximum number of output tokens
	 * @param seed the seed
	 * @param choiceCount the number of choices
	 * @param stopSequences the stop sequences
	 * @param stream whether the response is streamed
	 * @param encodingFormats the embedding encoding formats
	 * @param dimensions the embedding dimensions
	 */
	public record RequestOptions(@Nullable Double temperature, @Nullable Double topP, @Nullable Double topK,
			@Nullable Double frequencyPenalty, @Nullable Double presencePenalty, @Nullable Long maxTokens,
			@Nullable Long seed, @Nullable Long choiceCount, @Nullable List<String> stopSequences,
			@Nullable Boolean stream, @Nullable List<String> encodingFormats, @Nullable Long dimensions) {

		/**
		 * Options with nothing set.
		 */
		public static final RequestOptions NONE = new RequestOptions(null, null, null, null, null, null, null, null,
				null, null, null, null);

	}

	/**
	 * Builds a {@link GenAiOperation}.
	 */
	public static final class Builder {

		private final Type type;

		private @Nullable SpanKind spanKind;

		private @Nullable String providerName;

		private @Nullable String agentId;

		private @Nullable String agentName;

		private @Nullable String agentDescription;

		private @Nullable String agentVersion;

		private @Nullable String conversationId;

		private @Nullable String userId;

		private @Nullable String toolName;

		private @Nullable String toolDescription;

		private @Nullable String toolType;

		private @Nullable String toolCallId;

		private @Nullable String requestModel;

		private @Nullable String serverAddress;

		private @Nullable Long serverPort;

		private RequestOptions requestOptions = RequestOptions.NONE;

		private final AttributesBuilder protocolAttributes = Attributes.builder();

		private final List<SpanContext> links = new ArrayList<>(1);

		private Builder(Type type) {
			this.type = type;
		}

		/**
		 * Sets the span kind, replacing the type's default.
		 * @param spanKind the span kind
		 * @return this builder
		 */
		public Builder spanKind(SpanKind spanKind) {
			this.spanKind = spanKind;
			return this;
		}

		/**
		 * Sets the provider name.
		 * @param providerName the provider name
		 * @return this builder
		 */
		public Builder providerName(@Nullable String providerName) {
			this.providerName = providerName;
			return this;
		}

		/**
		 * Sets the agent id.
		 * @param agentId the agent id
		 * @return this builder
		 */
		public Builder agentId(@Nullable String agentId) {
			this.agentId = agentId;
			return this;
		}

		/**
		 * Sets the agent name.
		 * @param agentName the agent name
		 * @return this builder
		 */
		public Builder agentName(@Nullable String agentName) {
			this.agentName = agentName;
			return this;
		}

		/**
		 * Sets the agent description.
		 * @param agentDescription the agent description
		 * @return this builder
		 */
		public Builder agentDescription(@Nullable String agentDescription) {
			this.agentDescription = agentDescription;
			return this;
		}

		/**
		 * Sets the agent version.
		 * @param agentVersion the agent version
		 * @return this builder
		 */
		public Builder agentVersion(@Nullable String agentVersion) {
			this.agentVersion = agentVersion;
			return this;
		}

		/**
		 * Sets the conversation id.
		 * @param conversationId the conversation id
		 * @return this builder
		 */
		public Builder conversationId(@Nullable String conversationId) {
			this.conversationId = conversationId;
			return this;
		}

		/**
		 * Sets the end-user id.
		 * @param userId the user id
		 * @return this builder
		 */
		public Builder userId(@Nullable String userId) {
			this.userId = userId;
			return this;
		}

		/**
		 * Sets the tool description.
		 * @param toolDescription the tool description
		 * @return this builder
		 */
		public Builder toolDescription(@Nullable String toolDescription) {
			this.toolDescription = toolDescription;
			return this;
		}

		/**
		 * Sets the tool type.
		 * @param toolType the tool type
		 * @return this builder
		 */
		public Builder toolType(@Nullable String toolType) {
			this.toolType = toolType;
			return this;
		}

		/**
		 * Sets the tool call id.
		 * @param toolCallId the tool call id
		 * @return this builder
		 */
		public Builder toolCallId(@Nullable String toolCallId) {
			this.toolCallId = toolCallId;
			return this;
		}

		/**
		 * Sets the requested model.
		 * @param requestModel the requested model
		 * @return this builder
		 */
		public Builder requestModel(@Nullable String requestModel) {
			this.requestModel = requestModel;
			return this;
		}

		/**
		 * Sets the server address and port.
		 * @param address the address
		 * @param port the port, or {@code null}
		 * @return this builder
		 */
		public Builder server(@Nullable String address, @Nullable Long port) {
			this.serverAddress = address;
			this.serverPort = port;
			return this;
		}

		/**
		 * Sets the request options.
		 * @param requestOptions the request options
		 * @return this builder
		 */
		public Builder requestOptions(RequestOptions requestOptions) {
			this.requestOptions = requestOptions;
			return this;
		}

		/**
		 * Adds a protocol attribute, such as {@code a2a.task.id}; {@code null} values are
		 * ignored.
		 * @param <T> the value type
		 * @param key the key
		 * @param value the value
		 * @return this builder
		 */
		public <T> Builder protocolAttribute(AttributeKey<T> key, @Nullable T value) {
			if (value != null) {
				this.protocolAttributes.put(key, value);
			}
			return this;
		}

		/**
		 * Adds a link to another span.
		 * @param spanContext the linked span
		 * @return this builder
		 */
		public Builder link(SpanContext spanContext) {
			if (spanContext.isValid()) {
				this.links.add(spanContext);
			}
			return this;
		}

		/**
		 * Builds the operation.
		 * @return the operation
		 */
		public GenAiOperation build() {
			return new GenAiOperation(this);
		}

	}

}
