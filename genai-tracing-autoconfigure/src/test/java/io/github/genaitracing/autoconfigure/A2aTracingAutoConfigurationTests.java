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

import io.opentelemetry.api.OpenTelemetry;
import jakarta.servlet.DispatcherType;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.genaitracing.a2a.A2aBufferedBytes;
import io.github.genaitracing.a2a.A2aTracingFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link A2aTracingAutoConfiguration}.
 */
class A2aTracingAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(GenAiTracingAutoConfiguration.class, A2aTracingAutoConfiguration.class))
		.withBean(OpenTelemetry.class, OpenTelemetry::noop);

	@Test
	void registersTheFilterJustInsideTheHttpObservationFilterForRequestDispatchesOnly() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(A2aBufferedBytes.class).hasBean("a2aTracingFilter");
			FilterRegistrationBean<?> registration = context.getBean("a2aTracingFilter",
					FilterRegistrationBean.class);
			assertThat(registration.getFilter()).isInstanceOf(A2aTracingFilter.class);
			assertThat(registration.getOrder()).isEqualTo(A2aTracingAutoConfiguration.FILTER_ORDER);
			assertThat(registration.determineDispatcherTypes()).containsExactly(DispatcherType.REQUEST);
		});
	}

	@Test
	void filterOrderFollowsTheProperty() {
		this.contextRunner.withPropertyValues("genai.tracing.a2a.filter-order=-99")
			.run((context) -> assertThat(context.getBean("a2aTracingFilter", FilterRegistrationBean.class).getOrder())
				.isEqualTo(-99));
	}

	@Test
	void backsOffOutsideAServletWebApplication() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(GenAiTracingAutoConfiguration.class, A2aTracingAutoConfiguration.class))
			.withBean(OpenTelemetry.class, OpenTelemetry::noop)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean("a2aTracingFilter")
				.doesNotHaveBean(A2aBufferedBytes.class));
	}

	@Test
	void backsOffWhenTheServletFilterSupportIsMissing() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(OncePerRequestFilter.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("a2aTracingFilter"));
	}

	@Test
	void backsOffWhenA2aTracingOrAllTracingIsOff() {
		this.contextRunner.withPropertyValues("genai.tracing.a2a.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("a2aTracingFilter"));
		this.contextRunner.withPropertyValues("genai.tracing.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("a2aTracingFilter"));
	}

	@Test
	void backsOffWithoutTheSpanLifecycle() {
		new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(GenAiTracingAutoConfiguration.class, A2aTracingAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("a2aTracingFilter"));
	}

	@Test
	void userFilterAndBufferAccountingWin() {
		this.contextRunner.withUserConfiguration(UserFilterConfiguration.class).run((context) -> {
			assertThat(context.getBean("a2aTracingFilter")).isSameAs(UserFilterConfiguration.REGISTRATION);
			assertThat(context.getBean(A2aBufferedBytes.class)).isSameAs(UserFilterConfiguration.BYTES);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserFilterConfiguration {

		static final FilterRegistrationBean<OncePerRequestFilter> REGISTRATION = new FilterRegistrationBean<>();

		static final A2aBufferedBytes BYTES = new A2aBufferedBytes();

		@Bean
		FilterRegistrationBean<OncePerRequestFilter> a2aTracingFilter() {
			return REGISTRATION;
		}

		@Bean
		A2aBufferedBytes myBufferedBytes() {
			return BYTES;
		}

	}

}
