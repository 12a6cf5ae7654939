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

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.annotation.ReflectiveRuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.SpringFactoriesLoader;

import io.github.genaitracing.actuate.GenAiTracingEndpoint;
import io.github.genaitracing.actuate.RecordedSpan;
import io.github.genaitracing.annotation.AgentInvoke;
import io.github.genaitracing.annotation.ToolCall;
import io.github.genaitracing.semconv.GenAiProviders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GenAiTracingRuntimeHints}: what an AOT-processed application (and a
 * native image built from it) needs from genai-tracing is registered, through
 * {@code META-INF/spring/aot.factories} as Spring's AOT processing loads it.
 */
class GenAiTracingRuntimeHintsTests {

	private final RuntimeHints hints = registeredThroughAotFactories();

	@Test
	void isRegisteredInAotFactories() {
		List<RuntimeHintsRegistrar> registrars = SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class);
		assertThat(registrars).hasAtLeastOneElementOfType(GenAiTracingRuntimeHints.class);
	}

	@Test
	void coversEveryFileOfTheTraceViewAndAnyFileAddedBesideIt() throws IOException {
		List<String> shipped = new ArrayList<>();
		for (Resource resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:META-INF/genai-tracing/**/*.*")) {
			String url = resource.getURL().toString();
			shipped.add(url.substring(url.lastIndexOf("META-INF/genai-tracing/")));
		}
		assertThat(shipped).contains("META-INF/genai-tracing/trace-view.html");
		assertThat(shipped).allSatisfy((path) -> assertThat(RuntimeHintsPredicates.resource().forResource(path))
			.as("resource hint for %s", path)
			.accepts(this.hints));
		assertThat(RuntimeHintsPredicates.resource().forResource("META-INF/genai-tracing/prices/models.json"))
			.accepts(this.hints);
	}

	@Test
	void registersNoResourceOutsideItsOwnFolder() {
		RuntimeHints own = new RuntimeHints();
		new GenAiTracingRuntimeHints().registerHints(own, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.resource().forResource("META-INF/other/trace-view.html")).rejects(own);
		assertThat(RuntimeHintsPredicates.resource().forResource("application.yml")).rejects(own);
	}

	@Test
	void bindsTheTracingPropertiesAndTheirNestedGroups() {
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(GenAiTracingProperties.class,
				"setCaptureContent"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(GenAiTracingProperties.class, "getA2a"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(GenAiTracingProperties.A2a.class, "setFilterOrder")).accepts(this.hints);
	}

	@Test
	void letsTheEndpointRunAndWriteItsResponses() {
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(GenAiTracingEndpoint.class, "overview"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(GenAiTracingEndpoint.class, "trace"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(RecordedSpan.class, "parentSpanId"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(GenAiTracingEndpoint.Overview.class, "recentTracesCapacity")).accepts(this.hints);
	}

	@Test
	void findsTheChatModelClassesThatDetectTheProvider() {
		assertThat(GenAiProviders.chatModelClassNames()).contains("org.springframework.ai.openai.OpenAiChatModel");
		assertThat(GenAiProviders.chatModelClassNames()).allSatisfy((className) -> assertThat(
				RuntimeHintsPredicates.reflection().onType(TypeReference.of(className)))
			.accepts(this.hints));
	}

	@Test
	void registersTheApplicationsAnnotatedMethodsThroughTheAnnotations() {
		RuntimeHints beans = new RuntimeHints();
		new ReflectiveRuntimeHintsRegistrar().registerRuntimeHints(beans, Assistant.class, WholeAgent.class);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Assistant.class, "ask")).accepts(beans);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Assistant.class, "forecast"))
			.accepts(beans);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Assistant.class, "untraced"))
			.rejects(beans);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(WholeAgent.class, "plan")).accepts(beans);
	}

	private static RuntimeHints registeredThroughAotFactories() {
		RuntimeHints hints = new RuntimeHints();
		ClassLoader classLoader = GenAiTracingRuntimeHintsTests.class.getClassLoader();
		SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories", classLoader)
			.load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(hints, classLoader));
		return hints;
	}

	static class Assistant {

		@AgentInvoke(name = "assistant")
		public String ask(String question) {
			return question;
		}

		@ToolCall(name = "forecast")
		public String forecast(String city) {
			return city;
		}

		public String untraced() {
			return "";
		}

	}

	@AgentInvoke(name = "whole")
	static class WholeAgent {

		public String plan(String goal) {
			return goal;
		}

	}

}
