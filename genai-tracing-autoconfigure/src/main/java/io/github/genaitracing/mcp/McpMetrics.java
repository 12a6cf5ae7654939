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

package io.github.genaitracing.mcp;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.jspecify.annotations.Nullable;

import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.semconv.McpAttributes;

/**
 * Records the MCP operation durations of the conventions through Micrometer:
 * {@code mcp.client.operation.duration} and {@code mcp.server.operation.duration}
 * (seconds, the conventions' buckets), tagged only with low-cardinality values: method
 * (well-known names, else {@code _OTHER}), tool or prompt name (not when the request
 * failed with a JSON-RPC error, so unknown names sent by a client add no series),
 * {@code gen_ai.operation.name}, protocol version, transport, server address and port
 * (client side) and {@code error.type}. Each meter name always has the same tag keys;
 * unknown values are {@value #NONE}, because registries such as Prometheus keep one set
 * of tag keys per meter name.
 *
 * @since 0.1.0
 */
public final class McpMetrics {

	// bucket advice of semantic-conventions docs/gen-ai/mcp.md
	private static final double[] SECONDS_BUCKETS = { 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30, 60, 120,
			300 };

	/** Tag value of an attribute that is not known for an operation. */
	public static final String NONE = "none";

	private final MeterRegistry registry;

	/**
	 * Creates the metrics.
	 * @param registry the meter registry
	 */
	public McpMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void record(McpCall call, long durationNanos, @Nullable String errorType, boolean rpcError) {
		McpMessage request = call.request();
		List<Tag> tags = new ArrayList<>(9);
		tags.add(Tag.of(McpAttributes.METHOD_NAME.getKey(), request.method()));
		String toolName = rpcError ? null : request.toolName();
		tags.add(Tag.of(GenAiAttributes.OPERATION_NAME.getKey(),
				(toolName != null) ? GenAiAttributes.OperationName.EXECUTE_TOOL : NONE));
		tags.add(Tag.of(GenAiAttributes.TOOL_NAME.getKey(), valueOrNone(toolName)));
		tags.add(Tag.of(McpAttributes.PROMPT_NAME.getKey(), valueOrNone(rpcError ? null : request.promptName())));
		tags.add(Tag.of(GenAiAttributes.ERROR_TYPE.getKey(), valueOrNone(errorType)));
		tags.add(Tag.of(McpAttributes.PROTOCOL_VERSION.getKey(), valueOrNone(call.protocolVersion())));
		tags.add(Tag.of(McpAttributes.NETWORK_TRANSPORT.getKey(), call.transport()));
		if (call.isClient()) {
			tags.add(Tag.of(GenAiAttributes.SERVER_ADDRESS.getKey(), valueOrNone(call.serverAddress())));
			tags.add(Tag.of(GenAiAttributes.SERVER_PORT.getKey(),
					(call.serverAddress() != null && call.serverPort() != null) ? String.valueOf(call.serverPort())
							: NONE));
		}
		DistributionSummary.builder(
				call.isClient() ? McpAttributes.CLIENT_OPERATION_DURATION : McpAttributes.SERVER_OPERATION_DURATION)
			.description(call.isClient() ? "Duration of MCP requests and notifications sent, until the response"
					: "Duration of MCP requests and notifications received, until the response is sent")
			.baseUnit("s")
			.serviceLevelObjectives(SECONDS_BUCKETS)
			.tags(tags)
			.register(this.registry)
			.record(durationNanos / 1e9);
	}

	private static String valueOrNone(@Nullable String value) {
		return (value != null && !value.isEmpty()) ? value : NONE;
	}

}
