/**
 * What a model call cost: a price table per model (bundled defaults and configured prices)
 * and the cost of a call's token usage.
 */
@NullMarked
package io.github.genaitracing.cost;

import org.jspecify.annotations.NullMarked;
