package io.github.genaitracing.springai;

import java.net.URI;
import java.util.List;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.content.GenAiMessage;
import io.github.genaitracing.content.GenAiToolDefinition;
import io.github.genaitracing.semconv.GenAiProviders;
import io.github.genaitracing.span.GenAiOperation;
import io.github.genaitracing.span.GenAiResponse;
import io.github.genaitracing.span.GenAiSpan;
import io.github.genaitracing.span.GenAiSpans;
import io.github.genaitracing.span.TokenUsage;

/**
 * Makes the span of each Spring AI {@code ChatModel} observation a GenAI
 * {@code chat {model}} CLIENT span written through {@link GenAiSpans}, in place of the
 * INTERNAL span Micrometer's default tracing handler would make: it sits first in Boot's
 * tracing handler group, so exactly one span is made per call.
 *
 * @since 0.1.0
 */
public final class GenAiChatModelObservationHandler extends GenAiSpanObservationHandler<ChatModelObservationContext> {

	private final ContentPolicy contentPolicy;

	private final @Nullable URI serverUri;

	/**
	 * Creates the handler.
	 * @param tracer the Micrometer tracer
	 * @param spans the span writer
	 * @param contentPolicy the content policy
	 * @param serverUri the model server's base URI for {@code server.address}, or
	 * {@code null}
	 */
	public GenAiChatModelObservationHandler(Tracer tracer, GenAiSpans spans, ContentPolicy contentPolicy,
			@Nullable URI serverUri) {
		super(tracer, spans);
		this.contentPolicy = contentPolicy;
		this.serverUri = serverUri;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ChatModelObservationContext;
	}

	@Override
	GenAiOperation operation(ChatModelObservationContext context) {
		ChatOptions options = context.getRequest().getOptions();
		GenAiOperation.Builder operation = GenAiOperation.chat((options != null) ? options.getModel() : null)
			.providerName(GenAiProviders.fromSpringAi(context.getOperationMetadata().provider()))
			.requestOptions(requestOptions(options, context.isStreaming()));
		server(operation, this.serverUri);
		return operation.build();
	}

	@Override
	void started(GenAiSpan span, ChatModelObservationContext context, long startNanos) {
		if (context.isStreaming()) {
			FirstChunkProbe probe = FirstChunkProbe.claim();
			if (probe != null) {
				probe.attach(startNanos, (nanos) -> firstChunk(span, nanos));
			}
		}
		if (this.contentPolicy.isEnabled()) {
			Prompt prompt = context.getRequest();
			span.recordInput(this.contentPolicy.captureMessages(SpringAiMessages.input(prompt.getInstructions())));
			List<GenAiMessage.Part> instructions = SpringAiMessages.systemInstructions(prompt.getInstructions());
			if (!instructions.isEmpty()) {
				span.recordSystemInstructions(this.contentPolicy.captureSystemInstructions(instructions));
			}
			List<GenAiToolDefinition> tools = SpringAiMessages.toolDefinitions(prompt.getOptions());
			if (!tools.isEmpty()) {
				span.recordToolDefinitions(this.contentPolicy.captureToolDefinitions(tools));
			}
		}
	}

	@Override
	ClientOutcome stopped(GenAiSpan span, ChatModelObservationContext context) {
		ChatResponse response = context.getResponse();
		if (response == null) {
			return ClientOutcome.UNKNOWN;
		}
		ChatResponseMetadata metadata = response.getMetadata();
		List<String> finishReasons = SpringAiMessages.finishReasons(response);
		String responseModel = emptyToNull(metadata.getModel());
		span.recordResponse(new GenAiResponse(emptyToNull(metadata.getId()), responseModel, finishReasons));
		Usage usage = metadata.getUsage();
		TokenUsage tokens = null;
		if (usage != null && (usage.getPromptTokens() != null || usage.getCompletionTokens() != null)) {
			tokens = new TokenUsage(toLong(usage.getPromptTokens()), toLong(usage.getCompletionTokens()),
					usage.getCacheReadInputTokens(), usage.getCacheWriteInputTokens(), null);
			span.recordUsage(tokens);
		}
		if (this.contentPolicy.isEnabled()) {
			span.recordOutput(this.contentPolicy.captureMessages(SpringAiMessages.output(response)),
					finishReasons.isEmpty() ? null : finishReasons.get(0));
		}
		return new ClientOutcome(responseModel, tokens);
	}

	private void firstChunk(GenAiSpan span, long nanos) {
		if (span.isEnded()) {
			return;
		}
		span.recordTimeToFirstChunk(nanos);
		GenAiClientMetrics metrics = metrics();
		if (metrics != null) {
			metrics.recordTimeToFirstChunk(span.operation(), nanos);
		}
	}

	private static GenAiOperation.RequestOptions requestOptions(@Nullable ChatOptions options, boolean streaming) {
		Boolean stream = streaming ? Boolean.TRUE : null;
		if (options == null) {
			return new GenAiOperation.RequestOptions(null, null, null, null, null, null, null, null, null, stream,
					null, null);
		}
		return new GenAiOperation.RequestOptions(options.getTemperature(), options.getTopP(),
				(options.getTopK() != null) ? options.getTopK().doubleValue() : null, options.getFrequencyPenalty(),
				options.getPresencePenalty(), toLong(options.getMaxTokens()), null, null, options.getStopSequences(),
				stream, null, null);
	}

}
