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

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelSpan;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.server.observation.ServerRequestObservationContext;

import io.github.genaitracing.observation.InfrastructureRequests;
import io.github.genaitracing.observation.UntracedObservationHandler;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that keeps actuator requests, the
 * trace view and agent card GETs of servlet applications out of the trace (their
 * Micrometer HTTP server observation makes no span, and nothing inside it is sampled),
 * while their HTTP metrics stay. {@code genai.tracing.infrastructure-spans=true} keeps
 * them.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = GenAiTracingAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ ServerRequestObservationContext.class, TracingObservationHandler.class, OtelSpan.class })
@ConditionalOnBean(Tracer.class)
@ConditionalOnBooleanProperty(name = GenAiTracingProperties.PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = GenAiTracingProperties.PREFIX + ".infrastructure-spans", havingValue = false,
		matchIfMissing = true)
public final class InfrastructureSpansAutoConfiguration {

	@Bean
	@Order(SpringAiTracingAutoConfiguration.CHAT_MODEL_HANDLER_ORDER)
	UntracedObservationHandler genAiInfrastructureRequestsObservationHandler(Tracer tracer, Environment environment) {
		String actuator = environment.getProperty("management.endpoints.web.base-path", "/actuator");
		String view = environment.getProperty(GenAiTracingProperties.PREFIX + ".view.path", "/genai-tracing");
		return new UntracedObservationHandler(tracer, new InfrastructureRequests(List.of(actuator, view)),
				UntracedObservationHandler.Mode.UNSAMPLED);
	}

}
