package io.github.genaitracing.span;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import org.jspecify.annotations.Nullable;

import io.github.genaitracing.context.GenAiContext;

/**
 * The one writer of GenAI spans: starts a span for a {@link GenAiOperation}, or adopts a
 * span another instrumentation started, and lets every enabled {@link SpanVocabulary}
 * describe it. The conversation id is inherited from the parent context (or its
 * baggage) when the operation has none, and put into the child context and baggage.
 *
 * @since 0.1.0
 */
public final class GenAiSpans {

	/**
	 * Instrumentation scope name of the spans.
	 */
	public static final String INSTRUMENTATION_NAME = "io.github.genaitracing";

	private final Tracer tracer;

	private final List<SpanVocabulary> vocabularies;

	private final @Nullable String conversationIdBaggageKey;

	private final ScopeListener scopeListener;

	private final Map<SpanContext, GenAiSpan> openTools = new ConcurrentHashMap<>();

	/**
	 * Creates the span writer.
	 * @param openTelemetry the OpenTelemetry instance
	 * @param vocabularies the enabled vocabularies, in order
	 * @param conversationIdBaggageKey baggage key of the conversation id, or {@code null}
	 * to leave baggage alone
	 */
	public GenAiSpans(OpenTelemetry openTelemetry, List<SpanVocabulary> vocabularies,
			@Nullable String conversationIdBaggageKey) {
		this(openTelemetry, vocabularies, conversationIdBaggageKey, ScopeListener.NONE);
	}

	/**
	 * Creates the span writer.
	 * @param openTelemetry the OpenTelemetry instance
	 * @param vocabularies the enabled vocabularies, in order
	 * @param conversationIdBaggageKey baggage key of the conversation id, or {@code null}
	 * to leave baggage alone
	 * @param scopeListener told whenever a span's context is made current
	 */
	public GenAiSpans(OpenTelemetry openTelemetry, List<SpanVocabulary> vocabularies,
			@Nullable String conversationIdBaggageKey, ScopeListener scopeListener) {
		this.scopeListener = scopeListener;
		this.tracer = openTelemetry.getTracer(INSTRUMENTATION_NAME);
		this.vocabularies = List.copyOf(vocabularies);
		this.conversationIdBaggageKey = (conversationIdBaggageKey == null || conversationIdBaggageKey.isBlank())
				? null : conversationIdBaggageKey;
	}

	/**
	 * Starts a span as a child of the current context.
	 * @param operation the operation
	 * @return the started span
	 */
	public GenAiSpan start(GenAiOperation operation) {
		return start(operation, Context.current());
	}

	/**
	 * Starts a span with an explicit parent context ({@link Context#root()} for a new
	 * trace).
	 * @param operation the operation
	 * @param parent the parent context
	 * @return the started span
	 */
	public GenAiSpan start(GenAiOperation operation, Context parent) {
		GenAiOperation effective = withInheritedConversationId(operation, parent);
		SpanBuilder builder = this.tracer.spanBuilder(effective.spanName())
			.setSpanKind(effective.spanKind())
			.setParent(parent);
		AttributeSink sink = AttributeSink.of(builder);
		for (SpanVocabulary vocabulary : this.vocabularies) {
			vocabulary.onStart(effective, sink);
		}
		if (!effective.protocolAttributes().isEmpty()) {
			builder.setAllAttributes(effective.protocolAttributes());
		}
		List<SpanContext> links = effective.links();
		for (int i = 0; i < links.size(); i++) {
			builder.addLink(links.get(i));
		}
		Span span = builder.startSpan();
		return register(new GenAiSpan(span, childContext(parent.with(span), effective), effective,
				this.vocabularies, true, onEnd(span, effective), this.scopeListener));
	}

	/**
	 * Adopts a span started by another instrumentation (such as a Micrometer
	 * observation): writes the operation's attributes on it now, and leaves ending it to
	 * its owner.
	 * @param span the span
	 * @param context the context the span is current in
	 * @param operation the operation
	 * @return the adopted span; call {@link GenAiSpan#end()} before the owner ends it
	 */
	public GenAiSpan adopt(Span span, Context context, GenAiOperation operation) {
		GenAiOperation effective = withInheritedConversationId(operation, context);
		AttributeSink sink = AttributeSink.of(span);
		for (SpanVocabulary vocabulary : this.vocabularies) {
			vocabulary.onStart(effective, sink);
		}
		span.setAllAttributes(effective.protocolAttributes());
		return register(new GenAiSpan(span, childContext(context.with(span), effective), effective,
				this.vocabularies, false, onEnd(span, effective), this.scopeListener));
	}

	private Runnable onEnd(Span span, GenAiOperation operation) {
		if (operation.type() != GenAiOperation.Type.EXECUTE_TOOL) {
			return () -> {
			};
		}
		SpanContext key = span.getSpanContext();
		return () -> this.openTools.remove(key);
	}

	private GenAiSpan register(GenAiSpan span) {
		if (span.operation().type() == GenAiOperation.Type.EXECUTE_TOOL) {
			this.openTools.put(span.span().getSpanContext(), span);
		}
		return span;
	}

	/**
	 * Returns the open tool span of the given tool that is current in the context (such as
	 * the span of Spring AI's tool calling), so that an annotated tool method running
	 * inside it records on it instead of starting a second span.
	 * @param context the context
	 * @param toolName the tool name
	 * @return the open tool span, or {@code null}
	 */
	public @Nullable GenAiSpan currentTool(Context context, @Nullable String toolName) {
		if (this.openTools.isEmpty()) {
			return null;
		}
		GenAiSpan span = this.openTools.get(Span.fromContext(context).getSpanContext());
		if (span != null && span.operation().type() == GenAiOperation.Type.EXECUTE_TOOL
				&& Objects.equals(span.operation().toolName(), toolName)) {
			return span;
		}
		return null;
	}

	/**
	 * Returns the vocabularies in use.
	 * @return the vocabularies
	 */
	public List<SpanVocabulary> vocabularies() {
		return this.vocabularies;
	}

	/**
	 * Returns the conversation id a span started in this context would inherit.
	 * @param context the context
	 * @return the conversation id, or {@code null}
	 */
	public @Nullable String inheritedConversationId(Context context) {
		String conversationId = GenAiContext.conversationId(context);
		if (conversationId == null && this.conversationIdBaggageKey != null) {
			conversationId = Baggage.fromContext(context).getEntryValue(this.conversationIdBaggageKey);
		}
		return conversationId;
	}

	private GenAiOperation withInheritedConversationId(GenAiOperation operation, Context parent) {
		if (operation.conversationId() != null) {
			return operation;
		}
		String inherited = inheritedConversationId(parent);
		return (inherited != null) ? operation.withConversationId(inherited) : operation;
	}

	private Context childContext(Context context, GenAiOperation operation) {
		String conversationId = operation.conversationId();
		if (conversationId == null) {
			return context;
		}
		Context result = conversationId.equals(GenAiContext.conversationId(context)) ? context
				: GenAiContext.withConversationId(context, conversationId);
		if (this.conversationIdBaggageKey != null) {
			Baggage baggage = Baggage.fromContext(result);
			if (!conversationId.equals(baggage.getEntryValue(this.conversationIdBaggageKey))) {
				result = baggage.toBuilder().put(this.conversationIdBaggageKey, conversationId).build()
					.storeInContext(result);
			}
		}
		return result;
	}

}
