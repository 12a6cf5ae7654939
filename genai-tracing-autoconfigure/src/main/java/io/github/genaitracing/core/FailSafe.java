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

package io.github.genaitracing.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Keeps faults of tracing code and of users' extensions (vocabularies, redactors,
 * listeners) away from the application: a call made through it never throws, except a
 * {@link VirtualMachineError} other than {@link StackOverflowError}. A failing component
 * is logged at WARN once, then at most once every ten minutes with the number of failures
 * in between; every failure is logged at DEBUG.
 *
 * @since 0.1.0
 */
public final class FailSafe {

	private static final Log logger = LogFactory.getLog(FailSafe.class);

	private static final long WARN_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(10);

	private static final int MAX_COMPONENTS = 512;

	private static final Map<String, Failures> FAILURES = new ConcurrentHashMap<>();

	private FailSafe() {
	}

	/**
	 * Runs an action, catching what it throws.
	 * @param component the component run (its class names it in the log)
	 * @param action the action
	 */
	public static void run(Object component, Runnable action) {
		try {
			action.run();
		}
		catch (Throwable ex) {
			failed(component, ex);
		}
	}

	/**
	 * Computes a value, catching what the computation throws.
	 * @param <T> the value type
	 * @param component the component run (its class names it in the log)
	 * @param supplier the computation
	 * @return the value, or {@code null} when the computation failed
	 */
	public static <T> @Nullable T get(Object component, Supplier<? extends @Nullable T> supplier) {
		try {
			return supplier.get();
		}
		catch (Throwable ex) {
			failed(component, ex);
			return null;
		}
	}

	/**
	 * Records that a component failed: rethrows a fatal error, otherwise logs it
	 * (rate-limited per component).
	 * @param component the component that failed, or a string naming it
	 * @param failure what it threw
	 */
	public static void failed(Object component, Throwable failure) {
		rethrowIfFatal(failure);
		String name = (component instanceof String string) ? string
				: (component instanceof Class<?> type) ? type.getName() : component.getClass().getName();
		Failures failures = FAILURES.get(name);
		if (failures == null) {
			if (FAILURES.size() >= MAX_COMPONENTS) {
				logger.debug("GenAI tracing: " + name + " failed", failure);
				return;
			}
			failures = FAILURES.computeIfAbsent(name, (key) -> new Failures());
		}
		long suppressed = failures.warnNow();
		if (suppressed >= 0) {
			logger.warn("GenAI tracing: " + name + " failed; the application is not affected, the span still ends"
					+ ((suppressed > 0) ? " (" + suppressed + " more failures since the last warning)" : "")
					+ ". Further failures of it are logged at DEBUG, with a warning at most every 10 minutes", failure);
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("GenAI tracing: " + name + " failed", failure);
		}
	}

	/**
	 * Rethrows a {@link VirtualMachineError} other than {@link StackOverflowError}; the
	 * application cannot go on after one anyway.
	 * @param failure what was thrown
	 */
	public static void rethrowIfFatal(Throwable failure) {
		if (failure instanceof VirtualMachineError error && !(failure instanceof StackOverflowError)) {
			throw error;
		}
	}

	private static final class Failures {

		private final AtomicLong lastWarn = new AtomicLong(Long.MIN_VALUE);

		private final AtomicLong since = new AtomicLong();

		/**
		 * Returns the failures since the last warning when a warning is due now, else
		 * {@code -1}.
		 */
		long warnNow() {
			long now = System.nanoTime();
			long last = this.lastWarn.get();
			if ((last == Long.MIN_VALUE || now - last >= WARN_INTERVAL_NANOS) && this.lastWarn.compareAndSet(last, now)) {
				return this.since.getAndSet(0);
			}
			this.since.incrementAndGet();
			return -1;
		}

	}

}
