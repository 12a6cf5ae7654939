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

package io.github.genaitracing.springai;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the endpoint of an HTTP client observation is read from its key values, for the
 * conventions the end-to-end tests do not reach (OTel-style {@code server.*},
 * {@code url.full}, unknown values).
 */
class ModelEndpointObservationHandlerTests {

	private static Observation.Context context(KeyValue... lowCardinality) {
		Observation.Context context = new Observation.Context();
		for (KeyValue keyValue : lowCardinality) {
			context.addLowCardinalityKeyValue(keyValue);
		}
		return context;
	}

	@Test
	void readsServerAddressAndPortFirst() {
		Observation.Context context = context(KeyValue.of("server.address", "api.example.com"),
				KeyValue.of("server.port", "8443"), KeyValue.of("target.host", "other.example.com"));
		assertThat(ModelEndpointObservationHandler.endpoint(context))
			.isEqualTo(new ModelEndpointObservationHandler.Endpoint("api.example.com", 8443L));
	}

	@Test
	void takesTheSchemesDefaultPortWhenNoneIsGiven() {
		Observation.Context context = context(KeyValue.of("target.host", "api.anthropic.com"),
				KeyValue.of("target.scheme", "https"));
		assertThat(ModelEndpointObservationHandler.endpoint(context))
			.isEqualTo(new ModelEndpointObservationHandler.Endpoint("api.anthropic.com", 443L));
	}

	@Test
	void parsesTheFullUrlOfAHighCardinalityKeyValue() {
		Observation.Context context = new Observation.Context();
		context.addHighCardinalityKeyValue(KeyValue.of("url.full", "http://10.0.0.7/api/chat?x=1"));
		assertThat(ModelEndpointObservationHandler.endpoint(context))
			.isEqualTo(new ModelEndpointObservationHandler.Endpoint("10.0.0.7", 80L));
	}

	@Test
	void ignoresUnknownValues() {
		Observation.Context context = context(KeyValue.of("target.host", KeyValue.NONE_VALUE),
				KeyValue.of("http.url", "UNKNOWN"));
		assertThat(ModelEndpointObservationHandler.endpoint(context)).isNull();
	}

}
