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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.content.RegexContentRedactor;
import io.github.genaitracing.content.SensitiveKeys;
import io.github.genaitracing.context.ConversationIdMdc;
import io.github.genaitracing.context.OpenTelemetryContextAccessor;
import io.github.genaitracing.core.AgentDefaults;
import io.github.genaitracing.core.CostAccounting;
import io.github.genaitracing.core.ScopeListener;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.cost.ModelPrice;
import io.github.genaitracing.cost.ModelPrices;
import io.github.genaitracing.metrics.GenAiAgentMetrics;
import io.github.genaitracing.metrics.GenAiClientMetrics;
import io.github.genaitracing.metrics.GenAiPrometheusUnits;
import io.github.genaitracing.observation.ObservationScopeDetacher;
import io.github.genaitracing.semconv.GenAiProviders;
import io.github.genaitracing.semconv.SemconvMode;
import io.github.genaitracing.spi.ContentRedactor;
import io.github.genaitracing.spi.OperationListener;
import io.github.genaitracing.spi.SensitiveKeyRule;
import io.github.genaitracing.spi.SpanVocabulary;
import io.github.genaitracing.vocabulary.GenAiVocabulary;
import io.github.genaitracing.vocabulary.MlflowVocabulary;
import io.github.genaitracing.vocabulary.OpenInferenceVocabulary;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the core of GenAI tracing: the
 * content policy, the vocabularies and the span writer.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration" })
@ConditionalOnClass(OpenTelemetry.class)
@ConditionalOnBean(OpenTelemetry.class)
@ConditionalOnBooleanProperty(name = GenAiTracingProperties.PREFIX + ".enabled", matchIfMissing = true)
@EnableConfigurationProperties(GenAiTracingProperties.class)
public final class GenAiTracingAutoConfiguration {

	private static final Log logger = LogFactory.getLog(GenAiTracingAutoConfiguration.class);

	private static final String OBSERVATION_REGISTRY = "io.micrometer.observation.ObservationRegistry";

	private static final String MDC = "org.slf4j.MDC";

	private static final String CORRELATION_PREFIX = "management.tracing.baggage.correlation";

	@Bean
	@ConditionalOnMissingBean
	ContentPolicy genAiContentPolicy(GenAiTracingProperties properties, Environment environment,
			ObjectProvider<ContentRedactor> redactors, ObjectProvider<SensitiveKeyRule> keyRules) {
		CaptureMode mode = captureMode(properties, environment);
		if (mode == CaptureMode.NONE) {
			return ContentPolicy.disabled();
		}
		logger.warn("GenAI content capture is on (" + mode.name().toLowerCase(java.util.Locale.ROOT)
				+ "): prompts, responses and tool arguments are recorded "
				+ (mode.onSpans() ? (mode.inEvents() ? "on spans and in events" : "on spans") : "in events")
				+ ", redacted and cut at "
				+ properties.getContent().getMaxLength() + " characters; they may contain sensitive data");
		List<ContentRedactor> all = new ArrayList<>();
		GenAiTracingProperties.Redact redact = properties.getContent().getRedact();
		all.add(RegexContentRedactor.of(redact.isDefaults(), redact.getPatterns(), redact.getReplacement()));
		redactors.orderedStream().forEach(all::add);
		SensitiveKeys keys = SensitiveKeys.of(redact.isDefaults(), redact.getKeys(), keyRules.orderedStream().toList());
		return new ContentPolicy(mode, properties.getContent().getMaxLength(), all, keys, redact.getReplacement());
	}

	@Bean
	@ConditionalOnMissingBean
	SpanLifecycle genAiSpanLifecycle(OpenTelemetry openTelemetry, GenAiTracingProperties properties,
			ObjectProvider<SpanVocabulary> userVocabularies, ObjectProvider<OperationListener> listeners,
			ApplicationContext applicationContext) {
		List<SpanVocabulary> vocabularies = new ArrayList<>();
		if (properties.getSemconv().isEnabled()) {
			vocabularies.add(new GenAiVocabulary(semconvMode(properties, applicationContext.getEnvironment())));
		}
		if (properties.getOpeninference().isEnabled()) {
			vocabularies.add(new OpenInferenceVocabulary());
		}
		if (properties.getMlflow().isEnabled()) {
			vocabularies.add(new MlflowVocabulary());
		}
		userVocabularies.orderedStream().forEach(vocabularies::add);
		String conversationIdKey = properties.getBaggage().getConversationIdKey();
		return new SpanLifecycle(openTelemetry, vocabularies, conversationIdKey, scopeListener(applicationContext),
				listeners.orderedStream().toList(), costAccounting(properties.getCost()),
				conversationIdOutOfLogContext(conversationIdKey, applicationContext));
	}

	/**
	 * Whether the conversation id's baggage entry stays out of the logging MDC: it is not
	 * one of Spring Boot's log correlation fields
	 * ({@code management.tracing.baggage.correlation.fields}).
	 */
	static boolean conversationIdOutOfLogContext(@Nullable String conversationIdKey,
			ApplicationContext applicationContext) {
		if (conversationIdKey == null || conversationIdKey.isBlank()) {
			return false;
		}
		Binder binder = Binder.get(applicationContext.getEnvironment());
		boolean correlation = binder.bind(CORRELATION_PREFIX + ".enabled", Boolean.class).orElse(true);
		List<String> fields = binder.bind(CORRELATION_PREFIX + ".fields", Bindable.listOf(String.class))
			.orElse(List.of());
		return !correlation || fields.stream().noneMatch(conversationIdKey::equalsIgnoreCase);
	}

	/**
	 * The price table and run totals from {@code genai.tracing.cost.*}: the bundled table
	 * unless turned off, with the configured prices winning.
	 */
	static CostAccounting costAccounting(GenAiTracingProperties.Cost cost) {
		if (!cost.isEnabled() && !cost.isRunTotals()) {
			return CostAccounting.NONE;
		}
		Map<String, ModelPrice> configured = new LinkedHashMap<>();
		cost.getPrices()
			.forEach((model, price) -> configured.put(model, new ModelPrice(price.getInput(), price.getOutput(),
					price.getCachedInput(), price.getCacheWriteInput(), price.getCurrency())));
		ModelPrices prices = (cost.isDefaults() ? ModelPrices.defaults() : ModelPrices.empty()).with(configured);
		return new CostAccounting(prices, cost.isEnabled(), cost.isRunTotals());
	}

	private static ScopeListener scopeListener(ApplicationContext applicationContext) {
		ClassLoader classLoader = GenAiTracingAutoConfiguration.class.getClassLoader();
		List<ScopeListener> listeners = new ArrayList<>();
		if (ClassUtils.isPresent(OBSERVATION_REGISTRY, classLoader)) {
			listeners.add(Observations.scopeListener(applicationContext));
		}
		if (ClassUtils.isPresent(MDC, classLoader)) {
			listeners.add(new ConversationIdMdc());
		}
		return ScopeListener.of(listeners);
	}

	@Bean
	@ConditionalOnMissingBean
	AgentDefaults genAiAgentDefaults(GenAiTracingProperties properties, Environment environment,
			ListableBeanFactory beanFactory) {
		GenAiTracingProperties.Agent agent = properties.getAgent();
		String name = (agent.getName() != null) ? agent.getName() : environment.getProperty("spring.application.name");
		return new AgentDefaults(name, agent.getDescription(), agent.getVersion(),
				providerName(properties, beanFactory));
	}

	static String providerName(GenAiTracingProperties properties) {
		return providerName(properties, null);
	}

	/**
	 * The provider of the agents: the property, else the provider of the one kind of
	 * Spring AI chat model the application has as beans, else of the one kind on the class
	 * path.
	 */
	static String providerName(GenAiTracingProperties properties, @Nullable ListableBeanFactory beanFactory) {
		if (properties.getProviderName() != null && !properties.getProviderName().isBlank()) {
			return properties.getProviderName();
		}
		ClassLoader classLoader = GenAiTracingAutoConfiguration.class.getClassLoader();
		String detected = null;
		if (beanFactory != null) {
			detected = GenAiProviders.detectSingleChatModel((className) -> hasBean(beanFactory, className, classLoader));
		}
		if (detected == null) {
			detected = GenAiProviders.detectSingleChatModel(classLoader);
		}
		return (detected != null) ? detected : GenAiProviders.UNKNOWN;
	}

	private static boolean hasBean(ListableBeanFactory beanFactory, String className, ClassLoader classLoader) {
		if (!ClassUtils.isPresent(className, classLoader)) {
			return false;
		}
		try {
			Class<?> type = ClassUtils.forName(className, classLoader);
			return beanFactory.getBeanNamesForType(type, true, false).length > 0;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	/**
	 * The semantic-convention names to emit: the property, else OpenTelemetry's
	 * stability opt-in, else v1.41.
	 */
	static SemconvMode semconvMode(GenAiTracingProperties properties, Environment environment) {
		return semconvMode(properties.getSemconv().getMode(), environment);
	}

	/**
	 * The semantic-convention names to emit: the configured mode, else OpenTelemetry's
	 * stability opt-in, else v1.41.
	 */
	static SemconvMode semconvMode(@Nullable SemconvMode configured, Environment environment) {
		if (configured != null) {
			return configured;
		}
		SemconvMode fromEnvironment = SemconvMode
			.fromOptIn(environment.getProperty(SemconvMode.ENVIRONMENT_VARIABLE));
		if (fromEnvironment == null) {
			fromEnvironment = SemconvMode.fromOptIn(environment.getProperty(SemconvMode.SYSTEM_PROPERTY));
		}
		return (fromEnvironment != null) ? fromEnvironment : SemconvMode.V1_41;
	}

	static CaptureMode captureMode(GenAiTracingProperties properties, Environment environment) {
		if (properties.getCaptureContent() != null) {
			return properties.getCaptureContent();
		}
		CaptureMode fromEnvironment = CaptureMode
			.fromEnvironmentValue(environment.getProperty(CaptureMode.ENVIRONMENT_VARIABLE));
		if (fromEnvironment == null) {
			fromEnvironment = CaptureMode.fromEnvironmentValue(environment.getProperty(CaptureMode.SYSTEM_PROPERTY));
		}
		return (fromEnvironment != null) ? fromEnvironment : CaptureMode.NONE;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	@ConditionalOnBooleanProperty(name = GenAiTracingProperties.PREFIX + ".metrics.enabled", matchIfMissing = true)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		GenAiClientMetrics genAiClientMetrics(MeterRegistry meterRegistry, GenAiTracingProperties properties,
				Environment environment) {
			return new GenAiClientMetrics(meterRegistry, semconvMode(properties, environment));
		}

		@Bean
		@ConditionalOnMissingBean
		@Conditional(OnAgentMetricsCondition.class)
		GenAiAgentMetrics genAiAgentMetrics(MeterRegistry meterRegistry) {
			return new GenAiAgentMetrics(meterRegistry);
		}

		/**
		 * Spring AI records {@code gen_ai.client.token.usage} as a counter; the conventions
		 * (and {@link GenAiClientMetrics}) make it a histogram, and one name cannot be
		 * both in most registries, so the counter gives way.
		 */
		@Bean
		MeterFilter genAiTokenUsageCounterFilter() {
			return MeterFilter.deny((id) -> GenAiClientMetrics.TOKEN_USAGE.equals(id.getName())
					&& id.getType() == Meter.Type.COUNTER);
		}

	}

	/**
	 * Prometheus names carry the unit: the GenAI meters get Prometheus base units there
	 * only ({@code _seconds}, no {@code _token_}), OTLP keeps the conventions' units.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ PrometheusMeterRegistry.class, MeterRegistryCustomizer.class })
	@ConditionalOnBooleanProperty(name = GenAiTracingProperties.PREFIX + ".metrics.enabled", matchIfMissing = true)
	static class PrometheusUnitsConfiguration {

		@Bean
		MeterRegistryCustomizer<PrometheusMeterRegistry> genAiPrometheusUnitsCustomizer() {
			return (registry) -> registry.config().meterFilter(new GenAiPrometheusUnits());
		}

	}

	/**
	 * Spring Boot's span exporters read each span's attributes once
	 * ({@code genai.tracing.export.read-attributes-once}).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters")
	@ConditionalOnBooleanProperty(name = GenAiTracingProperties.PREFIX + ".export.read-attributes-once",
			matchIfMissing = true)
	static class AttributesOnceExportConfiguration {

		@Bean
		static AttributesOnceExportPostProcessor genAiAttributesOnceExportPostProcessor() {
			return new AttributesOnceExportPostProcessor();
		}

	}

	/**
	 * Carries the OpenTelemetry context, and so the current GenAI span, across the thread
	 * hand-offs that use Micrometer's context propagation.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.context.ContextRegistry")
	static class ContextPropagationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OpenTelemetryContextAccessor genAiOpenTelemetryContextAccessor() {
			OpenTelemetryContextAccessor.register();
			return new OpenTelemetryContextAccessor();
		}

	}

	/**
	 * Kept apart so that Micrometer's observation API is only loaded when present.
	 */
	private static final class Observations {

		static ScopeListener scopeListener(ApplicationContext applicationContext) {
			ObjectProvider<ObservationRegistry> registry = applicationContext.getBeanProvider(ObservationRegistry.class);
			return new ObservationScopeDetacher(registry::getIfAvailable);
		}

	}

}
