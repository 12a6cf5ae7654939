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

package io.github.genaitracing.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The arms of {@link AnnotatedCallBenchmark} in one JVM, alternating in short blocks so
 * that every arm meets the same noise of a shared machine: each round runs a block of
 * calls of every arm (in turn, the order rotating every round) and prints the wall-clock
 * and thread CPU time per call of each block; the summary gives each arm's median and
 * fastest block and the ratios of {@code annotated} and {@code tool} to
 * {@code handWritten}. A complement to the JMH run, not a replacement: JMH guards against
 * dead-code elimination and forks; the blocks here consume every result.
 * <p>
 * Arguments: rounds (default 30), calls per block (default 200,000).
 */
public final class AnnotatedCallRounds {

	private static volatile int sink;

	private AnnotatedCallRounds() {
	}

	public static void main(String[] args) {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 30;
		int calls = (args.length > 1) ? Integer.parseInt(args[1]) : 200_000;
		AnnotatedCallBenchmark benchmark = new AnnotatedCallBenchmark();
		benchmark.setUp();
		Map<String, Supplier<String>> arms = new LinkedHashMap<>();
		arms.put("annotated", benchmark::annotated);
		arms.put("handWritten", benchmark::handWritten);
		arms.put("lifecycleAroundProxy", benchmark::lifecycleAroundProxy);
		arms.put("tool", benchmark::tool);
		arms.put("handWrittenTool", benchmark::handWrittenTool);
		arms.put("proxiedNoOp", benchmark::proxiedNoOp);
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		List<String> names = new ArrayList<>(arms.keySet());
		// warm-up: every arm, until the JIT settled
		for (int i = 0; i < 10; i++) {
			for (String name : names) {
				block(arms.get(name), calls);
			}
		}
		Map<String, double[]> wall = new LinkedHashMap<>();
		Map<String, double[]> cpu = new LinkedHashMap<>();
		for (String name : names) {
			wall.put(name, new double[rounds]);
			cpu.put(name, new double[rounds]);
		}
		System.out.println("round | " + String.join(" | ", names) + "   (wall ns/call, cpu ns/call)");
		for (int round = 0; round < rounds; round++) {
			StringBuilder line = new StringBuilder().append(round + 1);
			double[] roundWall = new double[names.size()];
			double[] roundCpu = new double[names.size()];
			for (int k = 0; k < names.size(); k++) {
				int arm = (k + round) % names.size();
				long cpuStart = threads.getCurrentThreadCpuTime();
				long wallStart = System.nanoTime();
				block(arms.get(names.get(arm)), calls);
				roundWall[arm] = (double) (System.nanoTime() - wallStart) / calls;
				roundCpu[arm] = (double) (threads.getCurrentThreadCpuTime() - cpuStart) / calls;
			}
			for (int arm = 0; arm < names.size(); arm++) {
				wall.get(names.get(arm))[round] = roundWall[arm];
				cpu.get(names.get(arm))[round] = roundCpu[arm];
				line.append(String.format(Locale.ROOT, " | %.0f, %.0f", roundWall[arm], roundCpu[arm]));
			}
			System.out.println(line);
		}
		System.out.println();
		System.out.println("arm | median wall | fastest wall | median cpu | fastest cpu");
		for (String name : names) {
			System.out.println(String.format(Locale.ROOT, "%s | %.1f | %.1f | %.1f | %.1f", name,
					median(wall.get(name)), min(wall.get(name)), median(cpu.get(name)), min(cpu.get(name))));
		}
		System.out.println();
		ratio("annotated", "handWritten", wall, cpu);
		ratio("tool", "handWrittenTool", wall, cpu);
		benchmark.tearDown();
		System.out.println((sink == 42) ? "" : "done");
	}

	private static void ratio(String arm, String baseline, Map<String, double[]> wall, Map<String, double[]> cpu) {
		double[] perRoundWall = new double[wall.get(arm).length];
		double[] perRoundCpu = new double[perRoundWall.length];
		for (int i = 0; i < perRoundWall.length; i++) {
			perRoundWall[i] = wall.get(arm)[i] / wall.get(baseline)[i];
			perRoundCpu[i] = cpu.get(arm)[i] / cpu.get(baseline)[i];
		}
		System.out.println(String.format(Locale.ROOT,
				"%s / %s: median of the rounds' ratios wall %.3f, cpu %.3f; ratio of the fastest blocks wall %.3f, cpu %.3f",
				arm, baseline, median(perRoundWall), median(perRoundCpu), min(wall.get(arm)) / min(wall.get(baseline)),
				min(cpu.get(arm)) / min(cpu.get(baseline))));
	}

	private static void block(Supplier<String> arm, int calls) {
		int hash = 0;
		for (int i = 0; i < calls; i++) {
			hash += arm.get().length();
		}
		sink += hash;
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private static double min(double[] values) {
		return Arrays.stream(values).min().orElse(Double.NaN);
	}

}
