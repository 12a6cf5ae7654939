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

import java.util.function.Predicate;

import io.micrometer.observation.Observation;
import org.springframework.ai.chat.client.advisor.observation.AdvisorObservationContext;
import org.springframework.ai.chat.client.observation.ChatClientObservationContext;

/**
 * Spring AI's framework observations: the {@code ChatClient} call and its advisors
 * ({@code spring_ai chat_client}, the tool calling and other advisor spans). They sit
 * between an agent and its chat and tool spans and carry no GenAI operation of their
 * own ({@code gen_ai.operation.name=framework}).
 *
 * @since 0.1.0
 */
public final class SpringAiFrameworkObservations implements Predicate<Observation.Context> {

	@Override
	public boolean test(Observation.Context context) {
		return context instanceof ChatClientObservationContext || context instanceof AdvisorObservationContext;
	}

}
