package io.github.genaitracing.autoconfigure;

import java.util.Map;

import io.opentelemetry.api.OpenTelemetry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

import io.github.genaitracing.a2a.A2aClientTracingInterceptor;
import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.span.GenAiSpans;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for tracing calls to remote A2A
 * agents made with {@link RestClient}s built from the application's
 * {@code RestClient.Builder}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = GenAiTracingAutoConfiguration.class)
@ConditionalOnClass({ RestClient.class, RestClientCustomizer.class })
@ConditionalOnBean(GenAiSpans.class)
@ConditionalOnBooleanProperty(name = GenAiTracingProperties.PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = GenAiTracingProperties.PREFIX + ".a2a.client.enabled", matchIfMissing = true)
public final class A2aClientTracingAutoConfiguration {

	@Bean
	RestClientCustomizer genAiA2aClientTracingCustomizer(GenAiSpans spans, ContentPolicy contentPolicy,
			OpenTelemetry openTelemetry, GenAiTracingProperties properties) {
		GenAiTracingProperties.A2a a2a = properties.getA2a();
		A2aClientTracingInterceptor interceptor = new A2aClientTracingInterceptor(spans, contentPolicy, openTelemetry,
				new A2aClientTracingInterceptor.Settings(Map.copyOf(a2a.getClient().getAgentNames()),
						a2a.getMaxBodySize().toBytes(),
						(int) Math.min(Integer.MAX_VALUE, a2a.getMaxResponseSize().toBytes())));
		return (builder) -> builder.requestInterceptor(interceptor);
	}

}
