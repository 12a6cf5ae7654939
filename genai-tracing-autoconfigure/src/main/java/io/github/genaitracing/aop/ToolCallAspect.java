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
import io.github.genaitracing.content.CapturedContent;
import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.span.GenAiOperation;
import io.github.genaitracing.span.GenAiSpan;
import io.github.genaitracing.span.GenAiSpans;

/**
 * Traces {@link ToolCall @ToolCall} methods as {@code execute_tool {name}} spans. When the
 * method runs inside a tool span another instrumentation started for the same tool (such
 * as Spring AI's tool calling), it records on that span instead of starting a second.
 *
 * @since 0.1.0
 */
@Aspect
public final class ToolCallAspect {

	private final GenAiSpans spans;

	private final SpanCompletion completion;

	private final ContentPolicy contentPolicy;

	private final Map<Method, TracedMethod> methods = new ConcurrentHashMap<>();

	/**
	 * Creates the aspect.
	 * @param spans the span writer
	 * @param contentPolicy the content policy
	 */
	public ToolCallAspect(GenAiSpans spans, ContentPolicy contentPolicy) {
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
		TracedMethod traced = this.methods.get(signature.getMethod());
		if (traced == null || traced.targetClass() != targetClass) {
			Method method = AopUtils.getMostSpecificMethod(signature.getMethod(), targetClass);
			traced = TracedMethod.tool(method, targetClass);
			this.methods.put(signature.getMethod(), traced);
		}
		Object[] args = joinPoint.getArgs();
		GenAiOperation operation = traced.operation(args);
		CapturedContent input = this.contentPolicy.isEnabled()
				? this.contentPolicy.captureArguments(traced.contentArguments(args)) : null;
		GenAiSpan existing = this.spans.currentTool(Context.current(), operation.toolName());
		if (existing != null) {
			return recordOnExisting(joinPoint, existing, input);
		}
		return this.completion.proceed(joinPoint, signature.getReturnType(), operation, input);
	}

	/**
	 * Returns the tool operations seen so far, one per method.
	 * @return the operations
	 */
	public Collection<GenAiOperation> discoveredTools() {
		return this.methods.values().stream().map(TracedMethod::template).toList();
	}

	private @Nullable Object recordOnExisting(ProceedingJoinPoint joinPoint, GenAiSpan existing,
			@Nullable CapturedContent input) throws Throwable {
		existing.recordInput(input);
		Object result = joinPoint.proceed();
		existing.recordOutput(this.contentPolicy.capture(result));
		return result;
	}

}
