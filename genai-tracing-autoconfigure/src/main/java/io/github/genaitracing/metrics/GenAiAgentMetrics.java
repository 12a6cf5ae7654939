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

package io.github.genaitracing.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.jspecify.annotations.Nullable;

import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.spi.AgentInvocation;
import io.github.genaitracing.spi.OperationKind;
import io.github.genaitracing.spi.OperationListener;
import io.github.genaitracing.spi.OperationRun;
import io.github.genaitracing.spi.ToolExecution;

/**
 * Records the agent and tool metrics of the newest GenAI conventions draft
 * (semantic-conventions-genai, unreleased, so experimental here) from every agent
 * invocation and tool execution, whatever started it ({@code @AgentInvoke},
 * {@code @ToolCall}, Spring AI tool calling, inbound and outbound A2A):
 * {@code gen_ai.invoke_agent.duration} and {@code gen_ai.execute_tool.duration}
 * (seconds), and per agent invocation the number of inference calls
 * ({@code gen_ai.invoke_agent.inference_calls}) and tool calls
 * ({@code gen_ai.invoke_agent.tool_calls}) it made itself (those of a nested agent count
 * for that agent). Tags are low-cardinality only, always the same keys per meter: the
 * operation, the agent or tool name and type, and {@code error.type} ({@value GenAiClientMetrics#NONE}
 * when unknown or on success); never ids.
 *
 * @since 0.1.0
 */
public final class GenAiAgentMetrics implements OperationListener {

	/** Name of the agent invocation duration histogram, in seconds. */
	public static final String INVOKE_AGENT_DURATION = "gen_ai.invoke_agent.duration";

	/** Name of the histogram of inference calls per agent invocation. */
	public static final String INVOKE_AGENT_INFERENCE_CALLS = "gen_ai.invoke_agent.inference_calls";

	/** Name of the histogram of tool calls per agent invocation. */
	public static final String INVOKE_AGENT_TOOL_CALLS = "gen_ai.invoke_agent.tool_calls";

	/** Name of the tool execution duration histogram, in seconds. */
	public static final String EXECUTE_TOOL_DURATION = "gen_ai.execute_tool.duration";

	private static final String NONE = GenAiClientMetrics.NONE;

	// bucket advice of the client duration (semantic-conventions v1.41), also used by the draft
	private static final double[] SECONDS_BUCKETS = { 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12,
			10.24, 20.48, 40.96, 81.92 };

	private static final double[] CALL_BUCKETS = { 1, 2, 4, 8, 16, 32, 64, 128, 256 };

	private final MeterRegistry registry;

	/** At most this many meters are kept for reuse; past it each record looks its meter up. */
	private static final int MAX_CACHED_METERS = 1024;

	/** The meters recorded to, by name and tags: registering looks them up at a cost. */
	private final Map<MeterKey, DistributionSummary> meters = new ConcurrentHashMap<>();

	/** The meters of the runs that ended without an error, by agent name. */
	private final Map<String, AgentMeters> agentMetersWithoutError = new ConcurrentHashMap<>();

	/** The meters of the runs that ended with an error, by agent name and error type. */
	private final Map<AgentKey, AgentMeters> agentMetersWithError = new ConcurrentHashMap<>();

	/**
	 * Creates the metrics.
	 * @param registry the meter registry
	 */
	public GenAiAgentMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void onEnd(OperationRun run) {
		OperationKind kind = run.operation().kind();
		if (kind == OperationKind.INVOKE_AGENT) {
			agentEnded(run);
		}
		else if (kind == OperationKind.EXECUTE_TOOL) {
			toolEnded(run);
		}
	}

	private void agentEnded(OperationRun run) {
		String agentName = valueOrNone((run.operation() instanceof AgentInvocation agent) ? agent.agentName() : null);
		String errorType = valueOrNone(run.outcome().errorType());
		// most runs end without an error: their meters are found by the agent's name alone
		AgentMeters meters = (errorType == NONE) ? this.agentMetersWithoutError.get(agentName)
				: this.agentMetersWithError.get(new AgentKey(agentName, errorType));
		if (meters == null) {
			meters = agentMeters(agentName, errorType);
		}
		meters.duration().record(run.durationNanos() / 1e9);
		// counted by the lifecycle on the run
		meters.inferenceCalls().record(run.inferenceCalls());
		meters.toolCalls().record(run.toolCalls());
	}

	/**
	 * Returns the meters of an agent's runs with an outcome, cached per agent and error
	 * type: a run looks its three meters up once.
	 */
	private AgentMeters agentMeters(String agentName, String errorType) {
		List<Tag> tags = List.of(Tag.of(GenAiAttributes.OPERATION_NAME.getKey(), GenAiAttributes.OperationName.INVOKE_AGENT),
				Tag.of(GenAiAttributes.AGENT_NAME.getKey(), agentName),
				Tag.of(GenAiAttributes.ERROR_TYPE.getKey(), errorType));
		List<Tag> countTags = List.of(tags.get(0), tags.get(1));
		AgentMeters meters = new AgentMeters(
				histogram(INVOKE_AGENT_DURATION, "Duration of GenAI agent invocations", GenAiClientMetrics.SECONDS,
						SECONDS_BUCKETS, tags),
				histogram(INVOKE_AGENT_INFERENCE_CALLS, "Inference calls made by one agent invocation",
						"{inference_call}", CALL_BUCKETS, countTags),
				histogram(INVOKE_AGENT_TOOL_CALLS, "Tool calls made by one agent invocation", "{tool_call}",
						CALL_BUCKETS, countTags));
		if (errorType == NONE) {
			if (this.agentMetersWithoutError.size() < MAX_CACHED_METERS) {
				this.agentMetersWithoutError.put(agentName, meters);
			}
		}
		else if (this.agentMetersWithError.size() < MAX_CACHED_METERS) {
			this.agentMetersWithError.put(new AgentKey(agentName, errorType), meters);
		}
		return meters;
	}

	private void toolEnded(OperationRun run) {
		String toolName = null;
		String toolType = null;
		if (run.operation() instanceof ToolExecution tool) {
			toolName = tool.toolName();
			toolType = tool.toolType();
		}
		List<Tag> tags = List.of(Tag.of(GenAiAttributes.OPERATION_NAME.getKey(), GenAiAttributes.OperationName.EXECUTE_TOOL),
				Tag.of(GenAiAttributes.TOOL_NAME.getKey(), valueOrNone(toolName)),
				Tag.of(GenAiAttributes.TOOL_TYPE.getKey(), valueOrNone(toolType)),
				Tag.of(GenAiAttributes.ERROR_TYPE.getKey(), valueOrNone(run.outcome().errorType())));
		histogram(EXECUTE_TOOL_DURATION, "Duration of GenAI tool executions", GenAiClientMetrics.SECONDS,
				SECONDS_BUCKETS, tags)
			.record(run.durationNanos() / 1e9);
	}

	private DistributionSummary histogram(String name, String description, String unit, double[] buckets,
			List<Tag> tags) {
		MeterKey key = new MeterKey(name, tags);
		DistributionSummary meter = this.meters.get(key);
		if (meter == null) {
			meter = DistributionSummary.builder(name)
				.description(description)
				.baseUnit(unit)
				.serviceLevelObjectives(buckets)
				.tags(tags)
				.register(this.registry);
			if (this.meters.size() < MAX_CACHED_METERS) {
				this.meters.put(key, meter);
			}
		}
		return meter;
	}

	private record MeterKey(String name, List<Tag> tags) {
	}

	/**
	 * An agent's name and an error type (equality written out: a record's goes through
	 * method handles, which cost more per lookup on the request thread).
	 */
	private static final class AgentKey {

		private final String agentName;

		private final String errorType;

		AgentKey(String agentName, String errorType) {
			this.agentName = agentName;
			this.errorType = errorType;
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof AgentKey key && this.agentName.equals(key.agentName)
					&& this.errorType.equals(key.errorType);
		}

		@Override
		public int hashCode() {
			return 31 * this.agentName.hashCode() + this.errorType.hashCode();
		}

	}

	private record AgentMeters(DistributionSummary duration, DistributionSummary inferenceCalls,
			DistributionSummary toolCalls) {
	}

	private static String valueOrNone(@Nullable String value) {
		return (value == null || value.isEmpty()) ? NONE : value;
	}

}
