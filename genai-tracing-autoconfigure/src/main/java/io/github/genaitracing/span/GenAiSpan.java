package io.github.genaitracing.span;

import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.jspecify.annotations.Nullable;

import io.github.genaitracing.content.CapturedContent;
import io.github.genaitracing.semconv.GenAiAttributes;

/**
 * A live GenAI span, started by {@link GenAiSpans}. Records what the operation learns
 * through every enabled vocabulary, and ends exactly once.
 *
 * @since 0.1.0
 */
public final class GenAiSpan {

	private final Span span;

	private final Context context;

	private final GenAiOperation operation;

	private final List<SpanVocabulary> vocabularies;

	private final boolean owned;

	private final Runnable onEnd;

	private static final AtomicIntegerFieldUpdater<GenAiSpan> ENDED = AtomicIntegerFieldUpdater
		.newUpdater(GenAiSpan.class, "ended");

	private @Nullable AttributeSink sink;

	private volatile int ended;

	private final ScopeListener scopeListener;

	GenAiSpan(Span span, Context context, GenAiOperation operation, List<SpanVocabulary> vocabularies, boolean owned,
			Runnable onEnd, ScopeListener scopeListener) {
		this.span = span;
		this.scopeListener = scopeListener;
		this.context = context;
		this.operation = operation;
		this.vocabularies = vocabularies;
		this.owned = owned;
		this.onEnd = onEnd;
	}

	private AttributeSink sink() {
		AttributeSink sink = this.sink;
		if (sink == null) {
			sink = AttributeSink.of(this.span);
			this.sink = sink;
		}
		return sink;
	}

	/**
	 * Returns the OpenTelemetry span.
	 * @return the span
	 */
	public Span span() {
		return this.span;
	}

	/**
	 * Returns the context in which work of this operation runs: the span, the
	 * conversation id and its baggage.
	 * @return the context
	 */
	public Context context() {
		return this.context;
	}

	/**
	 * Returns the operation.
	 * @return the operation
	 */
	public GenAiOperation operation() {
		return this.operation;
	}

	/**
	 * Makes {@link #context()} current.
	 * @return the scope to close
	 */
	public Scope makeCurrent() {
		return makeCurrent(this.context);
	}

	/**
	 * Makes a context derived from {@link #context()} current (one with more entries),
	 * telling the {@link ScopeListener} as {@link #makeCurrent()} does.
	 * @param derived the derived context
	 * @return the scope to close
	 */
	public Scope makeCurrent(Context derived) {
		Scope scope = derived.makeCurrent();
		Scope listener;
		try {
			listener = this.scopeListener.onMakeCurrent();
		}
		catch (RuntimeException ex) {
			return scope;
		}
		if (listener == Scope.noop()) {
			return scope;
		}
		return () -> {
			try {
				listener.close();
			}
			finally {
				scope.close();
			}
		};
	}

	/**
	 * Records the operation's input; {@code null} (capture off) records nothing.
	 * @param input the captured input
	 */
	public void recordInput(@Nullable CapturedContent input) {
		if (input != null) {
			for (SpanVocabulary vocabulary : this.vocabularies) {
				vocabulary.onInput(this.operation, input, sink());
			}
		}
	}

	/**
	 * Records the operation's output; {@code null} (capture off) records nothing.
	 * @param output the captured output
	 */
	public void recordOutput(@Nullable CapturedContent output) {
		recordOutput(output, null);
	}

	/**
	 * Records the operation's output and finish reason; {@code null} (capture off)
	 * records nothing.
	 * @param output the captured output
	 * @param finishReason the finish reason, or {@code null}
	 */
	public void recordOutput(@Nullable CapturedContent output, @Nullable String finishReason) {
		if (output != null) {
			for (SpanVocabulary vocabulary : this.vocabularies) {
				vocabulary.onOutput(this.operation, output, finishReason, sink());
			}
		}
	}

	/**
	 * Records system instructions; {@code null} (capture off) records nothing.
	 * @param instructionsJson the instructions, a JSON array of parts
	 */
	public void recordSystemInstructions(@Nullable String instructionsJson) {
		if (instructionsJson != null) {
			for (SpanVocabulary vocabulary : this.vocabularies) {
				vocabulary.onSystemInstructions(this.operation, instructionsJson, sink());
			}
		}
	}

	/**
	 * Records tool definitions; {@code null} (capture off) records nothing.
	 * @param definitionsJson the definitions, a JSON array
	 */
	public void recordToolDefinitions(@Nullable String definitionsJson) {
		if (definitionsJson != null) {
			for (SpanVocabulary vocabulary : this.vocabularies) {
				vocabulary.onToolDefinitions(this.operation, definitionsJson, sink());
			}
		}
	}

	/**
	 * Records response metadata.
	 * @param response the response
	 */
	public void recordResponse(GenAiResponse response) {
		for (SpanVocabulary vocabulary : this.vocabularies) {
			vocabulary.onResponse(this.operation, response, sink());
		}
	}

	/**
	 * Records token usage.
	 * @param usage the usage
	 */
	public void recordUsage(TokenUsage usage) {
		for (SpanVocabulary vocabulary : this.vocabularies) {
			vocabulary.onUsage(this.operation, usage, sink());
		}
	}

	/**
	 * Records the time from the start of a streamed operation to its first chunk as
	 * {@code gen_ai.response.time_to_first_chunk}, in seconds.
	 * @param nanos the time in nanoseconds
	 */
	public void recordTimeToFirstChunk(long nanos) {
		this.span.setAttribute(GenAiAttributes.RESPONSE_TIME_TO_FIRST_CHUNK, nanos / 1e9);
	}

	/**
	 * Records a protocol attribute learnt after the start, such as a task state.
	 * @param <T> the value type
	 * @param key the key
	 * @param value the value; {@code null} records nothing
	 */
	public <T> void setProtocolAttribute(AttributeKey<T> key, @Nullable T value) {
		sink().put(key, value);
	}

	/**
	 * Records a failure: status ERROR, {@code error.type} the exception class, and the
	 * exception.
	 * @param error the failure
	 */
	public void recordError(Throwable error) {
		this.span.setAttribute(GenAiAttributes.ERROR_TYPE, error.getClass().getName());
		this.span.setStatus(StatusCode.ERROR);
		this.span.recordException(error);
	}

	/**
	 * Records a failure known by a code, such as a provider or JSON-RPC error code.
	 * @param errorType the low-cardinality error type
	 * @param description a description, or {@code null}
	 */
	public void recordError(String errorType, @Nullable String description) {
		this.span.setAttribute(GenAiAttributes.ERROR_TYPE, errorType);
		if (description != null) {
			this.span.setStatus(StatusCode.ERROR, description);
		}
		else {
			this.span.setStatus(StatusCode.ERROR);
		}
	}

	/**
	 * Ends the span; later calls do nothing. A span adopted from another instrumentation
	 * is left for its owner to end.
	 */
	public void end() {
		if (ENDED.compareAndSet(this, 0, 1)) {
			this.onEnd.run();
			if (this.owned) {
				this.span.end();
			}
		}
	}

	/**
	 * Returns whether {@link #end()} was called.
	 * @return whether the span ended
	 */
	public boolean isEnded() {
		return this.ended != 0;
	}

}
