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

package io.github.genaitracing.actuate;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * What the span exporters last reported: whether the last export succeeded, when, and
 * how many batches and spans succeeded or failed since the application started.
 *
 * @since 0.1.0
 */
public final class ExporterHealth {

	private final AtomicReference<@Nullable Snapshot> last = new AtomicReference<>();

	private final AtomicLong exportedSpans = new AtomicLong();

	private final AtomicLong failedSpans = new AtomicLong();

	private final AtomicLong failedExports = new AtomicLong();

	/**
	 * Records the outcome of one export.
	 * @param exporter the exporter's simple class name
	 * @param spans the number of spans in the batch
	 * @param success whether the export succeeded
	 */
	public void record(String exporter, int spans, boolean success) {
		if (success) {
			this.exportedSpans.addAndGet(spans);
		}
		else {
			this.failedSpans.addAndGet(spans);
			this.failedExports.incrementAndGet();
		}
		this.last.set(new Snapshot(exporter, success ? "ok" : "failed", Instant.now(), spans));
	}

	/**
	 * Returns the current state.
	 * @return the state
	 */
	public State state() {
		return new State(this.last.get(), this.exportedSpans.get(), this.failedSpans.get(), this.failedExports.get());
	}

	/**
	 * The last export.
	 *
	 * @param exporter the exporter's simple class name
	 * @param result {@code ok} or {@code failed}
	 * @param at when the export finished
	 * @param spans the spans in the batch
	 */
	public record Snapshot(String exporter, String result, Instant at, int spans) {
	}

	/**
	 * The exporters' state.
	 *
	 * @param last the last export, or {@code null} before the first one
	 * @param exportedSpans the spans exported since start
	 * @param failedSpans the spans whose export failed since start
	 * @param failedExports the failed exports since start
	 */
	public record State(@Nullable Snapshot last, long exportedSpans, long failedSpans, long failedExports) {
	}

}
