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

import org.aspectj.weaver.Advice;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.genaitracing.aop.AgentInvokeAspect;
import io.github.genaitracing.aop.ToolCallAspect;
import io.github.genaitracing.aop.TracedMethodRegistry;
import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.core.AgentDefaults;
import io.github.genaitracing.core.SpanLifecycle;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@code @AgentInvoke} and
 * {@code @ToolCall} aspects.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = GenAiTracingAutoConfiguration.class)
@ConditionalOnClass(Advice.class)
@ConditionalOnBean(SpanLifecycle.class)
@ConditionalOnBooleanProperty(name = GenAiTracingProperties.PREFIX + ".enabled", matchIfMissing = true)
public final class GenAiTracingAnnotationsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TracedMethodRegistry genAiTracedMethodRegistry(AgentDefaults defaults,
			ConfigurableListableBeanFactory beanFactory) {
		return new TracedMethodRegistry(defaults, beanFactory);
	}

	@Bean
	@ConditionalOnMissingBean
	AgentInvokeAspect agentInvokeAspect(SpanLifecycle spans, ContentPolicy contentPolicy,
			TracedMethodRegistry registry) {
		return new AgentInvokeAspect(spans, contentPolicy, registry);
	}

	@Bean
	@ConditionalOnMissingBean
	ToolCallAspect toolCallAspect(SpanLifecycle spans, ContentPolicy contentPolicy, TracedMethodRegistry registry) {
		return new ToolCallAspect(spans, contentPolicy, registry);
	}

}
