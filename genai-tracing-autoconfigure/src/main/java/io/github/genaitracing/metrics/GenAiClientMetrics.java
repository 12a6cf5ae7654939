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

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.jspecify.annotations.Nullable;

import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.semconv.SemconvMode;
import io.github.genaitracing.spi.GenAiResponse;
import io.github.genaitracing.spi.ModelCall;
import io.github.genaitracing.spi.OperationKind;
import io.github.genaitracing.spi.OperationListener;
import io.github.genaitracing.spi.OperationRun;
import io.github.genaitracing.spi.TokenUsage;

/**
 * Records the GenAI client metrics of the semantic conventions through Micrometer:
 * {@code gen_ai.client.operation.duration} (seconds),
 * {@code gen_ai.client.token.usage} (tokens, by {@code gen_ai.token.type}) and, for
 * streams, {@code gen_ai.client.operation.time_to_first_chunk} (seconds). All three are
 * histograms with the conventions' bucket boundaries and carry only low-cardinality
 * attributes: operation, provider, request and response model, server address and
 * port, and {@code error.type} on the duration. Each meter name always has the same
 * tag keys; unknown values are {@value #NONE}. A listener of the span lifecycle: it
 * records every model call ({@code chat}, {@code embeddings}) when its span ends.
 *
 * @since 0.1.0
 */
public final class GenAiClientMetrics implements OperationListener {

	/** Name of the operation duration histogram, in seconds. */
	public static final String OPERATION_DURATION = "gen_ai.client.operation.duration";

	/** Name of the token usage histogram. */
	public static final String TOKEN_USAGE = "gen_ai.client.token.usage";

	/** Name of the time-to-first-chunk histogram of streamed operations, in seconds. */
	public static final String TIME_TO_FIRST_CHUNK = "gen_ai.client.operation.time_to_first_chunk";

	/**
	 * Name of the inference duration histogram of the newest draft (chat calls; other
	 * operations stay on {@link #OPERATION_DURATION}), in seconds.
	 */
	public static final String INFERENCE_DURATION = "gen_ai.client.inference.duration";

	/** Name of the newest draft's time-to-first-chunk histogram, in seconds. */
	public static final String INFERENCE_TIME_TO_FIRST_CHUNK = "gen_ai.client.inference.time_to_first_chunk";

	/** Name of the newest draft's input token counter. */
	public static final String INFERENCE_INPUT_TOKENS = "gen_ai.client.inference.usage.input_tokens";

	/** Name of the newest draft's output token counter. */
	public static final String INFERENCE_OUTPUT_TOKENS = "gen_ai.client.inference.usage.output_tokens";

	/** Name of the newest draft's counter of input tokens read from the cache. */
	public static final String INFERENCE_CACHE_READ_INPUT_TOKENS = "gen_ai.client.inference.usage.cache_read.input_tokens";

	/** Name of the newest draft's counter of input tokens written to the cache. */
	public static final String INFERENCE_CACHE_WRITE_INPUT_TOKENS = "gen_ai.client.inference.usage.cache_write.input_tokens";

	/**
	 * Tag value of an attribute that is not known for an operation (no error, no
	 * response model, no server).
	 */
	public static final String NONE = "none";

	/** Base unit of the duration histograms, UCUM seconds as the conventions say. */
	public static final String SECONDS = "s";

	/** Base unit of the token usage histogram, as the conventions say. */
	public static final String TOKENS = "{token}";

	// bucket advice of semantic-conventions v1.41 gen-ai-metrics
	private static final double[] SECONDS_BUCKETS = { 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12,
			10.24, 20.48, 40.96, 81.92 };

	private static final double[] TOKEN_BUCKETS = { 1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576,
			4194304, 16777216, 67108864 };

	private final MeterRegistry registry;

	private final SemconvMode mode;

	/**
	 * Creates the metrics.
	 * @param registry the meter registry
	 */
	public GenAiClientMetrics(MeterRegistry registry) {
		this(registry, SemconvMode.V1_41);
	}

	/**
	 * Creates the metrics.
	 * @param registry the meter registry
	 * @param mode which convention names to record
	 */
	public GenAiClientMetrics(MeterRegistry registry, SemconvMode mode) {
		this.registry = registry;
		this.mode = mode;
	}

	@Override
	public void onEnd(OperationRun run) {
		if (!(run.operation() instanceof ModelCall operation)) {
			return;
		}
		GenAiResponse response = run.response();
		Server server = new Server(run.serverAddress(), run.serverPort());
		recordOperation(operation, server, (response != null) ? response.model() : null, run.durationNanos(),
				run.outcome().errorType(), run.usage());
		if (run.timeToFirstChunkNanos() >= 0) {
			recordTimeToFirstChunk(operation, server, run.timeToFirstChunkNanos());
		}
	}

	/**
	 * Records one finished client operation: its duration and its token usage.
	 * @param operation the operation
	 * @param responseModel the model that answered, or {@code null}
	 * @param durationNanos the duration in nanoseconds
	 * @param errorType the error type of a failed operation, or {@code null}
	 * @param usage the token usage, or {@code null}
	 */
	public void recordOperation(ModelCall operation, @Nullable String responseModel, long durationNanos,
			@Nullable String errorType, @Nullable TokenUsage usage) {
		recordOperation(operation, Server.of(operation), responseModel, durationNanos, errorType, usage);
	}

	private void recordOperation(ModelCall operation, Server server, @Nullable String responseModel,
			long durationNanos, @Nullable String errorType, @Nullable TokenUsage usage) {
		List<Tag> tags = tags(operation, server, responseModel);
		List<Tag> durationTags = new ArrayList<>(tags);
		durationTags.add(Tag.of(GenAiAttributes.ERROR_TYPE.getKey(), valueOrNone(errorType)));
		boolean inference = operation.kind() == OperationKind.CHAT;
		if (this.mode.v141() || !inference) {
			seconds(OPERATION_DURATION, "Duration of GenAI client operations", durationTags)
				.record(durationNanos / 1e9);
		}
		if (this.mode.latest() && inference) {
			seconds(INFERENCE_DURATION, "Duration of GenAI inference calls", durationTags).record(durationNanos / 1e9);
		}
		if (usage != null) {
			if (this.mode.v141()) {
				tokens(tags, GenAiAttributes.TokenType.INPUT, usage.inputTokens());
				tokens(tags, GenAiAttributes.TokenType.OUTPUT, usage.outputTokens());
			}
			if (this.mode.latest()) {
				tokenCounter(INFERENCE_INPUT_TOKENS, tags, usage.inputTokens());
				tokenCounter(INFERENCE_OUTPUT_TOKENS, tags, usage.outputTokens());
				tokenCounter(INFERENCE_CACHE_READ_INPUT_TOKENS, tags, usage.cacheReadInputTokens());
				tokenCounter(INFERENCE_CACHE_WRITE_INPUT_TOKENS, tags, usage.cacheCreationInputTokens());
			}
		}
	}

	/**
	 * Records the time from the start of a streamed operation to its first chunk.
	 * @param operation the operation
	 * @param nanos the time to the first chunk in nanoseconds
	 */
	public void recordTimeToFirstChunk(ModelCall operation, long nanos) {
		recordTimeToFirstChunk(operation, Server.of(operation), nanos);
	}

	private void recordTimeToFirstChunk(ModelCall operation, Server server, long nanos) {
		if (this.mode.v141()) {
			seconds(TIME_TO_FIRST_CHUNK, "Time to the first chunk of streamed GenAI client operations",
					baseTags(operation, server))
				.record(nanos / 1e9);
		}
		if (this.mode.latest()) {
			seconds(INFERENCE_TIME_TO_FIRST_CHUNK, "Time to the first chunk of streamed GenAI inference calls",
					baseTags(operation, server))
				.record(nanos / 1e9);
		}
	}

	private void tokenCounter(String name, List<Tag> tags, @Nullable Long count) {
		if (count == null) {
			return;
		}
		Counter.builder(name)
			.description("Tokens used by GenAI inference calls")
			.baseUnit(TOKENS)
			.tags(tags)
			.register(this.registry)
			.increment(count);
	}

	private DistributionSummary seconds(String name, String description, List<Tag> tags) {
		return DistributionSummary.builder(name)
			.description(description)
			.baseUnit(SECONDS)
			.serviceLevelObjectives(SECONDS_BUCKETS)
			.tags(tags)
			.register(this.registry);
	}

	private void tokens(List<Tag> tags, String type, @Nullable Long count) {
		if (count == null) {
			return;
		}
		List<Tag> all = new ArrayList<>(tags);
		all.add(Tag.of(GenAiAttributes.TOKEN_TYPE.getKey(), type));
		DistributionSummary.builder(TOKEN_USAGE)
			.description("Number of input and output tokens used by GenAI client operations")
			.baseUnit(TOKENS)
			.serviceLevelObjectives(TOKEN_BUCKETS)
			.tags(all)
			.register(this.registry)
			.record(count);
	}

	/**
	 * The tags every meter of an operation carries, always the same keys: a value that is
	 * not known is {@value #NONE}, because registries such as Prometheus keep one set of
	 * tag keys per meter name.
	 */
	private static List<Tag> baseTags(ModelCall operation, Server endpoint) {
		List<Tag> tags = new ArrayList<>(7);
		tags.add(Tag.of(GenAiAttributes.OPERATION_NAME.getKey(), valueOrNone(operation.operationName())));
		tags.add(Tag.of(GenAiAttributes.PROVIDER_NAME.getKey(), valueOrNone(operation.providerName())));
		tags.add(Tag.of(GenAiAttributes.REQUEST_MODEL.getKey(), valueOrNone(operation.requestModel())));
		boolean server = endpoint.address() != null;
		tags.add(Tag.of(GenAiAttributes.SERVER_ADDRESS.getKey(), valueOrNone(endpoint.address())));
		tags.add(Tag.of(GenAiAttributes.SERVER_PORT.getKey(),
				(server && endpoint.port() != null) ? String.valueOf(endpoint.port()) : NONE));
		return tags;
	}

	private static List<Tag> tags(ModelCall operation, Server server, @Nullable String responseModel) {
		List<Tag> tags = baseTags(operation, server);
		tags.add(Tag.of(GenAiAttributes.RESPONSE_MODEL.getKey(), valueOrNone(responseModel)));
		return tags;
	}

	private static String valueOrNone(@Nullable String value) {
		return (value == null || value.isEmpty()) ? NONE : value;
	}

	/**
	 * The server a call reached: learnt while it ran, else the operation's.
	 */
	private record Server(@Nullable String address, @Nullable Long port) {

		static Server of(ModelCall operation) {
			return new Server(operation.serverAddress(), operation.serverPort());
		}

	}

}
