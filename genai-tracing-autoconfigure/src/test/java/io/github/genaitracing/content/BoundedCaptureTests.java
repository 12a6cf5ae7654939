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

package io.github.genaitracing.content;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.genaitracing.autoconfigure.CaptureMode;
import io.github.genaitracing.spi.CapturedContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@link ContentPolicy} bounds the serialized size of a whole captured value
 * and stops reading it at the bound.
 */
class BoundedCaptureTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_LENGTH = 512;

	private final ContentPolicy policy = new ContentPolicy(CaptureMode.SPAN, MAX_LENGTH,
			List.of(RegexContentRedactor.of(true, List.of(), "[REDACTED]")));

	@Test
	void boundsAHundredThousandEntryMapAndStopsReadingIt() {
		AtomicInteger read = new AtomicInteger();
		Map<String, Object> map = countingMap(100_000, read);
		CapturedContent content = this.policy.capture(map);
		assertThat(content.value().length()).isLessThanOrEqualTo(MAX_LENGTH);
		JsonNode tree = JSON.readTree(content.value());
		assertThat(tree.has(ContentPolicy.TRUNCATION_MARKER)).isTrue();
		assertThat(tree.size()).isBetween(10, 100);
		assertThat(read.get()).isLessThan(100);
	}

	@Test
	void boundsKeysAndStructureNotOnlyText() {
		List<Map<String, Integer>> value = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			value.add(Map.of("k" + i, i));
		}
		CapturedContent content = this.policy.capture(value);
		assertThat(content.value().length()).isLessThanOrEqualTo(MAX_LENGTH);
		assertThat(JSON.readTree(content.value()).isArray()).isTrue();
		assertThat(content.value()).contains(ContentPolicy.TRUNCATION_MARKER);
	}

	@Test
	void boundsArgumentsWhoseValueIsLarge() {
		Map<String, Object> arguments = new LinkedHashMap<>();
		arguments.put("query", "q");
		arguments.put("rows", countingMap(100_000, new AtomicInteger()));
		CapturedContent content = this.policy.captureArguments(arguments);
		assertThat(content.value().length()).isLessThanOrEqualTo(MAX_LENGTH);
		assertThat(JSON.readTree(content.value()).path("query").asString()).isEqualTo("q");
	}

	@Test
	void stopsJacksonInsideABeanWithAHugeCollection() {
		AtomicInteger read = new AtomicInteger();
		Holder holder = new Holder(countingList(1_000_000, read));
		CapturedContent content = this.policy.capture(holder);
		assertThat(content.value().length()).isLessThanOrEqualTo(MAX_LENGTH);
		assertThat(JSON.readTree(content.value()).path("rows").isArray()).isTrue();
		assertThat(read.get()).isLessThan(500);
	}

	@Test
	void cutsALongStringInsideJsonWithAMarkerAndStaysValid() {
		CapturedContent content = this.policy.capture(Map.of("text", "a".repeat(100_000)));
		assertThat(content.value().length()).isLessThanOrEqualTo(MAX_LENGTH);
		assertThat(JSON.readTree(content.value()).path("text").asString()).endsWith(ContentPolicy.TRUNCATION_MARKER);
	}

	@Test
	void boundsJsonTextAndStopsParsingIt() {
		StringBuilder json = new StringBuilder("{");
		for (int i = 0; i < 50_000; i++) {
			json.append("\"k").append(i).append("\":[1,2,{\"x\":\"y\"}],");
		}
		json.append("\"end\":0}");
		CapturedContent content = this.policy.captureJsonOrText(json.toString());
		assertThat(content.isJson()).isTrue();
		assertThat(content.value().length()).isLessThanOrEqualTo(MAX_LENGTH);
		assertThat(JSON.readTree(content.value()).has(ContentPolicy.TRUNCATION_MARKER)).isTrue();
	}

	@Test
	void cutsCyclesInMapsAndBeans() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("name", "loop");
		map.put("self", map);
		assertThat(JSON.readTree(this.policy.capture(map).value()).path("self").asString())
			.isEqualTo(BoundedJsonWriter.CYCLE);
		Node parent = new Node("parent");
		Node child = new Node("child");
		parent.next = child;
		child.next = parent;
		String json = this.policy.capture(parent).value();
		assertThat(json).contains(BoundedJsonWriter.CYCLE);
		assertThat(JSON.readTree(json).at("/next/name").asString()).isEqualTo("child");
	}

	@Test
	void stopsAtTheDepthLimit() {
		List<Object> deep = new ArrayList<>();
		List<Object> current = deep;
		for (int i = 0; i < 5_000; i++) {
			List<Object> next = new ArrayList<>();
			current.add(next);
			current = next;
		}
		ContentPolicy wide = new ContentPolicy(CaptureMode.SPAN, 100_000, List.of());
		String json = wide.capture(deep).value();
		assertThat(json).contains(BoundedJsonWriter.TOO_DEEP);
		assertThat(JSON.readTree(json).isArray()).isTrue();
	}

	@Test
	void recordsAMarkerForABeanJacksonCannotDescribeNeverItsToString() {
		CapturedContent content = this.policy.capture(Map.of("broken", new Broken()));
		assertThat(content.value()).isEqualTo("{\"broken\":\"…[Broken]\"}");
	}

	private static Map<String, Object> countingMap(int size, AtomicInteger read) {
		return new AbstractMap<>() {

			@Override
			public Set<Entry<String, Object>> entrySet() {
				return new AbstractSet<>() {

					@Override
					public Iterator<Entry<String, Object>> iterator() {
						return new Iterator<>() {

							private int next;

							@Override
							public boolean hasNext() {
								return this.next < size;
							}

							@Override
							public Entry<String, Object> next() {
								read.incrementAndGet();
								int i = this.next++;
								return Map.entry("key-" + i, "value-" + i);
							}

						};
					}

					@Override
					public int size() {
						return size;
					}

				};
			}

		};
	}

	private static List<Integer> countingList(int size, AtomicInteger read) {
		return new java.util.AbstractList<>() {

			@Override
			public Integer get(int index) {
				read.incrementAndGet();
				return index;
			}

			@Override
			public int size() {
				return size;
			}

			@Override
			public Iterator<Integer> iterator() {
				return new Iterator<>() {

					private int next;

					@Override
					public boolean hasNext() {
						return this.next < size;
					}

					@Override
					public Integer next() {
						read.incrementAndGet();
						return this.next++;
					}

				};
			}

		};
	}

	/**
	 * A bean holding a collection.
	 */
	public static class Holder {

		private final List<Integer> rows;

		Holder(List<Integer> rows) {
			this.rows = rows;
		}

		public List<Integer> getRows() {
			return this.rows;
		}

	}

	/**
	 * A bean pointing at another.
	 */
	public static class Node {

		private final String name;

		Node next;

		Node(String name) {
			this.name = name;
		}

		public String getName() {
			return this.name;
		}

		public Node getNext() {
			return this.next;
		}

	}

	/**
	 * A bean whose getter fails.
	 */
	public static class Broken {

		public String getValue() {
			throw new IllegalStateException("no");
		}

		@Override
		public String toString() {
			return "password=hunter2";
		}

	}

}
