package io.github.genaitracing.test;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit Jupiter extension behind {@link GenAiTracingTest}: clears the shared
 * {@link OtlpTestReceiver} before each test and resolves parameters of that type.
 *
 * @since 0.1.0
 */
public final class GenAiTracingExtension implements BeforeEachCallback, ParameterResolver {

	@Override
	public void beforeEach(ExtensionContext context) {
		OtlpTestReceiver.shared().clear();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == OtlpTestReceiver.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return OtlpTestReceiver.shared();
	}

}
