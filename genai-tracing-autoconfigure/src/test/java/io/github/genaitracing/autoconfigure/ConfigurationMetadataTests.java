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

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the configuration metadata generated from {@link GenAiTracingProperties} and
 * for docs/configuration.md, which must list every property.
 */
class ConfigurationMetadataTests {

	private List<JsonNode> genAiProperties() throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("generated metadata").isNotNull();
			JsonNode metadata = JsonMapper.builder().build().readTree(in);
			List<JsonNode> properties = new ArrayList<>();
			metadata.path("properties").forEach((property) -> {
				if (property.path("name").asString().startsWith("genai.tracing.")) {
					properties.add(property);
				}
			});
			return properties;
		}
	}

	@Test
	void everyPropertyHasADescription() throws Exception {
		List<JsonNode> properties = genAiProperties();
		assertThat(properties).hasSizeGreaterThan(10);
		assertThat(properties).allSatisfy((property) -> assertThat(property.path("description").asString())
			.as(property.path("name").asString())
			.isNotBlank());
	}

	@Test
	void everyPropertyIsDocumented() throws Exception {
		Path docs = Path.of("..", "docs", "configuration.md");
		String text = Files.readString(docs);
		assertThat(genAiProperties()).allSatisfy((property) -> assertThat(text)
			.as("docs/configuration.md lists " + property.path("name").asString())
			.contains("`" + property.path("name").asString() + "`"));
	}

}
