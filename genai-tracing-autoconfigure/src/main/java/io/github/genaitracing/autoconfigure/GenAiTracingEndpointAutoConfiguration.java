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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.opentelemetry.sdk.trace.SpanProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import io.github.genaitracing.a2a.A2aBufferedBytes;
import io.github.genaitracing.a2a.A2aClientCallTracer;
import io.github.genaitracing.actuate.ExporterHealth;
import io.github.genaitracing.actuate.GenAiSpanRecorder;
import io.github.genaitracing.actuate.GenAiTraceView;
import io.github.genaitracing.actuate.GenAiTracingEndpoint;
import io.github.genaitracing.actuate.GenAiUsageCounters;
import io.github.genaitracing.actuate.MergedTraces;
import io.github.genaitracing.actuate.RecentGenAiTraces;
import io.github.genaitracing.actuate.SpanExporterHealthPostProcessor;
import io.github.genaitracing.actuate.TracePeers;
import io.github.genaitracing.aop.TracedMethodRegistry;
import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.core.AgentDefaults;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.cost.ModelPrices;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@code genaitracing}
 * actuator endpoint and the local trace view. Nothing is recorded unless the endpoint is
 * available (enabled and exposed).
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = GenAiTracingAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, SpanProcessor.class })
@ConditionalOnBean(SpanLifecycle.class)
@ConditionalOnBooleanProperty(name = GenAiTracingProperties.PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnAvailableEndpoint(GenAiTracingEndpoint.class)
public final class GenAiTracingEndpointAutoConfiguration {

	private static final int MAX_COUNTER_NAMES = 200;

	@Bean
	@ConditionalOnMissingBean
	RecentGenAiTraces genAiRecentTraces(GenAiTracingProperties properties) {
		GenAiTracingProperties.RecentTraces recentTraces = properties.getRecentTraces();
		return new RecentGenAiTraces(recentTraces.getSize(), recentTraces.getMaxSpansPerTrace(),
				recentTraces.getMaxBytes().toBytes(), recentTraces.getMaxAttributeLength());
	}

	@Bean
	@ConditionalOnMissingBean
	GenAiUsageCounters genAiUsageCounters() {
		return new GenAiUsageCounters(MAX_COUNTER_NAMES);
	}

	@Bean
	@ConditionalOnMissingBean
	ExporterHealth genAiExporterHealth() {
		return new ExporterHealth();
	}

	@Bean
	static SpanExporterHealthPostProcessor genAiSpanExporterHealthPostProcessor(
			ObjectProvider<ExporterHealth> health) {
		return new SpanExporterHealthPostProcessor(health);
	}

	@Bean
	GenAiSpanRecorder genAiSpanRecorder(RecentGenAiTraces traces, GenAiUsageCounters counters) {
		return new GenAiSpanRecorder(traces, counters);
	}

	@Bean
	@ConditionalOnMissingBean
	GenAiTracingEndpoint genAiTracingEndpoint(GenAiTracingProperties properties, ContentPolicy contentPolicy,
			AgentDefaults agent, ObjectProvider<TracedMethodRegistry> registry, GenAiUsageCounters counters,
			ExporterHealth exporter, RecentGenAiTraces traces, ObjectProvider<A2aBufferedBytes> a2aBufferedBytes) {
		GenAiTracingProperties.A2a a2a = properties.getA2a();
		TracedMethodRegistry.Found none = new TracedMethodRegistry.Found(List.of(), List.of());
		return new GenAiTracingEndpoint(settings(properties, contentPolicy, agent), () -> {
			TracedMethodRegistry methods = registry.getIfAvailable();
			return (methods != null) ? methods.find() : none;
		},
				counters, exporter, traces, a2aBufferedBytes.getIfAvailable(),
				A2aBufferedBytes.requestCap(a2a.getMaxBodySize().toBytes(),
						(int) Math.min(Integer.MAX_VALUE, a2a.getMaxResponseSize().toBytes())));
	}

	/**
	 * The effective settings shown by the endpoint; no secret is among them.
	 */
	static Map<String, Object> settings(GenAiTracingProperties properties, ContentPolicy contentPolicy,
			AgentDefaults agent) {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("captureContent", contentPolicy.mode().name().toLowerCase(Locale.ROOT));
		settings.put("contentMaxLength", contentPolicy.maxLength());
		GenAiTracingProperties.Redact redact = properties.getContent().getRedact();
		settings.put("redaction", Map.of("defaults", redact.isDefaults(), "customPatterns", redact.getPatterns().size()));
		settings.put("vocabularies", Map.of("semconv", properties.getSemconv().isEnabled(), "openinference",
				properties.getOpeninference().isEnabled(), "mlflow", properties.getMlflow().isEnabled()));
		Map<String, Object> agentSettings = new LinkedHashMap<>();
		agentSettings.put("name", agent.name());
		agentSettings.put("version", agent.version());
		agentSettings.put("providerName", agent.providerName());
		settings.put("agent", agentSettings);
		GenAiTracingProperties.A2a a2a = properties.getA2a();
		Map<String, Object> a2aSettings = new LinkedHashMap<>();
		a2aSettings.put("enabled", a2a.isEnabled());
		a2aSettings.put("paths", List.copyOf(a2a.getPaths()));
		a2aSettings.put("excludes", List.copyOf(a2a.getExcludes()));
		a2aSettings.put("parent", a2a.getParent().name().toLowerCase(Locale.ROOT).replace('_', '-'));
		a2aSettings.put("layout", a2a.getLayout().name().toLowerCase(Locale.ROOT).replace('_', '-'));
		a2aSettings.put("userId", a2a.getUserId().name().toLowerCase(Locale.ROOT));
		a2aSettings.put("maxBodySize", a2a.getMaxBodySize().toBytes());
		a2aSettings.put("maxResponseSize", a2a.getMaxResponseSize().toBytes());
		settings.put("a2a", a2aSettings);
		settings.put("metrics", properties.getMetrics().isEnabled());
		settings.put("conversationIdBaggageKey", properties.getBaggage().getConversationIdKey());
		settings.put("recentTraces", Map.of("size", properties.getRecentTraces().getSize(), "maxSpansPerTrace",
				properties.getRecentTraces().getMaxSpansPerTrace(), "maxBytes",
				properties.getRecentTraces().getMaxBytes().toBytes(), "maxAttributeLength",
				properties.getRecentTraces().getMaxAttributeLength()));
		GenAiTracingProperties.Cost cost = properties.getCost();
		Map<String, Object> costSettings = new LinkedHashMap<>();
		costSettings.put("enabled", cost.isEnabled());
		costSettings.put("defaults", cost.isDefaults());
		if (cost.isDefaults()) {
			costSettings.put("defaultPricesTaken", ModelPrices.defaults().defaultsTaken());
		}
		costSettings.put("configuredModels", List.copyOf(cost.getPrices().keySet()));
		costSettings.put("runTotals", cost.isRunTotals());
		settings.put("cost", costSettings);
		settings.put("view", Map.of("peers", properties.getView().getPeers().size(), "calledAgents",
				properties.getView().isCalledAgents()));
		return settings;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(RouterFunction.class)
	@ConditionalOnBooleanProperty(name = GenAiTracingProperties.PREFIX + ".view.enabled", matchIfMissing = true)
	static class TraceViewConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MergedTraces genAiMergedTraces(GenAiTracingProperties properties, RecentGenAiTraces traces,
				ObjectProvider<A2aClientCallTracer> a2aClients, Environment environment) {
			GenAiTracingProperties.View view = properties.getView();
			Supplier<List<String>> called = () -> {
				A2aClientCallTracer tracer = view.isCalledAgents() ? a2aClients.getIfAvailable() : null;
				return (tracer != null) ? tracer.calledAgents().bases() : List.of();
			};
			TracePeers peers = new TracePeers(List.copyOf(view.getPeers()), called, view.getPeerTimeout(),
					view.getPeerMaxSize().toBytes(), properties.getRecentTraces().getMaxSpansPerTrace());
			return new MergedTraces(traces, peers, environment.getProperty("spring.application.name", "application"));
		}

		@Bean
		RouterFunction<ServerResponse> genAiTraceViewRoutes(GenAiTracingProperties properties,
				ObjectProvider<PathMappedEndpoints> endpoints, MergedTraces merged) {
			return new GenAiTraceView(properties.getView().getPath(), () -> {
				PathMappedEndpoints mapped = endpoints.getIfAvailable();
				String path = (mapped != null) ? mapped.getPath(EndpointId.of(GenAiTracingEndpoint.ID)) : null;
				return (path != null) ? path : "/actuator/" + GenAiTracingEndpoint.ID;
			}, merged).routes();
		}

	}

}
