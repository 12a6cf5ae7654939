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

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each default of the starter costs an A2A request, measured in one JVM in thread
 * CPU time: the arms of {@link A2aServerSpanBenchmark} with the export step on (the
 * request without the filter, every feature on, each of four features turned off,
 * all four off) alternate in short blocks, the order rotating every round, so that every
 * arm meets the same noise of a shared machine; CPU time leaves out the time another
 * tenant holds the processor, which wall-clock averages (JMH's) take in. The summary gives
 * each arm's median block and its difference to the arm with every feature on
 * ({@code none}) in the same rounds, and the bytes a request allocates (the request's
 * thread, export included); the starter's defaults are the {@code agentMetrics} arm (the
 * agent metrics are opt-in).
 * <p>
 * The system property {@code arms} lists the arms to run (default all seven: {@code
 * withoutFilter,none,vocabularies,baggage,agentMetrics,runTotals,all}); the differences
 * are to {@code none} (to 0 when it is not run). The system property {@code otherWorkKib}
 * (default 0) reads that much other memory before each request, as other requests' work
 * does under load ({@link A2aServerSpanBenchmark#otherWorkKib}).
 * <p>
 * Arguments: the method ({@code message/send} or {@code tasks/get}, default the first),
 * rounds (default 20), requests per block (default 20,000).
 */
public final class A2aDefaultsRounds {

	private static final List<String> ARMS = List.of(System
		.getProperty("arms", "withoutFilter,none,vocabularies,baggage,agentMetrics,runTotals,all")
		.split(","));

	private static volatile int sink;

	private A2aDefaultsRounds() {
	}

	public static void main(String[] args) throws Exception {
		String method = (args.length > 0) ? args[0] : "message/send";
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 20;
		int requests = (args.length > 2) ? Integer.parseInt(args[2]) : 20_000;
		Map<String, A2aServerSpanBenchmark> arms = new LinkedHashMap<>();
		for (String arm : ARMS) {
			A2aServerSpanBenchmark benchmark = new A2aServerSpanBenchmark();
			benchmark.method = method;
			benchmark.otherWorkKib = Integer.getInteger("otherWorkKib", 0);
			benchmark.export = true;
			benchmark.off = arm.equals("withoutFilter") ? "none" : arm;
			benchmark.setUp();
			arms.put(arm, benchmark);
		}
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		for (int i = 0; i < 10; i++) {
			for (String arm : ARMS) {
				block(arm, arms.get(arm), requests);
			}
		}
		Map<String, double[]> cpu = new LinkedHashMap<>();
		ARMS.forEach((arm) -> cpu.put(arm, new double[rounds]));
		Map<String, double[]> allocated = new LinkedHashMap<>();
		ARMS.forEach((arm) -> allocated.put(arm, new double[rounds]));
		System.out.println(method + ": ns of CPU per request, a block of " + requests + " per arm and round");
		System.out.println("round | " + String.join(" | ", ARMS));
		for (int round = 0; round < rounds; round++) {
			double[] perArm = new double[ARMS.size()];
			for (int k = 0; k < ARMS.size(); k++) {
				int arm = (k + round) % ARMS.size();
				long bytes = allocatedBytes(threads);
				long start = threads.getCurrentThreadCpuTime();
				block(ARMS.get(arm), arms.get(ARMS.get(arm)), requests);
				perArm[arm] = (double) (threads.getCurrentThreadCpuTime() - start) / requests;
				allocated.get(ARMS.get(arm))[round] = (double) (allocatedBytes(threads) - bytes) / requests;
			}
			StringBuilder line = new StringBuilder().append(round + 1);
			for (int arm = 0; arm < ARMS.size(); arm++) {
				cpu.get(ARMS.get(arm))[round] = perArm[arm];
				line.append(String.format(Locale.ROOT, " | %.0f", perArm[arm]));
			}
			System.out.println(line);
		}
		System.out.println();
		System.out.println("arm | median | fastest | median of (arm - none) per round | bytes allocated per request (median)");
		double[] none = cpu.getOrDefault("none", new double[rounds]);
		for (String arm : ARMS) {
			double[] values = cpu.get(arm);
			double[] minusNone = new double[rounds];
			for (int i = 0; i < rounds; i++) {
				minusNone[i] = values[i] - none[i];
			}
			System.out.println(String.format(Locale.ROOT, "%s | %.0f | %.0f | %+.0f | %.0f", arm, median(values),
					Arrays.stream(values).min().orElse(Double.NaN), median(minusNone), median(allocated.get(arm))));
		}
		System.out.println((sink == 42) ? "" : "done");
	}

	private static void block(String arm, A2aServerSpanBenchmark benchmark, int requests) throws Exception {
		boolean withFilter = !arm.equals("withoutFilter");
		int statuses = 0;
		for (int i = 0; i < requests; i++) {
			statuses += (withFilter ? benchmark.withFilter() : benchmark.withoutFilter()).getStatus();
		}
		sink += statuses;
	}

	/**
	 * The bytes the current thread has allocated so far (HotSpot's thread bean), or 0
	 * where the JVM does not count them.
	 */
	private static long allocatedBytes(ThreadMXBean threads) {
		if (threads instanceof com.sun.management.ThreadMXBean hotspot) {
			return hotspot.getCurrentThreadAllocatedBytes();
		}
		return 0;
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

}
