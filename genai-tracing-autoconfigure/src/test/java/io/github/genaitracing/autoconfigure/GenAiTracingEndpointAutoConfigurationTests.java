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
import io.opentelemetry.sdk.trace.SpanProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;

import io.github.genaitracing.actuate.GenAiSpanRecorder;
import io.github.genaitracing.actuate.GenAiTracingEndpoint;
import io.github.genaitracing.actuate.GenAiUsageCounters;
import io.github.genaitracing.actuate.RecentGenAiTraces;
import io.github.genaitracing.core.SpanLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GenAiTracingEndpointAutoConfiguration}: nothing is recorded unless the
 * endpoint is available, and what it records comes through the span lifecycle.
 */
class GenAiTracingEndpointAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(GenAiTracingAutoConfiguration.class,
				GenAiTracingEndpointAutoConfiguration.class))
		.withBean(OpenTelemetry.class, OpenTelemetry::noop);

	@Test
	void exposedEndpointRecordsThroughTheLifecycleAndServesTheView() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=genaitracing")
			.run((context) -> {
				assertThat(context).hasSingleBean(GenAiTracingEndpoint.class)
					.hasSingleBean(GenAiSpanRecorder.class)
					.hasSingleBean(RecentGenAiTraces.class)
					.hasSingleBean(GenAiUsageCounters.class)
					.hasBean("genAiTraceViewRoutes");
				assertThat(context.getBean(SpanLifecycle.class).listeners())
					.contains(context.getBean(GenAiSpanRecorder.class));
			});
	}

	@Test
	void recordsNothingWhenTheEndpointIsNotExposed() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(GenAiTracingEndpoint.class)
			.doesNotHaveBean(GenAiSpanRecorder.class)
			.doesNotHaveBean(RecentGenAiTraces.class));
	}

	@Test
	void viewCanBeTurnedOffAndIsAbsentOutsideServletApplications() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=genaitracing",
					"genai.tracing.view.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(GenAiTracingEndpoint.class)
				.doesNotHaveBean(RouterFunction.class));
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(GenAiTracingAutoConfiguration.class,
					GenAiTracingEndpointAutoConfiguration.class))
			.withBean(OpenTelemetry.class, OpenTelemetry::noop)
			.withPropertyValues("management.endpoints.jmx.exposure.include=genaitracing",
					"spring.jmx.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RouterFunction.class));
	}

	@Test
	void backsOffWithoutTheOpenTelemetrySdkOrTheSpanLifecycle() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=genaitracing")
			.withClassLoader(new FilteredClassLoader(SpanProcessor.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(GenAiTracingEndpoint.class));
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(GenAiTracingAutoConfiguration.class,
					GenAiTracingEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=genaitracing")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(GenAiTracingEndpoint.class));
	}

	@Test
	void backsOffWhenTracingIsOff() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=genaitracing", "genai.tracing.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(GenAiTracingEndpoint.class)
				.doesNotHaveBean(GenAiSpanRecorder.class));
	}

	@Test
	void userRingAndCountersWin() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=genaitracing")
			.withUserConfiguration(UserConfiguration.class)
			.run((context) -> {
				assertThat(context.getBean(RecentGenAiTraces.class)).isSameAs(UserConfiguration.TRACES);
				assertThat(context.getBean(GenAiUsageCounters.class)).isSameAs(UserConfiguration.COUNTERS);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserConfiguration {

		static final RecentGenAiTraces TRACES = new RecentGenAiTraces(3, 10);

		static final GenAiUsageCounters COUNTERS = new GenAiUsageCounters(5);

		@Bean
		RecentGenAiTraces myTraces() {
			return TRACES;
		}

		@Bean
		GenAiUsageCounters myCounters() {
			return COUNTERS;
		}

	}

}
