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

import java.util.ArrayList;
import java.util.List;

import io.modelcontextprotocol.spec.McpClientTransport;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

import io.github.genaitracing.mcp.McpSpans;
import io.github.genaitracing.mcp.TracingMcpClientTransport;

/**
 * Wraps MCP client transports in a {@link TracingMcpClientTransport}: the transports
 * Spring AI's MCP client starter declares (lists of {@code NamedClientMcpTransport}), and
 * {@link McpClientTransport} beans declared with the interface type. A transport bean
 * declared with a concrete type is left as it is, with a log line, because code injecting
 * that type would no longer find it.
 */
class McpClientTracingPostProcessor implements BeanPostProcessor, BeanFactoryAware {

	private static final Log logger = LogFactory.getLog(McpClientTracingPostProcessor.class);

	private static final String NAMED_TRANSPORT = "org.springframework.ai.mcp.client.common.autoconfigure.NamedClientMcpTransport";

	private final ObjectProvider<McpSpans> spans;

	private final ObjectProvider<GenAiTracingProperties> properties;

	private final boolean springAi;

	private @Nullable ConfigurableListableBeanFactory beanFactory;

	McpClientTracingPostProcessor(ObjectProvider<McpSpans> spans, ObjectProvider<GenAiTracingProperties> properties) {
		this.spans = spans;
		this.properties = properties;
		this.springAi = ClassUtils.isPresent(NAMED_TRANSPORT, McpClientTracingPostProcessor.class.getClassLoader());
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
		this.beanFactory = (beanFactory instanceof ConfigurableListableBeanFactory listable) ? listable : null;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof McpClientTransport transport && !(bean instanceof TracingMcpClientTransport)) {
			Class<?> declared = declaredType(beanName);
			if (declared != null && !declared.isInterface()) {
				logger.info("MCP requests through transport bean '" + beanName + "' are not traced: it is declared as "
						+ declared.getName() + "; declare it as " + McpClientTransport.class.getName()
						+ " to trace them");
				return bean;
			}
			return wrap(transport);
		}
		if (this.springAi && bean instanceof List<?> list && !list.isEmpty()
				&& list.stream().allMatch(SpringAiTransports::isNamedTransport)) {
			return SpringAiTransports.wrapAll(list, this::wrap);
		}
		return bean;
	}

	private McpClientTransport wrap(McpClientTransport transport) {
		if (transport instanceof TracingMcpClientTransport) {
			return transport;
		}
		GenAiTracingProperties.Mcp mcp = this.properties.getObject().getMcp();
		return new TracingMcpClientTransport(transport, this.spans.getObject(), mcp.getClient().getMaxPending(),
				mcp.getClient().getStaleAfter());
	}

	private @Nullable Class<?> declaredType(String beanName) {
		ConfigurableListableBeanFactory factory = this.beanFactory;
		if (factory == null || !factory.containsBeanDefinition(beanName)) {
			return null;
		}
		return factory.getMergedBeanDefinition(beanName).getResolvableType().resolve();
	}

	/**
	 * Kept apart so that Spring AI's classes are only loaded when present.
	 */
	private static final class SpringAiTransports {

		static boolean isNamedTransport(Object element) {
			return element instanceof org.springframework.ai.mcp.client.common.autoconfigure.NamedClientMcpTransport;
		}

		static List<Object> wrapAll(List<?> list,
				java.util.function.Function<McpClientTransport, McpClientTransport> wrapper) {
			List<Object> wrapped = new ArrayList<>(list.size());
			for (Object element : list) {
				org.springframework.ai.mcp.client.common.autoconfigure.NamedClientMcpTransport named = (org.springframework.ai.mcp.client.common.autoconfigure.NamedClientMcpTransport) element;
				wrapped.add(new org.springframework.ai.mcp.client.common.autoconfigure.NamedClientMcpTransport(
						named.name(), wrapper.apply(named.transport())));
			}
			return wrapped;
		}

	}

}
