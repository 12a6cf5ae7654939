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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;

import io.github.genaitracing.aop.AgentInvokeAdvisor;
import io.github.genaitracing.aop.ToolCallAdvisor;
import io.github.genaitracing.aop.TracedMethodRegistry;
import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.core.AgentDefaults;
import io.github.genaitracing.core.SpanLifecycle;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@code @AgentInvoke} and
 * {@code @ToolCall} advisors. They are infrastructure advisors, as Spring's own
 * annotation-driven ones are, applied by whichever auto-proxy creator the application has
 * (Spring Boot's AOP auto-configuration registers one).
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
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static AgentInvokeAdvisor agentInvokeAdvisor(ObjectProvider<SpanLifecycle> spans,
			ObjectProvider<ContentPolicy> contentPolicy, ObjectProvider<TracedMethodRegistry> registry) {
		// resolved on the first traced call: advisors are made before the other beans
		return new AgentInvokeAdvisor(spans::getObject, contentPolicy::getObject, registry::getObject);
	}

	@Bean
	@ConditionalOnMissingBean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ToolCallAdvisor toolCallAdvisor(ObjectProvider<SpanLifecycle> spans,
			ObjectProvider<ContentPolicy> contentPolicy, ObjectProvider<TracedMethodRegistry> registry) {
		// resolved on the first traced call: advisors are made before the other beans
		return new ToolCallAdvisor(spans::getObject, contentPolicy::getObject, registry::getObject);
	}

}
