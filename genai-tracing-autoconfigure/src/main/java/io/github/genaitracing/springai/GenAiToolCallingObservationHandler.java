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

package io.github.genaitracing.springai;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Tracer;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.observation.ToolCallingObservationContext;

import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.core.SpanHandle;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.spi.GenAiOperation;

/**
 * Makes the span of each Spring AI tool calling observation a GenAI
 * {@code execute_tool {tool}} span written through {@link SpanLifecycle}, in place of the
 * span with {@code spring.ai.tool.*} keys Micrometer's default tracing handler would
 * make. A {@code @ToolCall} method run by it records on this span.
 *
 * @since 0.1.0
 */
public final class GenAiToolCallingObservationHandler
		extends GenAiSpanObservationHandler<ToolCallingObservationContext> {

	private final ContentPolicy contentPolicy;

	/**
	 * Creates the handler.
	 * @param tracer the Micrometer tracer
	 * @param spans the span writer
	 * @param contentPolicy the content policy
	 */
	public GenAiToolCallingObservationHandler(Tracer tracer, SpanLifecycle spans, ContentPolicy contentPolicy) {
		super(tracer, spans);
		this.contentPolicy = contentPolicy;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ToolCallingObservationContext;
	}

	@Override
	GenAiOperation operation(ToolCallingObservationContext context) {
		ToolDefinition definition = context.getToolDefinition();
		return GenAiOperation.tool(definition.name())
			.toolDescription(definition.description())
			.toolCallId(context.getToolCallId())
			.toolType((context.getToolType() != null) ? context.getToolType() : "function")
			.build();
	}

	@Override
	void started(SpanHandle span, ToolCallingObservationContext context) {
		if (this.contentPolicy.isEnabled()) {
			span.captureInput(() -> this.contentPolicy.captureJsonOrText(context.getToolCallArguments()));
		}
	}

	@Override
	void stopped(SpanHandle span, ToolCallingObservationContext context) {
		if (this.contentPolicy.isEnabled()) {
			span.captureOutput(() -> this.contentPolicy.captureJsonOrText(context.getToolCallResult()));
		}
	}

}
