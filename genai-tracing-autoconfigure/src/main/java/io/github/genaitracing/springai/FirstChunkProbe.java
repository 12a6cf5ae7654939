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

package io.github.genaitracing.springai;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

import org.jspecify.annotations.Nullable;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxOperator;

/**
 * Hands the first chunk of a watched stream to the chat span that the stream's
 * subscription started. Spring AI gives its observation no per-chunk signal, so the
 * watcher (the ChatClient advisor) offers a probe on the subscribing thread while it
 * subscribes upstream; the chat model starts its observation during that subscription,
 * on that thread, and the handler claims the probe.
 */
final class FirstChunkProbe {

	private static final ThreadLocal<@Nullable FirstChunkProbe> OFFERED = new ThreadLocal<>();

	private final AtomicBoolean first = new AtomicBoolean();

	private volatile @Nullable LongConsumer listener;

	private volatile long startNanos;

	private FirstChunkProbe() {
	}

	/**
	 * Returns the probe offered on this thread, once: a second claim (a nested stream)
	 * gets {@code null}.
	 */
	static @Nullable FirstChunkProbe claim() {
		FirstChunkProbe probe = OFFERED.get();
		if (probe != null) {
			OFFERED.remove();
		}
		return probe;
	}

	/**
	 * Asks to be told the time from {@code startNanos} to the first chunk, in
	 * nanoseconds.
	 */
	void attach(long startNanos, LongConsumer listener) {
		this.startNanos = startNanos;
		this.listener = listener;
	}

	void chunk() {
		LongConsumer listener = this.listener;
		if (listener != null && this.first.compareAndSet(false, true)) {
			listener.accept(System.nanoTime() - this.startNanos);
		}
	}

	/**
	 * Returns the stream, offering a fresh probe to whatever starts during each
	 * subscription to it.
	 */
	static <T> Flux<T> watch(Flux<T> source) {
		return new Watched<>(source);
	}

	private static final class Watched<T> extends FluxOperator<T, T> {

		Watched(Flux<T> source) {
			super(source);
		}

		@Override
		public void subscribe(CoreSubscriber<? super T> actual) {
			FirstChunkProbe probe = new FirstChunkProbe();
			FirstChunkProbe previous = OFFERED.get();
			OFFERED.set(probe);
			try {
				this.source.doOnNext((item) -> probe.chunk()).subscribe(actual);
			}
			finally {
				if (previous != null) {
					OFFERED.set(previous);
				}
				else {
					OFFERED.remove();
				}
			}
		}

	}

}
