package io.github.genaitracing.aop;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.opentelemetry.context.Context;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;

import io.github.genaitracing.annotation.ToolCall;
import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.core.FailSafe;
import io.github.genaitracing.core.SpanHandle;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.spi.CapturedContent;
import io.github.genaitracing.spi.GenAiOperation;
import io.github.genaitracing.spi.ToolExecution;

/**
 * Traces {@link ToolCall @ToolCall} methods as {@code execute_tool {name}} spans. When the
 * method runs inside a tool span another instrumentation started for the same tool (such
 * as Spring AI's tool calling), it records on that span instead of starting a second.
 *
 * @since 0.1.0
 */
@Aspect
public final class ToolCallAspect {

	private final SpanLifecycle spans;

	private final SpanCompletion completion;

	private final ContentPolicy contentPolicy;

	private final Map<Method, TracedMethod> methods = new ConcurrentHashMap<>();

	/**
	 * Creates the aspect.
	 * @param spans the span writer
	 * @param contentPolicy the content policy
	 */
	public ToolCallAspect(SpanLifecycle spans, ContentPolicy contentPolicy) {
		this.spans = spans;
		this.completion = new SpanCompletion(spans, contentPolicy);
		this.contentPolicy = contentPolicy;
	}

	/**
	 * Runs a tool method inside its span.
	 * @param joinPoint the join point
	 * @return the method's result
	 * @throws Throwable what the method throws
	 */
	@Around("execution(* *(..)) && @annotation(io.github.genaitracing.annotation.ToolCall)")
	public @Nullable Object invoke(ProceedingJoinPoint joinPoint) throws Throwable {
		MethodSignature signature = (MethodSignature) joinPoint.getSignature();
		Class<?> targetClass = (joinPoint.getTarget() != null) ? AopUtils.getTargetClass(joinPoint.getTarget())
				: signature.getDeclaringType();
		TracedMethod cached = this.methods.get(signature.getMethod());
		if (cached == null || cached.targetClass() != targetClass) {
			Method method = AopUtils.getMostSpecificMethod(signature.getMethod(), targetClass);
			cached = TracedMethod.tool(method, targetClass);
			this.methods.put(signature.getMethod(), cached);
		}
		TracedMethod traced = cached;
		Object[] args = joinPoint.getArgs();
		ToolExecution operation = (ToolExecution) traced.operation(args);
		// capture runs before the method: whatever it throws must not reach the method
		CapturedContent input = this.contentPolicy.isEnabled() ? FailSafe.get("content capture",
				() -> this.contentPolicy.captureArguments(traced.contentArguments(args))) : null;
		SpanHandle existing = this.spans.currentTool(Context.current(), operation.toolName());
		if (existing != null) {
			return recordOnExisting(joinPoint, existing, input);
		}
		return this.completion.proceed(joinPoint, signature.getReturnType(), operation, traced.conversationId(args),
				input);
	}

	/**
	 * Returns the tool operations seen so far, one per method.
	 * @return the operations
	 */
	public Collection<GenAiOperation> discoveredTools() {
		return this.methods.values().stream().map(TracedMethod::template).toList();
	}

	private @Nullable Object recordOnExisting(ProceedingJoinPoint joinPoint, SpanHandle existing,
			@Nullable CapturedContent input) throws Throwable {
		existing.recordInput(input);
		Object result = joinPoint.proceed();
		if (this.contentPolicy.isEnabled()) {
			existing.captureOutput(() -> this.contentPolicy.capture(result));
		}
		return result;
	}

}
