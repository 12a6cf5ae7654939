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

import java.util.List;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.proto.trace.v1.Span;
import org.jspecify.annotations.Nullable;

import io.github.genaitracing.test.OtlpTestReceiver;

/**
 * Finds exported spans in the MCP tests.
 */
final class ExportedMcpSpans {

	private ExportedMcpSpans() {
	}

	/**
	 * Returns the first span with this name and kind in this conversation.
	 */
	static @Nullable Span find(List<Span> spans, String name, SpanKind kind, String conversationId) {
		Span.SpanKind protoKind = Span.SpanKind.valueOf("SPAN_KIND_" + kind.name());
		return spans.stream()
			.filter((span) -> span.getName().equals(name) && span.getKind() == protoKind
					&& conversationId.equals(OtlpTestReceiver.attribute(span, "gen_ai.conversation.id")))
			.findFirst()
			.orElse(null);
	}

}
