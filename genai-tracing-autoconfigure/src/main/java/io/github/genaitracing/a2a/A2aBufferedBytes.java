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

package io.github.genaitracing.a2a;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes the A2A filter holds for the requests in flight — request bodies kept for
 * replay, the bounded copy of a plain response, the streamed event being read and the
 * events waiting to be read after a flush — and the most it has held, in all and for one
 * request. Shown by the actuator endpoint; the load scripts check the per-request figure
 * against {@link #requestCap(long, int)}.
 *
 * @since 0.1.0
 */
public final class A2aBufferedBytes {

	private final AtomicLong inFlight = new AtomicLong();

	private final AtomicLong peakInFlight = new AtomicLong();

	private final AtomicLong largestRequest = new AtomicLong();

	/**
	 * The most one request can make the filter hold: its body up to the cap (plus one byte
	 * read to tell that a body is over it), and twice the response cap (the event being
	 * read and the events waiting to be read).
	 * @param maxBodySize {@code genai.tracing.a2a.max-body-size} in bytes
	 * @param maxResponseSize {@code genai.tracing.a2a.max-response-size} in bytes
	 * @return the cap in bytes
	 */
	public static long requestCap(long maxBodySize, int maxResponseSize) {
		return maxBodySize + 1 + 2L * maxResponseSize;
	}

	void add(long bytes) {
		if (bytes == 0) {
			return;
		}
		long now = this.inFlight.addAndGet(bytes);
		if (bytes > 0) {
			raise(this.peakInFlight, now);
		}
	}

	void requestEnded(long peakOfRequest) {
		raise(this.largestRequest, peakOfRequest);
	}

	/** Raises a maximum to a value above it; one read and no write when it is not above. */
	private static void raise(AtomicLong maximum, long value) {
		long current = maximum.get();
		while (value > current && !maximum.compareAndSet(current, value)) {
			current = maximum.get();
		}
	}

	/**
	 * The bytes held now.
	 * @return the bytes held for the requests in flight
	 */
	public long inFlight() {
		return this.inFlight.get();
	}

	/**
	 * The most bytes held at once.
	 * @return the peak of {@link #inFlight()}
	 */
	public long peakInFlight() {
		return this.peakInFlight.get();
	}

	/**
	 * The most bytes held for one request, among the requests that have ended.
	 * @return the largest per-request figure
	 */
	public long largestRequest() {
		return this.largestRequest.get();
	}

}
