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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.aspectj.weaver.Advice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.genaitracing.aop.AgentInvokeAdvisor;
import io.github.genaitracing.aop.ToolCallAdvisor;
import io.github.genaitracing.aop.TracedMethodRegistry;
import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.core.AgentDefaults;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.export.AttributesOnceSpanExporter;
import io.github.genaitracing.metrics.GenAiAgentMetrics;
import io.github.genaitracing.metrics.GenAiClientMetrics;
import io.github.genaitracing.semconv.SemconvMode;
import io.github.genaitracing.spi.OperationListener;
import io.github.genaitracing.vocabulary.GenAiVocabulary;
import io.github.genaitracing.vocabulary.MlflowVocabulary;
import io.github.genaitracing.vocabulary.OpenInferenceVocabulary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GenAiTracingAutoConfiguration} and
 * {@link GenAiTracingAnnotationsAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class GenAiTracingAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(GenAiTracingAutoConfiguration.class,
				GenAiTracingAnnotationsAutoConfiguration.class))
		.withBean(OpenTelemetry.class, OpenTelemetry::noop);

	@Test
	void suppliesBeansWithContentOffByDefault(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(SpanLifecycle.class)
				.hasSingleBean(ContentPolicy.class)
				.hasSingleBean(AgentInvokeAdvisor.class)
				.hasSingleBean(ToolCallAdvisor.class);
			assertThat(context.getBean(ContentPolicy.class).isEnabled()).isFalse();
			assertThat(context.getBean(SpanLifecycle.class).vocabularies()).hasExactlyElementsOfTypes(
					GenAiVocabulary.class, OpenInferenceVocabulary.class, MlflowVocabulary.class);
		});
		assertThat(output).doesNotContain("GenAI content capture is on");
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("genai.tracing.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SpanLifecycle.class)
				.doesNotHaveBean(AgentInvokeAdvisor.class));
	}

	@Test
	void backsOffWhenOpenTelemetryBeanIsMissing() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(GenAiTracingAutoConfiguration.class,
					GenAiTracingAnnotationsAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SpanLifecycle.class));
	}

	@Test
	void suppliesNoAdvisorsWhenAspectJIsMissing() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Advice.class))
			.run((context) -> assertThat(context).hasSingleBean(SpanLifecycle.class)
				.doesNotHaveBean(AgentInvokeAdvisor.class));
	}

	@Test
	void startsWithoutReactor() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("reactor"))
			.run((context) -> assertThat(context).hasSingleBean(AgentInvokeAdvisor.class));
	}

	@Test
	void turnsContentOnWithPropertyAndLogsOneWarning(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("genai.tracing.capture-content=span", "genai.tracing.content.max-length=100")
			.run((context) -> {
				ContentPolicy policy = context.getBean(ContentPolicy.class);
				assertThat(policy.mode()).isEqualTo(CaptureMode.SPAN);
				assertThat(policy.maxLength()).isEqualTo(100);
			});
		assertThat(output).containsOnlyOnce("GenAI content capture is on");
	}

	@Test
	void honoursEnvironmentVariableWhenPropertyIsUnset() {
		this.contextRunner.withPropertyValues("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=SPAN_ONLY")
			.run((context) -> assertThat(context.getBean(ContentPolicy.class).isEnabled()).isTrue());
	}

	@Test
	void propertyBeatsEnvironmentVariable() {
		this.contextRunner
			.withPropertyValues("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true",
					"genai.tracing.capture-content=none")
			.run((context) -> assertThat(context.getBean(ContentPolicy.class).isEnabled()).isFalse());
	}

	@Test
	void appliesRedactionPatterns() {
		this.contextRunner
			.withPropertyValues("genai.tracing.capture-content=span", "genai.tracing.content.redact.patterns=\\d{4}-\\d{4}",
					"genai.tracing.content.redact.replacement=***")
			.run((context) -> assertThat(context.getBean(ContentPolicy.class).redact("card 1234-5678 sk-abcdefghijklmnopqrstu"))
				.isEqualTo("card *** ***"));
	}

	@Test
	void turnsVocabulariesOff() {
		this.contextRunner
			.withPropertyValues("genai.tracing.openinference.enabled=false", "genai.tracing.mlflow.enabled=false")
			.run((context) -> assertThat(context.getBean(SpanLifecycle.class).vocabularies())
				.hasExactlyElementsOfTypes(GenAiVocabulary.class));
	}

	@Test
	void agentDefaultsComeFromPropertiesThenApplicationName() {
		this.contextRunner.withPropertyValues("spring.application.name=shop", "genai.tracing.provider-name=anthropic")
			.run((context) -> {
				AgentDefaults defaults = context.getBean(AgentDefaults.class);
				assertThat(defaults.name()).isEqualTo("shop");
				assertThat(defaults.providerName()).isEqualTo("anthropic");
			});
		this.contextRunner.withPropertyValues("spring.application.name=shop", "genai.tracing.agent.name=planner")
			.run((context) -> assertThat(context.getBean(AgentDefaults.class).name()).isEqualTo("planner"));
	}

	@Test
	void userBeanWins() {
		this.contextRunner.withUserConfiguration(CustomPolicyConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(ContentPolicy.class).hasBean("customContentPolicy"));
	}

	@Test
	void handsUserListenersAndTheClientMetricsToTheLifecycle() {
		OperationListener listener = new OperationListener() {
		};
		this.contextRunner.withBean(OperationListener.class, () -> listener)
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> assertThat(context.getBean(SpanLifecycle.class).listeners()).contains(listener)
				.contains(context.getBean(GenAiClientMetrics.class)));
	}

	@Test
	void recordsNoMetricsWithoutAMeterRegistryOrWhenTurnedOff() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(GenAiClientMetrics.class));
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("genai.tracing.metrics.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(GenAiClientMetrics.class));
	}

	@Test
	void recordsTheDraftsAgentMetricsOnlyWithTheDraftsNamesOrWhenAskedFor() {
		ApplicationContextRunner withRegistry = this.contextRunner.withBean(MeterRegistry.class,
				SimpleMeterRegistry::new);
		withRegistry.run((context) -> {
			assertThat(context).hasSingleBean(GenAiClientMetrics.class).doesNotHaveBean(GenAiAgentMetrics.class);
			assertThat(context.getBean(SpanLifecycle.class).listeners())
				.noneMatch(GenAiAgentMetrics.class::isInstance);
		});
		withRegistry.withPropertyValues("genai.tracing.semconv.mode=latest-experimental")
			.run((context) -> assertThat(context.getBean(SpanLifecycle.class).listeners())
				.contains(context.getBean(GenAiAgentMetrics.class)));
		withRegistry.withPropertyValues("genai.tracing.semconv.mode=dup")
			.run((context) -> assertThat(context).hasSingleBean(GenAiAgentMetrics.class));
		withRegistry.withSystemProperties(SemconvMode.SYSTEM_PROPERTY + "=gen_ai_latest_experimental")
			.run((context) -> assertThat(context).hasSingleBean(GenAiAgentMetrics.class));
		withRegistry.withPropertyValues("genai.tracing.metrics.agents=true")
			.run((context) -> assertThat(context).hasSingleBean(GenAiAgentMetrics.class));
		withRegistry.withPropertyValues("genai.tracing.metrics.agents=false", "genai.tracing.semconv.mode=dup")
			.run((context) -> assertThat(context).doesNotHaveBean(GenAiAgentMetrics.class));
	}

	@Test
	void userRegistryOfTracedMethodsAndUserAdvisorWin() {
		TracedMethodRegistry registry = new TracedMethodRegistry(new AgentDefaults(null, null, null, "x"), null);
		AgentInvokeAdvisor advisor = new AgentInvokeAdvisor(new SpanLifecycle(OpenTelemetry.noop(), List.of(), null),
				ContentPolicy.disabled(), registry);
		this.contextRunner.withBean(TracedMethodRegistry.class, () -> registry)
			.withBean("customAgentInvokeAdvisor", AgentInvokeAdvisor.class, () -> advisor)
			.run((context) -> {
				assertThat(context.getBean(TracedMethodRegistry.class)).isSameAs(registry);
				assertThat(context).getBean(AgentInvokeAdvisor.class).isSameAs(advisor);
				assertThat(context).hasSingleBean(ToolCallAdvisor.class);
			});
	}

	@Test
	void advisorsAreInfrastructureAndLeaveTheLifecycleToEveryBeanPostProcessor() {
		// the auto-proxy creator makes advisors early, while later post-processors are made:
		// the advisors take the lifecycle on the first traced call, so it is made as usual
		this.contextRunner.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class))
			.withBean(SeenBeans.class, SeenBeans::new)
			.run((context) -> {
				assertThat(context.getBeanFactory().getBeanDefinition("agentInvokeAdvisor").getRole())
					.isEqualTo(BeanDefinition.ROLE_INFRASTRUCTURE);
				assertThat(context.getBeanFactory().getBeanDefinition("toolCallAdvisor").getRole())
					.isEqualTo(BeanDefinition.ROLE_INFRASTRUCTURE);
				assertThat(context.getBean(SeenBeans.class).types).contains(SpanLifecycle.class, ContentPolicy.class,
						TracedMethodRegistry.class);
			});
	}

	@Test
	void springBootsSpanExportersReadEachSpansAttributesOnce() {
		exportingContextRunner().run((context) -> {
			assertThat(context).hasNotFailed();
			List<SpanExporter> exporters = context.getBean(SpanExporters.class).list();
			assertThat(exporters).singleElement().isInstanceOfSatisfying(AttributesOnceSpanExporter.class,
					(exporter) -> assertThat(exporter.delegate()).isSameAs(context.getBean("testSpanExporter")));
		});
	}

	@Test
	void springBootsSpanExportersAreLeftAsTheyAreWhenReadingAttributesOnceIsOff() {
		exportingContextRunner().withPropertyValues("genai.tracing.export.read-attributes-once=false")
			.run((context) -> assertThat(context.getBean(SpanExporters.class).list()).singleElement()
				.isSameAs(context.getBean("testSpanExporter")));
	}

	@Test
	void springBootsSpanExportersAreLeftAsTheyAreWhenTracingIsOff() {
		exportingContextRunner().withPropertyValues("genai.tracing.enabled=false")
			.run((context) -> assertThat(context.getBean(SpanExporters.class).list()).singleElement()
				.isSameAs(context.getBean("testSpanExporter")));
	}

	private static ApplicationContextRunner exportingContextRunner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(OpenTelemetrySdkAutoConfiguration.class,
					OpenTelemetryTracingAutoConfiguration.class, GenAiTracingAutoConfiguration.class))
			.withBean("testSpanExporter", SpanExporter.class, InMemorySpanExporter::create);
	}

	/**
	 * A bean post-processor registered after the auto-proxy creator, recording the types
	 * of the beans it processes.
	 */
	static class SeenBeans implements BeanPostProcessor {

		final Set<Class<?>> types = ConcurrentHashMap.newKeySet();

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			this.types.add(bean.getClass());
			return bean;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomPolicyConfiguration {

		@Bean
		ContentPolicy customContentPolicy() {
			return ContentPolicy.disabled();
		}

	}

}
