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

package io.github.genaitracing.aop;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.core.DescribedOperation;
import io.github.genaitracing.core.FailSafe;
import io.github.genaitracing.core.SpanHandle;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.spi.CapturedContent;
import io.github.genaitracing.spi.GenAiOperation;

/**
 * Runs an annotated method inside its span and ends the span when the method's result
 * completes: on return for plain results, on completion for a {@link CompletionStage},
 * and on the terminal signal or cancellation of a Reactor {@code Mono} or {@code Flux}
 * (whose span starts when it is subscribed). The method's result and exception pass
 * through unchanged.
 */
final class SpanCompletion {

	private static final boolean REACTOR_PRESENT = ClassUtils.isPresent("reactor.core.publisher.Flux",
			SpanCompletion.class.getClassLoader());

	private final SpanLifecycle spans;

	private final ContentPolicy contentPolicy;

	SpanCompletion(SpanLifecycle spans, ContentPolicy contentPolicy) {
		this.spans = spans;
		this.contentPolicy = contentPolicy;
	}

	/**
	 * Runs the method inside the span of its operation.
	 * @param described the operation described ahead, or {@code null} when the call has
	 * an operation of its own
	 * @param operation the operation of the call
	 */
	@Nullable Object proceed(MethodInvocation invocation, TracedMethod traced,
			@Nullable DescribedOperation described, GenAiOperation operation, @Nullable String conversationId,
			@Nullable CapturedContent input) throws Throwable {
		if (traced.returnsPublisher()) {
			return proceedReactive(invocation, described, operation, conversationId, input);
		}
		SpanHandle span = start(described, operation, conversationId, Context.current());
		span.recordInput(input);
		Object result;
		try (Scope scope = span.makeCurrent()) {
			result = invocation.proceed();
		}
		catch (Throwable ex) {
			span.end(ex);
			throw ex;
		}
		if (traced.mayReturnStage() && result instanceof CompletionStage<?> stage) {
			try {
				stage.whenComplete((value, error) -> complete(span, value, error));
			}
			catch (Throwable ex) {
				FailSafe.failed(CompletionStage.class, ex);
				span.end();
			}
			return result;
		}
		complete(span, result, null);
		return result;
	}

	/**
	 * Whether a method returning this type returns a Reactor publisher.
	 */
	static boolean isPublisher(Class<?> returnType) {
		return REACTOR_PRESENT && ReactorSpanCompletion.isReactive(returnType);
	}

	private SpanHandle start(@Nullable DescribedOperation described, GenAiOperation operation,
			@Nullable String conversationId, Context parent) {
		return (described != null) ? this.spans.start(described, conversationId, parent)
				: this.spans.start(operation, conversationId, parent);
	}

	private @Nullable Object proceedReactive(MethodInvocation invocation, @Nullable DescribedOperation described,
			GenAiOperation operation, @Nullable String conversationId, @Nullable CapturedContent input)
			throws Throwable {
		Context parent = Context.current();
		Supplier<SpanHandle> starter = () -> {
			SpanHandle span = start(described, operation, conversationId, parent);
			span.recordInput(input);
			return span;
		};
		Object publisher;
		try {
			publisher = invocation.proceed();
		}
		catch (Throwable ex) {
			starter.get().end(ex);
			throw ex;
		}
		if (publisher == null) {
			return null;
		}
		Object traced = FailSafe.get(ReactorSpanCompletion.class,
				() -> ReactorSpanCompletion.trace(publisher, starter, this.contentPolicy));
		return (traced != null) ? traced : publisher;
	}

	void complete(SpanHandle span, @Nullable Object value, @Nullable Throwable error) {
		if (error != null) {
			Throwable cause = (error instanceof CompletionException && error.getCause() != null) ? error.getCause()
					: error;
			if (!(cause instanceof CancellationException)) {
				span.fail(cause);
			}
		}
		else if (this.contentPolicy.isEnabled()) {
			span.captureOutput(() -> this.contentPolicy.capture(value));
		}
		span.end();
	}

}
