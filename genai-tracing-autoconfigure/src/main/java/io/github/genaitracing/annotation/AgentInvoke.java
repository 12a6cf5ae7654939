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

package io.github.genaitracing.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.aot.hint.annotation.Reflective;

/**
 * Marks a method (or, on a type, each of its public methods) as an agent invocation,
 * traced as an {@code invoke_agent {name}} span.
 *
 * @since 0.1.0
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Reflective(TracedMethodReflectiveProcessor.class)
public @interface AgentInvoke {

	/**
	 * Agent name; when empty, {@code genai.tracing.agent.name}, then
	 * {@code spring.application.name}, then the simple name of the declaring class.
	 * @return the agent name
	 */
	String name() default "";

	/**
	 * Agent description ({@code gen_ai.agent.description}); empty for the configured
	 * default.
	 * @return the agent description
	 */
	String description() default "";

	/**
	 * Agent version ({@code gen_ai.agent.version}); empty for the configured default.
	 * @return the agent version
	 */
	String version() default "";

	/**
	 * Agent id ({@code gen_ai.agent.id}); empty when not applicable.
	 * @return the agent id
	 */
	String id() default "";

}
