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

/**
 * The public extension points of GenAI tracing: the operation types a span describes
 * ({@link io.github.genaitracing.spi.GenAiOperation} and its kinds), attribute
 * vocabularies ({@link io.github.genaitracing.spi.SpanVocabulary}), content redactors
 * ({@link io.github.genaitracing.spi.ContentRedactor},
 * {@link io.github.genaitracing.spi.SensitiveKeyRule}), span listeners
 * ({@link io.github.genaitracing.spi.OperationListener}) and the views they receive.
 * Everything outside this package, {@code annotation}, {@code semconv},
 * {@code context} and {@code autoconfigure} is internal.
 */
@NullMarked
package io.github.genaitracing.spi;

import org.jspecify.annotations.NullMarked;
