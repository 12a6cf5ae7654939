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

package io.github.genaitracing.core;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageEntryMetadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SameSpanScopes}: a run's context is quiet (no scope events for Spring
 * Boot's MDC listeners) only when its baggage differs from the current one in the quiet
 * entry alone.
 */
class SameSpanScopesTests {

	private static final String KEY = "gen_ai.conversation.id";

	@Test
	void baggageThatOnlyAddsOrChangesTheQuietEntryIsTheSame() {
		Baggage none = Baggage.empty();
		Baggage tenant = Baggage.builder().put("tenant", "acme").build();
		assertThat(SameSpanScopes.sameBut(none, Baggage.builder().put(KEY, "ctx-1").build(), KEY)).isTrue();
		assertThat(SameSpanScopes.sameBut(tenant, tenant.toBuilder().put(KEY, "ctx-1").build(), KEY)).isTrue();
		assertThat(SameSpanScopes.sameBut(tenant.toBuilder().put(KEY, "ctx-0").build(),
				tenant.toBuilder().put(KEY, "ctx-1").build(), KEY))
			.isTrue();
	}

	@Test
	void baggageThatDiffersInAnyOtherEntryIsNotTheSame() {
		Baggage tenant = Baggage.builder().put("tenant", "acme").build();
		assertThat(SameSpanScopes.sameBut(tenant, Baggage.builder().put(KEY, "ctx-1").build(), KEY)).isFalse();
		assertThat(SameSpanScopes.sameBut(tenant, Baggage.builder().put("tenant", "other").put(KEY, "c").build(), KEY))
			.isFalse();
		assertThat(SameSpanScopes.sameBut(tenant,
				Baggage.builder().put("tenant", "acme", BaggageEntryMetadata.create("p")).put(KEY, "c").build(), KEY))
			.isFalse();
		assertThat(SameSpanScopes.sameBut(tenant, tenant.toBuilder().put("user", "u").build(), KEY)).isFalse();
	}

	@Test
	void withoutAQuietKeyOnlyTheSameBaggageIsTheSame() {
		Baggage tenant = Baggage.builder().put("tenant", "acme").build();
		assertThat(SameSpanScopes.sameBut(tenant, tenant, null)).isTrue();
		assertThat(SameSpanScopes.sameBut(tenant, tenant.toBuilder().put(KEY, "ctx-1").build(), null)).isFalse();
	}

}
