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
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, beside JMH's wall-clock time: {@code cpu.worker.norm} is the CPU
 * time of the benchmark's own threads, {@code cpu.process.norm} that of the whole JVM
 * (span export, GC and JIT threads included), each divided by the operations of the
 * iteration; {@code alloc.worker.norm} is what the benchmark's own threads allocated per
 * operation (unlike {@code gc.alloc.rate.norm} of {@code -prof gc}, it leaves out the
 * span processor's export thread, whose work per span changes when a busy machine makes
 * it drop spans). Time a thread spends waiting for a core does not count, so on a machine
 * shared with other builds these move far less than the wall-clock score (cache and
 * core sharing still inflate them somewhat). Use with
 * {@code -prof io.github.genaitracing.benchmarks.CpuTimeProfiler}.
 */
public class CpuTimeProfiler implements InternalProfiler {

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private long workerStart;

	private long processStart;

	private long allocatedStart;

	@Override
	public String getDescription() {
		return "CPU time per operation of the benchmark threads and of the whole JVM";
	}

	@Override
	public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
		this.workerStart = workerCpuNanos();
		this.processStart = processCpuNanos();
		this.allocatedStart = workerAllocatedBytes();
	}

	@Override
	public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
			IterationParams iterationParams, IterationResult result) {
		long worker = workerCpuNanos() - this.workerStart;
		long process = processCpuNanos() - this.processStart;
		long allocated = workerAllocatedBytes() - this.allocatedStart;
		long ops = result.getMetadata().getAllOps();
		if (ops <= 0) {
			return List.of();
		}
		return List.of(new ScalarResult("cpu.worker.norm", (double) worker / ops, "ns/op", AggregationPolicy.AVG),
				new ScalarResult("cpu.process.norm", (double) process / ops, "ns/op", AggregationPolicy.AVG),
				new ScalarResult("alloc.worker.norm", (double) allocated / ops, "B/op", AggregationPolicy.AVG));
	}

	/**
	 * CPU time of JMH's worker threads (threads that end with an iteration are counted up
	 * to that point only when they are still alive: JMH keeps its workers for the run).
	 */
	private long workerCpuNanos() {
		long total = 0;
		for (ThreadInfo info : this.threads.getThreadInfo(this.threads.getAllThreadIds())) {
			if (info != null && info.getThreadName().contains("jmh-worker")) {
				long cpu = this.threads.getThreadCpuTime(info.getThreadId());
				if (cpu > 0) {
					total += cpu;
				}
			}
		}
		return total;
	}

	private long workerAllocatedBytes() {
		if (!(this.threads instanceof com.sun.management.ThreadMXBean allocation)) {
			return 0;
		}
		long total = 0;
		for (ThreadInfo info : this.threads.getThreadInfo(this.threads.getAllThreadIds())) {
			if (info != null && info.getThreadName().contains("jmh-worker")) {
				long bytes = allocation.getThreadAllocatedBytes(info.getThreadId());
				if (bytes > 0) {
					total += bytes;
				}
			}
		}
		return total;
	}

	private static long processCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return 0;
	}

}
