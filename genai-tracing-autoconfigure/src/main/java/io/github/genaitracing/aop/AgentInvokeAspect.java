package io.github.genaitracing.aop;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;

import io.github.genaitracing.annotation.AgentInvoke;
import io.github.genaitracing.content.ContentPolicy;
import io.github.genaitracing.core.AgentDefaults;
import io.github.genaitracing.core.FailSafe;
import io.github.genaitracing.core.SpanLifecycle;
import io.github.genaitracing.spi.CapturedContent;
import io.github.genaitracing.spi.GenAiOperation;

/**
 * Traces {@link AgentInvoke @AgentInvoke} methods as {@code invoke_agent {name}} spans.
 *
 * @since 0.1.0
 */
@Aspect
public final class AgentInvokeAspect {

	private final SpanCompletion completion;

	private final ContentPolicy contentPolicy;

	private final AgentDefaults defaults;

	private final Map<Method, TracedMethod> methods = new ConcurrentHashMap<>();

	/**
	 * Creates the aspect.
	 * @param spans the span writer
	 * @param contentPolicy the content policy
	 * @param defaults the agent defaults
	 */
	public AgentInvokeAspect(SpanLifecycle spans, ContentPolicy contentPolicy, AgentDefaults defaults) {
		this.completion = new SpanCompletion(spans, contentPolicy);
		this.contentPolicy = contentPolicy;
		this.defaults = defaults;
	}

	/**
	 * Runs an agent method inside its span.
	 * @param joinPoint the join point
	 * @return the method's result
	 * @throws Throwable what the method throws
	 */
	@Around("execution(* *(..)) && @annotation(io.github.genaitracing.annotation.AgentInvoke)"
			+ " || execution(public * *(..)) && @within(io.github.genaitracing.annotation.AgentInvoke)")
	public @Nullable Object invoke(ProceedingJoinPoint joinPoint) throws Throwable {
		MethodSignature signature = (MethodSignature) joinPoint.getSignature();
		Class<?> targetClass = (joinPoint.getTarget() != null) ? AopUtils.getTargetClass(joinPoint.getTarget())
				: signature.getDeclaringType();
		TracedMethod traced = this.methods.get(signature.getMethod());
		if (traced == null || traced.targetClass() != targetClass) {
			Method method = AopUtils.getMostSpecificMethod(signature.getMethod(), targetClass);
			traced = TracedMethod.agent(method, targetClass, this.defaults);
			this.methods.put(signature.getMethod(), traced);
		}
		Object[] args = joinPoint.getArgs();
		return this.completion.proceed(joinPoint, signature.getReturnType(), traced.operation(args),
				traced.conversationId(args), input(traced, args));
	}

	/**
	 * Returns the agent operations seen so far, one per method.
	 * @return the operations
	 */
	public Collection<GenAiOperation> discoveredAgents() {
		return this.methods.values().stream().map(TracedMethod::template).toList();
	}

	private @Nullable CapturedContent input(TracedMethod traced, Object[] args) {
		if (!this.contentPolicy.isEnabled()) {
			return null;
		}
		// capture runs before the method: whatever it throws must not reach the method
		return FailSafe.get("content capture", () -> {
			Map<String, @Nullable Object> arguments = traced.contentArguments(args);
			if (arguments.size() == 1) {
				return this.contentPolicy.capture(arguments.values().iterator().next());
			}
			return this.contentPolicy.captureArguments(arguments);
		});
	}

}
