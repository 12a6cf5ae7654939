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

import java.util.List;
import java.util.Map;

import io.a2a.client.http.A2AHttpClient;
import io.a2a.client.http.JdkA2AHttpClient;
import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.web.reactive.function.client.WebClient;

import io.github.genaitracing.a2a.A2aClientCallTracer;
import io.github.genaitracing.a2a.TracingA2aHttpClient;
import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.core.SpanLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link A2aClientTracingAutoConfiguration}: which HTTP clients are traced,
 * depending on the class path and the properties.
 */
class A2aClientTracingAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(GenAiTracingAutoConfiguration.class,
				A2aClientTracingAutoConfiguration.class))
		.withBean(OpenTelemetry.class, OpenTelemetry::noop);

	@Test
	void tracesRestClientWebClientAndTheA2aSdkHttpClient() {
		this.contextRunner.withBean(A2AHttpClient.class, JdkA2AHttpClient::new).run((context) -> {
			assertThat(context).hasSingleBean(A2aClientCallTracer.class)
				.hasSingleBean(RestClientCustomizer.class)
				.hasSingleBean(WebClientCustomizer.class);
			A2AHttpClient client = context.getBean(A2AHttpClient.class);
			assertThat(client).isInstanceOf(TracingA2aHttpClient.class);
			assertThat(((TracingA2aHttpClient) client).getDelegate()).isInstanceOf(JdkA2AHttpClient.class);
		});
	}

	@Test
	void leavesAnA2aHttpClientDeclaredWithAConcreteTypeAsItIs() {
		this.contextRunner.withBean(JdkA2AHttpClient.class, JdkA2AHttpClient::new)
			.run((context) -> assertThat(context).hasSingleBean(JdkA2AHttpClient.class));
	}

	@Test
	void startsWithoutWebClientOrTheA2aSdk() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(WebClient.class, A2AHttpClient.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(RestClientCustomizer.class)
				.doesNotHaveBean(WebClientCustomizer.class));
	}

	@Test
	void userCallTracerWins() {
		this.contextRunner.withBean(A2AHttpClient.class, JdkA2AHttpClient::new)
			.withBean("customA2aClientCallTracer", A2aClientCallTracer.class,
					() -> new A2aClientCallTracer(new SpanLifecycle(OpenTelemetry.noop(), List.of(), null),
							ContentPolicy.disabled(), OpenTelemetry.noop(),
							new A2aClientCallTracer.Settings(Map.of(), 1024, 1024)))
			.run((context) -> {
				assertThat(context).hasSingleBean(A2aClientCallTracer.class).hasBean("customA2aClientCallTracer");
				assertThat(context.getBean(A2AHttpClient.class)).isInstanceOf(TracingA2aHttpClient.class);
			});
	}

	@Test
	void leavesEveryClientAloneWhenTheClientSideIsOff() {
		this.contextRunner.withBean(A2AHttpClient.class, JdkA2AHttpClient::new)
			.withPropertyValues("genai.tracing.a2a.client.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(A2aClientCallTracer.class)
					.doesNotHaveBean(RestClientCustomizer.class)
					.doesNotHaveBean(WebClientCustomizer.class);
				assertThat(context.getBean(A2AHttpClient.class)).isInstanceOf(JdkA2AHttpClient.class);
			});
	}

}
