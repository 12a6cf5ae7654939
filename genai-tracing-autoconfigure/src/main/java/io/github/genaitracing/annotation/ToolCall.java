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
 * Marks a method as a tool execution, traced as an {@code execute_tool {name}} span.
 *
 * @since 0.1.0
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Reflective(TracedMethodReflectiveProcessor.class)
public @interface ToolCall {

	/**
	 * Tool name; when empty, the method name.
	 * @return the tool name
	 */
	String name() default "";

	/**
	 * Tool description ({@code gen_ai.tool.description}).
	 * @return the tool description
	 */
	String description() default "";

	/**
	 * Tool type ({@code gen_ai.tool.type}): {@code function}, {@code extension} or
	 * {@code datastore}.
	 * @return the tool type
	 */
	String type() default "function";

}
