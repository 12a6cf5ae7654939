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

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.core.Ordered;
import reactor.core.publisher.Flux;

/**
 * A ChatClient stream advisor, placed next to the chat model, that lets the
 * {@code chat} span of each streamed call record the time to its first chunk
 * ({@code gen_ai.response.time_to_first_chunk} and the
 * {@code gen_ai.client.operation.time_to_first_chunk} metric). It changes neither the
 * request nor the stream.
 *
 * @since 0.1.0
 */
public final class GenAiStreamTimingAdvisor implements StreamAdvisor {

	/** The advisor's order: after every other advisor, just before the chat model. */
	public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 1;

	@Override
	public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
		return FirstChunkProbe.watch(chain.nextStream(request));
	}

	@Override
	public String getName() {
		return "GenAiStreamTimingAdvisor";
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
