package io.github.genaitracing.a2a;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.proto.trace.v1.Span;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.genaitracing.context.GenAiContext;
import io.github.genaitracing.semconv.A2aAttributes;
import io.github.genaitracing.semconv.GenAiAttributes;
import io.github.genaitracing.semconv.OpenInferenceAttributes;
import io.github.genaitracing.test.GenAiSpanAssert;
import io.github.genaitracing.test.OtlpTestReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The A2A server-span layout, the user id from the authenticated principal and the task
 * id accessor, over real HTTP to a running application, spans exported through Boot's
 * real OTLP exporter.
 */
class A2aServerLayoutIntegrationTests {

	private static OtlpTestReceiver receiver;

	private static ConfigurableApplicationContext context;

	private static String url;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start() {
		receiver = OtlpTestReceiver.start();
		context = new SpringApplicationBuilder(App.class)
			.properties("server.port=0", "management.opentelemetry.tracing.export.otlp.endpoint=" + receiver.tracesEndpoint(),
					"management.tracing.sampling.probability=1.0",
					"management.opentelemetry.tracing.export.schedule-delay=50ms", "spring.application.name=a2a-agent",
					"spring.ai.openai.api-key=unused", "genai.tracing.a2a.layout=server-span",
					"genai.tracing.a2a.user-id=principal")
			.run();
		url = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + "/a2a";
	}

	@AfterAll
	static void stop() {
		context.close();
		receiver.close();
	}

	private HttpResponse<String> post(String body, String user) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (user != null) {
			request.header("X-Test-User", user);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static List<Span> awaitTree(String contextId) {
		return receiver.awaitSpans((received) -> received.stream()
			.anyMatch((span) -> span.getName().equals("invoke_agent a2a-agent")
					&& contextId.equals(OtlpTestReceiver.attribute(span, "gen_ai.conversation.id")))
				&& received.stream()
					.anyMatch((span) -> span.getKind() == Span.SpanKind.SPAN_KIND_SERVER
							&& contextId.equals(OtlpTestReceiver.attribute(span, "gen_ai.conversation.id"))),
				Duration.ofSeconds(15));
	}

	private static Span find(List<Span> spans, String name, String contextId) {
		return spans.stream()
			.filter((span) -> span.getName().equals(name)
					&& contextId.equals(OtlpTestReceiver.attribute(span, "gen_ai.conversation.id")))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void makesASendMessageServerSpanWithTheAgentSpanAsItsChild() throws Exception {
		receiver.clear();
		HttpResponse<String> response = post("""
				{"jsonrpc":"2.0","id":1,"method":"message/send","params":{"message":{"kind":"message",
				"messageId":"m-1","role":"user","contextId":"ctx-layout","taskId":"t-1",
				"parts":[{"kind":"text","text":"Hi"}]}}}""", null);
		assertThat(response.statusCode()).isEqualTo(200);
		List<Span> spans = awaitTree("ctx-layout");
		Span server = find(spans, "SendMessage", "ctx-layout");
		Span agent = find(spans, "invoke_agent a2a-agent", "ctx-layout");
		GenAiSpanAssert.assertThat(server)
			.hasKind(SpanKind.SERVER)
			.hasAttribute(A2aAttributes.METHOD_NAME, "SendMessage")
			.hasAttribute(A2aAttributes.MESSAGE_ID, "m-1")
			.hasAttribute(A2aAttributes.TASK_ID, "t-1")
			.hasAttribute(A2aAttributes.TASK_STATE, "TASK_STATE_COMPLETED")
			.hasAttribute(A2aAttributes.PROTOCOL_VERSION, "0.3")
			.hasAttribute(GenAiAttributes.AGENT_NAME, "a2a-agent")
			.hasAttribute(GenAiAttributes.CLIENT_ADDRESS, "127.0.0.1")
			.doesNotHaveAttributes("gen_ai.operation.name", "openinference.span.kind", "input.value");
		GenAiSpanAssert.assertThat(agent)
			.hasKind(SpanKind.INTERNAL)
			.isChildOf(server)
			.hasAttribute(GenAiAttributes.OPERATION_NAME, "invoke_agent")
			.hasAttribute(A2aAttributes.TASK_STATE, "TASK_STATE_COMPLETED");
		Span http = spans.stream()
			.filter((span) -> span.getSpanId().equals(server.getParentSpanId()))
			.findFirst()
			.orElseThrow();
		assertThat(http.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
		assertThat(http.getName()).isNotEqualTo("SendMessage");
	}

	@Test
	void marksBothSpansWithTheJsonRpcErrorCode() throws Exception {
		receiver.clear();
		post("""
				{"jsonrpc":"2.0","id":2,"method":"message/send","params":{"message":{"kind":"message",
				"messageId":"m-2","role":"user","contextId":"ctx-error","parts":[{"kind":"text","text":"fail"}]}}}""",
				null);
		List<Span> spans = awaitTree("ctx-error");
		for (String name : List.of("SendMessage", "invoke_agent a2a-agent")) {
			Span span = find(spans, name, "ctx-error");
			assertThat(span.getStatus().getCode().name()).as(name).isEqualTo("STATUS_CODE_ERROR");
			assertThat(OtlpTestReceiver.attribute(span, "error.type")).as(name).isEqualTo("-32001");
		}
	}

	@Test
	void recordsTheAuthenticatedPrincipalAsTheUserId() throws Exception {
		receiver.clear();
		post("""
				{"jsonrpc":"2.0","id":3,"method":"message/send","params":{"message":{"kind":"message",
				"messageId":"m-3","role":"user","contextId":"ctx-user","parts":[{"kind":"text","text":"Hi"}]}}}""",
				"alice");
		post("""
				{"jsonrpc":"2.0","id":4,"method":"message/send","params":{"message":{"kind":"message",
				"messageId":"m-4","role":"user","contextId":"ctx-anonymous","parts":[{"kind":"text","text":"Hi"}]}}}""",
				null);
		GenAiSpanAssert.assertThat(find(awaitTree("ctx-user"), "invoke_agent a2a-agent", "ctx-user"))
			.hasAttribute(OpenInferenceAttributes.USER_ID, "alice");
		GenAiSpanAssert.assertThat(find(awaitTree("ctx-anonymous"), "invoke_agent a2a-agent", "ctx-anonymous"))
			.doesNotHaveAttributes("user.id");
	}

	@Test
	void letsTheApplicationReadTheConversationAndTaskIds() throws Exception {
		receiver.clear();
		HttpResponse<String> response = post("""
				{"jsonrpc":"2.0","id":5,"method":"message/send","params":{"message":{"kind":"message",
				"messageId":"m-5","role":"user","contextId":"ctx-ids","taskId":"t-55",
				"parts":[{"kind":"text","text":"Hi"}]}}}""", null);
		assertThat(response.body()).contains("conversation ctx-ids, task t-55");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@Bean
		Endpoint endpoint() {
			return new Endpoint();
		}

		/**
		 * Stands in for an authentication filter that runs before the A2A filter.
		 */
		@Bean
		FilterRegistrationBean<OncePerRequestFilter> testAuthentication() {
			FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
					new OncePerRequestFilter() {

						@Override
						protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
								FilterChain chain) throws ServletException, IOException {
							String user = request.getHeader("X-Test-User");
							if (user == null) {
								chain.doFilter(request, response);
								return;
							}
							chain.doFilter(new HttpServletRequestWrapper(request) {

								@Override
								public Principal getUserPrincipal() {
									return () -> user;
								}

							}, response);
						}

					});
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
			return registration;
		}

	}

	@RestController
	static class Endpoint {

		@PostMapping(path = "/a2a", produces = "application/json")
		Object handle(@RequestBody Map<String, Object> request) {
			@SuppressWarnings("unchecked")
			Map<String, Object> message = (Map<String, Object>) ((Map<String, Object>) request.get("params"))
				.get("message");
			String contextId = (String) message.get("contextId");
			if ("ctx-error".equals(contextId)) {
				return Map.of("jsonrpc", "2.0", "id", request.get("id"), "error",
						Map.of("code", -32001, "message", "Task not found"));
			}
			String text = "conversation " + GenAiContext.currentConversationId() + ", task "
					+ GenAiContext.currentTaskId();
			return Map.of("jsonrpc", "2.0", "id", request.get("id"), "result",
					Map.of("kind", "task", "id", String.valueOf(message.getOrDefault("taskId", "t-new")), "contextId",
							contextId, "status", Map.of("state", "completed"), "artifacts",
							List.of(Map.of("artifactId", "a", "parts", List.of(Map.of("kind", "text", "text", text))))));
		}

	}

}
