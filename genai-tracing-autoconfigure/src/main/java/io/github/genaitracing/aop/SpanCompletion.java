package io.github.genaitracing.aop;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.aspectj.lang.ProceedingJoinPoint;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

import io.github.genaitracing.content.CapturedContent;
import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.span.GenAiOperation;
import io.github.genaitracing.span.GenAiSpan;
import io.github.genaitracing.span.GenAiSpans;

/**
 * Runs an annotated method inside its span and ends the span when the method's result
 * completes: on return for plain results, on completion for a {@link CompletionStage},
 * and on the terminal signal or cancellation of a Reactor {@code Mono} or {@code Flux}
 * (whose span starts when it is subscribed).
 */
final class SpanCompletion {

	private static final boolean REACTOR_PRESENT = ClassUtils.isPresent("reactor.core.publisher.Flux",
			SpanCompletion.class.getClassLoader());

	private final GenAiSpans spans;

	private final ContentPolicy contentPolicy;

	SpanCompletion(GenAiSpans spans, ContentPolicy contentPolicy) {
		this.spans = spans;
		this.contentPolicy = contentPolicy;
	}

	@Nullable Object proceed(ProceedingJoinPoint joinPoint, Class<?> returnType, GenAiOperation operation,
			@Nullable CapturedContent input) throws Throwable {
		if (REACTOR_PRESENT && ReactorSpanCompletion.isReactive(returnType)) {
			return proceedReactive(joinPoint, operation, input);
		}
		GenAiSpan span = this.spans.start(operation);
		span.recordInput(input);
		Object result;
		try (Scope scope = span.makeCurrent()) {
			result = joinPoint.proceed();
		}
		catch (Throwable ex) {
			span.recordError(ex);
			span.end();
			throw ex;
		}
		if (result instanceof CompletionStage<?> stage) {
			stage.whenComplete((value, error) -> complete(span, value, error));
			return result;
		}
		complete(span, result, null);
		return result;
	}

	private @Nullable Object proceedReactive(ProceedingJoinPoint joinPoint, GenAiOperation operation,
			@Nullable CapturedContent input) throws Throwable {
		Context parent = Context.current();
		Supplier<GenAiSpan> starter = () -> {
			GenAiSpan span = this.spans.start(operation, parent);
			span.recordInput(input);
			return span;
		};
		Object publisher;
		try {
			publisher = joinPoint.proceed();
		}
		catch (Throwable ex) {
			GenAiSpan span = starter.get();
			span.recordError(ex);
			span.end();
			throw ex;
		}
		return (publisher != null) ? ReactorSpanCompletion.trace(publisher, starter, this.contentPolicy) : null;
	}

	void complete(GenAiSpan span, @Nullable Object value, @Nullable Throwable error) {
		try {
			if (error != null) {
				Throwable cause = (error instanceof CompletionException && error.getCause() != null)
						? error.getCause() : error;
				if (!(cause instanceof CancellationException)) {
					span.recordError(cause);
				}
			}
			else {
				span.recordOutput(this.contentPolicy.capture(value));
			}
		}
		finally {
			span.end();
		}
	}

}
