package io.github.genaitracing.springai;

import java.net.URI;
import java.util.List;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelSpan;
import io.opentelemetry.context.Context;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

import io.github.genaitracing.content.ContentPolicy;
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
public final class GenAiChatModelObservationHandler implements TracingObservationHandler<ChatModelObservationContext> {

	private final Tracer tracer;

	private final GenAiSpans spans;

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
		this.tracer = tracer;
		this.spans = spans;
		this.contentPolicy = contentPolicy;
		this.serverUri = serverUri;
	}

	@Override
	public boolean supportsContext(io.micrometer.observation.Observation.Context context) {
		return context instanceof ChatModelObservationContext;
	}

	@Override
	public Tracer getTracer() {
		return this.tracer;
	}

	@Override
	public void onStart(ChatModelObservationContext context) {
		Prompt prompt = context.getRequest();
		ChatOptions options = prompt.getOptions();
		String model = (options != null) ? options.getModel() : null;
		GenAiOperation.Builder operation = GenAiOperation.chat(model)
			.providerName(GenAiProviders.fromSpringAi(context.getOperationMetadata().provider()))
			.requestOptions(requestOptions(options, context.isStreaming()));
		if (this.serverUri != null && this.serverUri.getHost() != null) {
			int port = this.serverUri.getPort();
			if (port < 0) {
				port = "http".equalsIgnoreCase(this.serverUri.getScheme()) ? 80 : 443;
			}
			operation.server(this.serverUri.getHost(), (long) port);
		}
		io.micrometer.tracing.Span parent = getParentSpan(context);
		Context parentContext = (parent != null) ? Context.current().with(OtelSpan.toOtel(parent)) : Context.current();
		GenAiSpan span = this.spans.start(operation.build(), parentContext);
		if (this.contentPolicy.isEnabled()) {
			span.recordInput(this.contentPolicy.captureMessages(SpringAiMessages.input(prompt.getInstructions())));
		}
		context.put(GenAiSpan.class, span);
		getTracingContext(context).setSpan(OtelSpan.fromOtel(span.span()));
	}

	@Override
	public void onError(ChatModelObservationContext context) {
		GenAiSpan span = context.get(GenAiSpan.class);
		if (span != null && context.getError() != null) {
			span.recordError(context.getError());
		}
	}

	@Override
	public void onStop(ChatModelObservationContext context) {
		GenAiSpan span = context.get(GenAiSpan.class);
		if (span == null) {
			return;
		}
		try {
			ChatResponse response = context.getResponse();
			if (response != null) {
				recordResponse(span, response);
			}
		}
		finally {
			span.end();
		}
	}

	private void recordResponse(GenAiSpan span, ChatResponse response) {
		ChatResponseMetadata metadata = response.getMetadata();
		List<String> finishReasons = SpringAiMessages.finishReasons(response);
		span.recordResponse(new GenAiResponse(emptyToNull(metadata.getId()), emptyToNull(metadata.getModel()),
				finishReasons));
		Usage usage = metadata.getUsage();
		if (usage != null && (usage.getPromptTokens() != null || usage.getCompletionTokens() != null)) {
			span.recordUsage(new TokenUsage(toLong(usage.getPromptTokens()), toLong(usage.getCompletionTokens()),
					usage.getCacheReadInputTokens(), usage.getCacheWriteInputTokens(), null));
		}
		if (this.contentPolicy.isEnabled()) {
			span.recordOutput(this.contentPolicy.captureMessages(SpringAiMessages.output(response)),
					finishReasons.isEmpty() ? null : finishReasons.get(0));
		}
	}

	private static GenAiOperation.RequestOptions requestOptions(@Nullable ChatOptions options, boolean streaming) {
		if (options == null) {
			return new GenAiOperation.RequestOptions(null, null, null, null, null, null, null, null, null,
					streaming ? Boolean.TRUE : null, null, null);
		}
		return new GenAiOperation.RequestOptions(options.getTemperature(), options.getTopP(),
				(options.getTopK() != null) ? options.getTopK().doubleValue() : null, options.getFrequencyPenalty(),
				options.getPresencePenalty(), toLong(options.getMaxTokens()), null, null, options.getStopSequences(),
				streaming ? Boolean.TRUE : null, null, null);
	}

	private static @Nullable Long toLong(@Nullable Integer value) {
		return (value != null) ? value.longValue() : null;
	}

	private static @Nullable String emptyToNull(@Nullable String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

}
