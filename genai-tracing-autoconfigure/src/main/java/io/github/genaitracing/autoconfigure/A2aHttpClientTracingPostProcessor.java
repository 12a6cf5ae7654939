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

import io.a2a.client.http.A2AHttpClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

import io.github.genaitracing.a2a.A2aClientCallTracer;
import io.github.genaitracing.a2a.TracingA2aHttpClient;

/**
 * Wraps the application's {@link A2AHttpClient} beans in a {@link TracingA2aHttpClient}.
 * A bean declared with a concrete type (such as {@code JdkA2AHttpClient}) is left as it
 * is, with a log line, because code injecting that type would no longer find it; declare
 * the bean as {@code A2AHttpClient} to have it traced.
 */
class A2aHttpClientTracingPostProcessor implements BeanPostProcessor, BeanFactoryAware {

	private static final Log logger = LogFactory.getLog(A2aHttpClientTracingPostProcessor.class);

	private final ObjectProvider<A2aClientCallTracer> tracer;

	private @Nullable ConfigurableListableBeanFactory beanFactory;

	A2aHttpClientTracingPostProcessor(ObjectProvider<A2aClientCallTracer> tracer) {
		this.tracer = tracer;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
		this.beanFactory = (beanFactory instanceof ConfigurableListableBeanFactory listable) ? listable : null;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof A2AHttpClient client) || bean instanceof TracingA2aHttpClient) {
			return bean;
		}
		Class<?> declared = declaredType(beanName);
		if (declared != null && !declared.isInterface()) {
			logger.info("A2A calls through bean '" + beanName + "' are not traced: it is declared as "
					+ declared.getName() + "; declare it as " + A2AHttpClient.class.getName() + " to trace them");
			return bean;
		}
		return new TracingA2aHttpClient(client, this.tracer.getObject());
	}

	private @Nullable Class<?> declaredType(String beanName) {
		ConfigurableListableBeanFactory factory = this.beanFactory;
		if (factory == null || !factory.containsBeanDefinition(beanName)) {
			return null;
		}
		return factory.getMergedBeanDefinition(beanName).getResolvableType().resolve();
	}

}
