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

package io.github.genaitracing.a2a;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link A2aPaths}: which requests may be A2A, and a decision made once per
 * request for the observation handler and the filter.
 */
class A2aPathsTests {

	private final A2aPaths paths = new A2aPaths(List.of("/a2a/**"), List.of("/a2a/admin"));

	@Test
	void aJsonPostOnAnA2aPathMayBeA2aInAnySpellingOfItsContentType() {
		for (String contentType : List.of("application/json", "application/json;charset=UTF-8", "APPLICATION/JSON",
				"application/vnd.a2a+json", "text/x-Json")) {
			assertThat(this.paths.mayBeA2a(post("/a2a", contentType))).as(contentType).isTrue();
		}
		assertThat(this.paths.mayBeA2a(post("/a2a", null))).isTrue();
		assertThat(this.paths.mayBeA2a(post("/a2a", "text/plain"))).isFalse();
		assertThat(this.paths.mayBeA2a(post("/a2a/admin", "application/json"))).isFalse();
		assertThat(this.paths.mayBeA2a(post("/other", "application/json"))).isFalse();
	}

	@Test
	void aDecisionMadeByPathsWithTheSamePatternsIsReused() {
		A2aPaths handlers = new A2aPaths(List.of("/a2a/**"), List.of("/a2a/admin"));
		MockHttpServletRequest request = post("/a2a", "application/json");

		A2aPaths.Decision decided = handlers.decide(request);
		// a decision is about its request: another request's reaches the filter only if reused
		MockHttpServletRequest other = post("/other", "application/json");

		assertThat(decided.mayBeA2a()).isTrue();
		assertThat(this.paths.mayBeA2a(other, decided)).isTrue();
		assertThat(this.paths.mayBeA2a(other, handlers.decide(other))).isFalse();
	}

	@Test
	void aDecisionMadeByOtherPatternsOrAFailedOneIsDecidedAgain() {
		A2aPaths elsewhere = new A2aPaths(List.of("/other"), List.of());
		MockHttpServletRequest request = post("/a2a", "application/json");

		assertThat(this.paths.mayBeA2a(request, elsewhere.decide(request))).isTrue();
		assertThat(this.paths.mayBeA2a(request, A2aPaths.Decision.FAILED)).isTrue();
		assertThat(this.paths.mayBeA2a(request, "not a decision")).isTrue();
		assertThat(this.paths.mayBeA2a(request, null)).isTrue();
	}

	private static MockHttpServletRequest post(String path, String contentType) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		if (contentType != null) {
			request.setContentType(contentType);
		}
		return request;
	}

}
