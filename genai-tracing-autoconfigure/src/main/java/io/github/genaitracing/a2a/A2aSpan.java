package io.github.genaitracing.a2a;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.jspecify.annotations.Nullable;

import io.github.genaitracing.core.FailSafe;
import io.github.genaitracing.core.SpanHandle;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.spi.AttributeSink;
import io.github.genaitracing.spi.CapturedContent;
import io.github.genaitracing.spi.SpanVocabulary;

/**
 * A span an A2A request (inbound) or call (outbound) records on: a span of the span
 * lifecycle (an agent run, {@code invoke_agent}, or the server span of an A2A request,
 * both described by every vocabulary), or a bare protocol span (an outbound call that is
 * not an agent run, named after the A2A method: no operation name, no OpenInference or
 * MLflow span kind, no content).
 */
abstract class A2aSpan {

	/**
	 * The context work of this span runs in.
	 */
	abstract Context context();

	/**
	 * Makes a context derived from {@link #context()} current; for an agent span this also
	 * steps out of the current Micrometer observation, so that observations started inside
	 * (Spring AI, HTTP clients) take this context, with its conversation id, as parent.
	 */
	abstract Scope makeCurrent(Context derived);

	abstract <T> void set(AttributeKey<T> key, @Nullable T value);

	abstract void recordInput(@Nullable CapturedContent input);

	abstract void recordOutput(@Nullable CapturedContent output);

	/**
	 * Records a conversation id learnt after the start (from the response, or set by the
	 * application).
	 */
	abstract void recordConversationId(String conversationId);

	abstract void recordError(String errorType, @Nullable String description);

	abstract void recordError(Throwable error);

	abstract void end();

	abstract boolean isEnded();

	static A2aSpan of(SpanHandle span, SpanLifecycle spans) {
		return new Handled(span, spans);
	}

	static A2aSpan protocol(Span span, Context context, boolean owned) {
		return new ProtocolSpan(span, context, owned);
	}

	/**
	 * A span of the span lifecycle.
	 */
	private static final class Handled extends A2aSpan {

		private final SpanHandle span;

		private final SpanLifecycle spans;

		Handled(SpanHandle span, SpanLifecycle spans) {
			this.span = span;
			this.spans = spans;
		}

		@Override
		Context context() {
			return this.span.context();
		}

		@Override
		Scope makeCurrent(Context derived) {
			return this.span.makeCurrent(derived);
		}

		@Override
		<T> void set(AttributeKey<T> key, @Nullable T value) {
			this.span.setProtocolAttribute(key, value);
		}

		@Override
		void recordInput(@Nullable CapturedContent input) {
			this.span.recordInput(input);
		}

		@Override
		void recordOutput(@Nullable CapturedContent output) {
			this.span.recordOutput(output);
		}

		@Override
		void recordConversationId(String conversationId) {
			// what each vocabulary writes for a conversation id (gen_ai.conversation.id,
			// session.id), and nothing else
			Span otel = this.span.span();
			AttributeSink sessionOnly = new AttributeSink() {

				@Override
				public <T> void put(AttributeKey<T> key, @Nullable T value) {
					if (value != null && conversationId.equals(value)) {
						otel.setAttribute(key, value);
					}
				}

			};
			for (SpanVocabulary vocabulary : this.spans.vocabularies()) {
				try {
					vocabulary.onStart(this.span.operation(), conversationId, sessionOnly);
				}
				catch (Throwable ex) {
					FailSafe.failed(vocabulary, ex);
				}
			}
		}

		@Override
		void recordError(String errorType, @Nullable String description) {
			this.span.fail(errorType, description);
		}

		@Override
		void recordError(Throwable error) {
			this.span.fail(error);
		}

		@Override
		void end() {
			this.span.end();
		}

		@Override
		boolean isEnded() {
			return this.span.isEnded();
		}

	}

	/**
	 * A span named after the A2A method; when not owned (Spring Boot's HTTP server span),
	 * its owner ends it.
	 */
	private static final class ProtocolSpan extends A2aSpan {

		private final Span span;

		private final Context context;

		private final boolean owned;

		private volatile boolean ended;

		ProtocolSpan(Span span, Context context, boolean owned) {
			this.span = span;
			this.context = context;
			this.owned = owned;
		}

		@Override
		Context context() {
			return this.context;
		}

		@Override
		Scope makeCurrent(Context derived) {
			return derived.makeCurrent();
		}

		@Override
		<T> void set(AttributeKey<T> key, @Nullable T value) {
			if (value != null) {
				this.span.setAttribute(key, value);
			}
		}

		@Override
		void recordInput(@Nullable CapturedContent input) {
		}

		@Override
		void recordOutput(@Nullable CapturedContent output) {
		}

		@Override
		void recordConversationId(String conversationId) {
			this.span.setAttribute(GenAiAttributes.CONVERSATION_ID, conversationId);
		}

		@Override
		void recordError(String errorType, @Nullable String description) {
			this.span.setAttribute(GenAiAttributes.ERROR_TYPE, errorType);
			this.span.setStatus(StatusCode.ERROR, (description != null) ? description : "");
		}

		@Override
		void recordError(Throwable error) {
			this.span.setAttribute(GenAiAttributes.ERROR_TYPE, error.getClass().getName());
			this.span.setStatus(StatusCode.ERROR);
			this.span.recordException(error);
		}

		@Override
		synchronized void end() {
			if (!this.ended) {
				this.ended = true;
				if (this.owned) {
					this.span.end();
				}
			}
		}

		@Override
		boolean isEnded() {
			return this.ended;
		}

	}

}
