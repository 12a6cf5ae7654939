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

package io.github.genaitracing.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

import io.github.genaitracing.semconv.SemconvMode;

/**
 * Matches when the experimental agent and tool metrics are to be recorded:
 * {@code genai.tracing.metrics.agents} when set, else whether the semantic-convention
 * mode includes the newest draft (the metrics are the draft's, like its other names).
 *
 * @since 0.1.0
 */
class OnAgentMetricsCondition extends SpringBootCondition {

	static final String PROPERTY = GenAiTracingProperties.PREFIX + ".metrics.agents";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("GenAI agent metrics");
		Environment environment = context.getEnvironment();
		Boolean agents = environment.getProperty(PROPERTY, Boolean.class);
		if (agents != null) {
			return agents ? ConditionOutcome.match(message.because(PROPERTY + " is true"))
					: ConditionOutcome.noMatch(message.because(PROPERTY + " is false"));
		}
		SemconvMode configured = Binder.get(environment)
			.bind(GenAiTracingProperties.PREFIX + ".semconv.mode", SemconvMode.class)
			.orElse(null);
		SemconvMode mode = GenAiTracingAutoConfiguration.semconvMode(configured, environment);
		return mode.latest() ? ConditionOutcome.match(message.because("semantic-convention mode " + mode))
				: ConditionOutcome.noMatch(message.because("semantic-convention mode " + mode
						+ " (the agent metrics are the newest draft's; set " + PROPERTY + "=true to record them)"));
	}

}
