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

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the bounds of {@link RecentGenAiTraces}.
 */
class RecentGenAiTracesTests {

	private static RecordedSpan span(String traceId, int index, String content) {
		return new RecordedSpan(traceId, String.format("%016x", index), null, null, "chat gpt-4o-mini", "CLIENT", index,
				1, "UNSET", null, "chaos", Map.of("gen_ai.operation.name", "chat", "gen_ai.input.messages", content,
						"gen_ai.response.finish_reasons", List.of(content)));
	}

	@Test
	void staysWithinItsBytesByEvictingTheOldestTraces() {
		long maxBytes = 256 * 1024;
		RecentGenAiTraces ring = new RecentGenAiTraces(1000, 200, maxBytes, 4096);
		for (int i = 0; i < 2000; i++) {
			ring.add(span(String.format("%032x", i), i, "x".repeat(3000)));
			assertThat(ring.usage().bytes()).isLessThanOrEqualTo(maxBytes);
		}
		RecentGenAiTraces.Usage usage = ring.usage();
		assertThat(usage.traces()).isBetween(10, 100);
		assertThat(usage.evictedTraces()).isEqualTo(2000 - usage.traces());
		assertThat(usage.spans()).isEqualTo(usage.traces());
		assertThat(ring.summaries().get(0).traceId()).isEqualTo(String.format("%032x", 1999));
	}

	@Test
	@SuppressWarnings("unchecked")
	void cutsEachAttributeValueItKeeps() {
		RecentGenAiTraces ring = new RecentGenAiTraces(10, 10, 1024 * 1024, 100);
		ring.add(span("a".repeat(32), 1, "y".repeat(50_000)));
		RecordedSpan kept = ring.trace("a".repeat(32)).spans().get(0);
		assertThat((String) kept.attributes().get("gen_ai.input.messages"))
			.isEqualTo("y".repeat(100) + RecordedSpan.TRUNCATION_MARKER);
		assertThat((List<Object>) kept.attributes().get("gen_ai.response.finish_reasons"))
			.containsExactly("y".repeat(100) + RecordedSpan.TRUNCATION_MARKER);
		assertThat(ring.usage().bytes()).isLessThan(2000);
	}

	@Test
	void dropsASpanOfTheOnlyTraceWhenItDoesNotFitAndCountsIt() {
		RecentGenAiTraces ring = new RecentGenAiTraces(10, 1000, 20_000, 4096);
		String traceId = "b".repeat(32);
		for (int i = 0; i < 100; i++) {
			ring.add(span(traceId, i, "z".repeat(2000)));
		}
		RecentGenAiTraces.Usage usage = ring.usage();
		assertThat(usage.bytes()).isLessThanOrEqualTo(20_000);
		assertThat(usage.spans()).isBetween(1L, 10L);
		assertThat(usage.droppedSpans()).isEqualTo(100 - usage.spans());
		assertThat(ring.summaries().get(0).droppedSpans()).isEqualTo(100 - (int) usage.spans());
	}

	@Test
	void keepsParentLinksWithinItsBytes() {
		RecentGenAiTraces ring = new RecentGenAiTraces(10, 100_000, 64 * 1024, 4096);
		String traceId = "c".repeat(32);
		ring.add(span(traceId, 1, "v"));
		for (int i = 0; i < 50_000; i++) {
			ring.addLink(traceId, String.format("%016x", i + 10), String.format("%016x", i + 11));
		}
		assertThat(ring.usage().bytes()).isLessThanOrEqualTo(64 * 1024);
		assertThat(ring.usage().spans()).isEqualTo(1);
	}

}
