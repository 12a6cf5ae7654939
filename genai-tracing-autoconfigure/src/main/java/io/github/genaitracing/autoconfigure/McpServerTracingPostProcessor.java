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

import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import io.github.genaitracing.mcp.McpServerTracingFilter;

/**
 * Puts the {@link McpServerTracingFilter} on the router functions of Spring AI's WebMVC
 * MCP server transports (streamable HTTP, SSE, stateless), found by their bean names.
 */
class McpServerTracingPostProcessor implements BeanPostProcessor {

	static final Set<String> ROUTER_BEANS = Set.of("webMvcStreamableServerRouterFunction",
			"webMvcSseServerRouterFunction", "webMvcStatelessServerRouterFunction");

	private final ObjectProvider<McpServerTracingFilter> filter;

	McpServerTracingPostProcessor(ObjectProvider<McpServerTracingFilter> filter) {
		this.filter = filter;
	}

	@Override
	@SuppressWarnings("unchecked")
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof RouterFunction<?> router && ROUTER_BEANS.contains(beanName)) {
			McpServerTracingFilter filter = this.filter.getIfAvailable();
			if (filter != null) {
				return ((RouterFunction<ServerResponse>) router).filter(filter);
			}
		}
		return bean;
	}

}
