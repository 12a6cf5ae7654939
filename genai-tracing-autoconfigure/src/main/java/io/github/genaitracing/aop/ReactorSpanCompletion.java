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

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.opentelemetry.context.Scope;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxOperator;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoOperator;
import reactor.util.context.Context;

import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.core.SpanHandle;

/**
 * Traces a {@link Mono} or {@link Flux}: each subscription starts a span, runs the
 * subscription and every signal in the span's context, and ends the span on complete,
 * error or cancel. Loaded only when Reactor is on the class path.
 */
final class ReactorSpanCompletion {

	private static final int MAX_ITEMS = 256;

	private ReactorSpanCompletion() {
	}

	static boolean isReactive(Class<?> type) {
		return Mono.class.isAssignableFrom(type) || Flux.class.isAssignableFrom(type);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	static Object trace(Object publisher, Supplier<SpanHandle> starter, ContentPolicy contentPolicy) {
		if (publisher instanceof Mono mono) {
			return new TracedMono<>(mono, starter, contentPolicy);
		}
		if (publisher instanceof Flux flux) {
			return new TracedFlux<>(flux, starter, contentPolicy);
		}
		return publisher;
	}

	private static final class TracedMono<T> extends MonoOperator<T, T> {

		private final Supplier<SpanHandle> starter;

		private final ContentPolicy contentPolicy;

		TracedMono(Mono<T> source, Supplier<SpanHandle> starter, ContentPolicy contentPolicy) {
			super(source);
			this.starter = starter;
			this.contentPolicy = contentPolicy;
		}

		@Override
		public void subscribe(CoreSubscriber<? super T> actual) {
			subscribeTraced(this.source, actual, this.starter.get(), this.contentPolicy, true);
		}

	}

	private static final class TracedFlux<T> extends FluxOperator<T, T> {

		private final Supplier<SpanHandle> starter;

		private final ContentPolicy contentPolicy;

		TracedFlux(Flux<T> source, Supplier<SpanHandle> starter, ContentPolicy contentPolicy) {
			super(source);
			this.starter = starter;
			this.contentPolicy = contentPolicy;
		}

		@Override
		public void subscribe(CoreSubscriber<? super T> actual) {
			subscribeTraced(this.source, actual, this.starter.get(), this.contentPolicy, false);
		}

	}

	private static <T> void subscribeTraced(org.reactivestreams.Publisher<T> source, CoreSubscriber<? super T> actual,
			SpanHandle span, ContentPolicy contentPolicy, boolean single) {
		TracingSubscriber<T> subscriber = new TracingSubscriber<>(actual, span, contentPolicy, single);
		try (Scope scope = span.makeCurrent()) {
			source.subscribe(subscriber);
		}
		catch (RuntimeException ex) {
			subscriber.onError(ex);
		}
	}

	/**
	 * Passes every signal through in the span's context and ends the span once.
	 */
	private static final class TracingSubscriber<T> implements CoreSubscriber<T>, Subscription {

		private final CoreSubscriber<? super T> actual;

		private final SpanHandle span;

		private final ContentPolicy contentPolicy;

		private final boolean single;

		private final @Nullable List<Object> items;

		private @Nullable Subscription subscription;

		TracingSubscriber(CoreSubscriber<? super T> actual, SpanHandle span, ContentPolicy contentPolicy,
				boolean single) {
			this.actual = actual;
			this.span = span;
			this.contentPolicy = contentPolicy;
			this.single = single;
			this.items = contentPolicy.isEnabled() ? new ArrayList<>() : null;
		}

		@Override
		public Context currentContext() {
			return this.actual.currentContext();
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			this.subscription = subscription;
			this.actual.onSubscribe(this);
		}

		@Override
		public void onNext(T item) {
			List<Object> items = this.items;
			if (items != null && items.size() < MAX_ITEMS) {
				items.add(item);
			}
			try (Scope scope = this.span.makeCurrent()) {
				this.actual.onNext(item);
			}
		}

		@Override
		public void onError(Throwable error) {
			this.span.end(error);
			this.actual.onError(error);
		}

		@Override
		public void onComplete() {
			if (!this.span.isEnded() && this.contentPolicy.isEnabled()) {
				this.span.captureOutput(() -> this.contentPolicy.capture(output()));
			}
			this.span.end();
			this.actual.onComplete();
		}

		@Override
		public void request(long n) {
			Subscription subscription = this.subscription;
			if (subscription != null) {
				try (Scope scope = this.span.makeCurrent()) {
					subscription.request(n);
				}
			}
		}

		@Override
		public void cancel() {
			Subscription subscription = this.subscription;
			try {
				if (subscription != null) {
					subscription.cancel();
				}
			}
			finally {
				this.span.end();
			}
		}

		private @Nullable Object output() {
			List<Object> items = this.items;
			if (items == null || items.isEmpty()) {
				return null;
			}
			if (this.single) {
				return items.get(0);
			}
			if (items.stream().allMatch(CharSequence.class::isInstance)) {
				StringBuilder text = new StringBuilder();
				for (Object item : items) {
					text.append((CharSequence) item);
					if (text.length() > this.contentPolicy.maxLength()) {
						break;
					}
				}
				return text.toString();
			}
			return items;
		}

	}

}
