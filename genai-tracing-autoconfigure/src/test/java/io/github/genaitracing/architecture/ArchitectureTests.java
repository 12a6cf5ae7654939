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

package io.github.genaitracing.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameStartingWith;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The architecture the docs promise: the public SPI shows no internals, one class ends
 * every span, and each vocabulary is the only writer of its keys.
 */
class ArchitectureTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.genaitracing");

	@Test
	void publicSpiDependsOnlyOnItselfTheConventionsAndTheOpenTelemetryApi() {
		classes().that()
			.resideInAPackage("io.github.genaitracing.spi..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("io.github.genaitracing.spi..", "io.github.genaitracing.semconv..", "java..",
					"org.jspecify..", "io.opentelemetry.api..")
			.check(MAIN);
	}

	@Test
	void onlyTheSpanLifecycleStartsAndEndsSpans() {
		noClasses().that()
			.resideOutsideOfPackage("io.github.genaitracing.core..")
			.should()
			.callMethod(Span.class, "end")
			.orShould()
			.callMethod(SpanBuilder.class, "startSpan")
			.orShould()
			.callMethodWhere(target(
					name("setStatus"))
				.and(target(
						com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With
							.owner(assignableTo(Span.class)))))
			.check(MAIN);
	}

	@Test
	void onlyVocabulariesAndTheLifecycleWriteAttributesOnSpans() {
		noClasses().that()
			.resideOutsideOfPackages("io.github.genaitracing.core..", "io.github.genaitracing.vocabulary..",
					"io.github.genaitracing.spi..")
			.should()
			.callMethodWhere(target(
					nameStartingWith("setAttribute")
						.or(name("setAllAttributes")))
				.and(target(
						owner(
								assignableTo(Span.class)
									.or(assignableTo(SpanBuilder.class))))))
			.check(MAIN);
	}

	@Test
	void openInferenceAndMlflowKeysAreUsedOnlyByTheirVocabularies() {
		noClasses().that()
			.resideOutsideOfPackages("io.github.genaitracing.vocabulary..", "io.github.genaitracing.semconv..")
			.should()
			.accessClassesThat()
			.haveFullyQualifiedName("io.github.genaitracing.semconv.OpenInferenceAttributes")
			.orShould()
			.accessClassesThat()
			.haveFullyQualifiedName("io.github.genaitracing.semconv.MlflowAttributes")
			.check(MAIN);
	}

	@Test
	void internalsDoNotDependOnTheActuatorEndpoint() {
		noClasses().that()
			.resideInAnyPackage("io.github.genaitracing.core..", "io.github.genaitracing.spi..",
					"io.github.genaitracing.vocabulary..", "io.github.genaitracing.content..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.github.genaitracing.actuate..", "io.github.genaitracing.a2a..",
					"io.github.genaitracing.springai..", "io.github.genaitracing.aop..")
			.check(MAIN);
	}

}
