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

import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpServerTransportProviderBase;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

import io.github.genaitracing.mcp.McpServerToolTracing;
import io.github.genaitracing.mcp.McpServerTracingFilter;
import io.github.genaitracing.mcp.McpSpans;
import io.github.genaitracing.semconv.McpAttributes;

/**
 * Traces the tool calls of an MCP server whose transport the WebMVC filter does not see
 * (stdio, WebFlux): wraps the sync tool specifications Spring AI's MCP server is built
 * from (the lists its tool callback converter and annotation scanner declare, and the
 * application's {@code SyncToolSpecification} beans and lists) with
 * {@link McpServerToolTracing}. Where the {@link McpServerTracingFilter} is on a WebMVC
 * transport's router, the specifications are left alone: the filter already makes the
 * server and tool spans.
 */
class McpServerToolTracingPostProcessor implements BeanPostProcessor, BeanFactoryAware {

	private final ObjectProvider<McpSpans> spans;

	private @Nullable ConfigurableListableBeanFactory beanFactory;

	private volatile @Nullable McpServerToolTracing tracing;

	private volatile @Nullable String transport;

	McpServerToolTracingPostProcessor(ObjectProvider<McpSpans> spans) {
		this.spans = spans;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
		this.beanFactory = (beanFactory instanceof ConfigurableListableBeanFactory listable) ? listable : null;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof McpServerFeatures.SyncToolSpecification specification) {
			McpServerToolTracing tracing = tracing();
			return (tracing != null) ? tracing.wrap(specification) : bean;
		}
		if (bean instanceof List<?> list && !list.isEmpty()
				&& list.stream().allMatch(McpServerFeatures.SyncToolSpecification.class::isInstance)) {
			McpServerToolTracing tracing = tracing();
			if (tracing == null) {
				return bean;
			}
			List<McpServerFeatures.SyncToolSpecification> wrapped = new ArrayList<>(list.size());
			for (Object element : list) {
				wrapped.add(tracing.wrap((McpServerFeatures.SyncToolSpecification) element));
			}
			return wrapped;
		}
		return bean;
	}

	private @Nullable McpServerToolTracing tracing() {
		McpServerToolTracing tracing = this.tracing;
		if (tracing == null && !tracedByFilter()) {
			McpSpans spans = this.spans.getIfAvailable();
			if (spans != null) {
				tracing = new McpServerToolTracing(spans, this::transport);
				this.tracing = tracing;
			}
		}
		return tracing;
	}

	private boolean tracedByFilter() {
		ConfigurableListableBeanFactory factory = this.beanFactory;
		return factory != null && McpServerTracingPostProcessor.ROUTER_BEANS.stream().anyMatch(factory::containsBean)
				&& factory.getBeanNamesForType(McpServerTracingFilter.class, false, false).length > 0;
	}

	/**
	 * The server's transport, read from its transport provider bean on the first call
	 * (when the server is up): {@code pipe} for stdio, {@code tcp} otherwise.
	 */
	private String transport() {
		String transport = this.transport;
		if (transport == null) {
			ConfigurableListableBeanFactory factory = this.beanFactory;
			Object provider = null;
			try {
				provider = (factory != null) ? factory.getBeanProvider(McpServerTransportProviderBase.class).getIfUnique()
						: null;
			}
			catch (BeansException ex) {
				// unknown: tcp
			}
			transport = (provider instanceof StdioServerTransportProvider) ? McpAttributes.TRANSPORT_PIPE
					: McpAttributes.TRANSPORT_TCP;
			this.transport = transport;
		}
		return transport;
	}

}
