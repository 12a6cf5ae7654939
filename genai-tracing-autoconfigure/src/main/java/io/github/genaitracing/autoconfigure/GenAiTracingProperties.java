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

package io.github.genaitracing.autoconfigure;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

import io.github.genaitracing.a2a.A2aTracingFilter;
import io.github.genaitracing.semconv.SemconvMode;

/**
 * Configuration properties for GenAI tracing.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(GenAiTracingProperties.PREFIX)
public class GenAiTracingProperties {

	/**
	 * Prefix of the properties.
	 */
	public static final String PREFIX = "genai.tracing";

	/**
	 * Whether to create GenAI spans.
	 */
	private boolean enabled = true;

	/**
	 * Where to record prompts, completions, tool arguments and results: 'none' or 'span'
	 * (span attributes). When not set, OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT
	 * decides, and content is not recorded when that is not set either.
	 */
	private @Nullable CaptureMode captureContent;

	/**
	 * Provider name (gen_ai.provider.name) of agent spans. When not set, the provider of
	 * the single Spring AI chat model on the class path, otherwise 'unknown'.
	 */
	private @Nullable String providerName;

	/**
	 * Whether actuator requests (health, prometheus, the genaitracing endpoint), the trace
	 * view and agent card GETs make trace spans; their HTTP metrics are recorded either
	 * way.
	 */
	private boolean infrastructureSpans;

	private final SpringAi springAi = new SpringAi();

	private final Content content = new Content();

	private final Agent agent = new Agent();

	private final Semconv semconv = new Semconv();

	private final OpenInference openinference = new OpenInference();

	private final Mlflow mlflow = new Mlflow();

	private final Baggage baggage = new Baggage();

	private final A2a a2a = new A2a();

	private final Mcp mcp = new Mcp();

	private final Metrics metrics = new Metrics();

	private final Export export = new Export();

	private final RecentTraces recentTraces = new RecentTraces();

	private final View view = new View();

	private final Cost cost = new Cost();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable CaptureMode getCaptureContent() {
		return this.captureContent;
	}

	public void setCaptureContent(@Nullable CaptureMode captureContent) {
		this.captureContent = captureContent;
	}

	public @Nullable String getProviderName() {
		return this.providerName;
	}

	public void setProviderName(@Nullable String providerName) {
		this.providerName = providerName;
	}

	public boolean isInfrastructureSpans() {
		return this.infrastructureSpans;
	}

	public void setInfrastructureSpans(boolean infrastructureSpans) {
		this.infrastructureSpans = infrastructureSpans;
	}

	public SpringAi getSpringAi() {
		return this.springAi;
	}

	public Content getContent() {
		return this.content;
	}

	public Agent getAgent() {
		return this.agent;
	}

	public Semconv getSemconv() {
		return this.semconv;
	}

	public OpenInference getOpeninference() {
		return this.openinference;
	}

	public Mlflow getMlflow() {
		return this.mlflow;
	}

	public Baggage getBaggage() {
		return this.baggage;
	}

	public Metrics getMetrics() {
		return this.metrics;
	}

	public Export getExport() {
		return this.export;
	}

	public A2a getA2a() {
		return this.a2a;
	}

	public Mcp getMcp() {
		return this.mcp;
	}

	public RecentTraces getRecentTraces() {
		return this.recentTraces;
	}

	public View getView() {
		return this.view;
	}

	public Cost getCost() {
		return this.cost;
	}

	/**
	 * Spring AI integration.
	 */
	public static class SpringAi {

		/**
		 * Whether to keep Spring AI's ChatClient and advisor spans in the trace, between
		 * the agent and the chat spans; their timers are recorded either way.
		 */
		private boolean frameworkSpans;

		public boolean isFrameworkSpans() {
			return this.frameworkSpans;
		}

		public void setFrameworkSpans(boolean frameworkSpans) {
			this.frameworkSpans = frameworkSpans;
		}

	}

	/**
	 * Inbound A2A JSON-RPC tracing.
	 */
	public static class A2a {

		/**
		 * Whether to trace inbound A2A JSON-RPC requests of servlet web applications.
		 */
		private boolean enabled = true;

		/**
		 * Comma-separated list of path patterns of A2A JSON-RPC endpoints.
		 */
		private List<String> paths = new ArrayList<>(List.of("/", "/a2a", "/a2a/**", "/agent", "/agents/**"));

		/**
		 * Comma-separated list of path patterns never traced; agent card and actuator
		 * paths are always skipped.
		 */
		private List<String> excludes = new ArrayList<>();

		/**
		 * Largest request body read and parsed; a larger body passes through untouched
		 * and is not parsed.
		 */
		private DataSize maxBodySize = DataSize.ofMegabytes(1);

		/**
		 * Largest copy kept of a plain response, and of one streamed event, to read the
		 * result from.
		 */
		private DataSize maxResponseSize = DataSize.ofMegabytes(1);

		/**
		 * Where the request's server span gets its parent: 'continue' (child of the
		 * caller's span, from the inbound traceparent), 'new-trace-with-link' (the root of
		 * a new trace, linked to the caller's span) or 'new-trace' (the root of a new
		 * trace, no link; 'ignore' is its deprecated name).
		 */
		private A2aParentPolicy parent = A2aParentPolicy.CONTINUE;

		/**
		 * Which spans a request makes: 'agent' (one span per request, the server span:
		 * 'invoke_agent {agent}' for a message, named after the A2A method otherwise) or
		 * 'server-span' (the server span named after the A2A method, per the A2A server
		 * conventions, with an invoke_agent INTERNAL child for a message).
		 */
		private A2aLayout layout = A2aLayout.AGENT;

		/**
		 * Where the span's user id (user.id) comes from: 'none', or 'principal' for the
		 * name of the request's authenticated principal. Header values are never used.
		 */
		private A2aUserIdSource userId = A2aUserIdSource.NONE;

		/**
		 * Order of the A2A tracing filter. The default runs just inside Spring Boot's
		 * HTTP server observation filter; to read the principal set by Spring Security,
		 * order it after Spring Security's filter chain (for example -99).
		 */
		private int filterOrder = Ordered.HIGHEST_PRECEDENCE + 10;

		/**
		 * Whether a request whose message has no contextId takes its conversation id from
		 * the inbound baggage (genai.tracing.baggage.conversation-id-key), after checking
		 * it (printable, at most 256 characters). Turn off when callers are not trusted.
		 */
		private boolean conversationIdFromBaggage = true;

		/**
		 * Whether the HTTP server span of a request to an A2A endpoint is started by the
		 * starter directly on the OpenTelemetry API rather than by Micrometer Tracing's
		 * receiver handler: the same span (name, kind, parent, baggage, Spring Boot's HTTP
		 * attributes), with less work per request. Spring Boot's HTTP metrics are not
		 * affected either way. A request without any header the propagators name is not
		 * read for a caller's context: a custom propagator that reads headers it does not
		 * list in its fields needs this off.
		 */
		private boolean directServerSpan = true;

		public boolean isDirectServerSpan() {
			return this.directServerSpan;
		}

		public void setDirectServerSpan(boolean directServerSpan) {
			this.directServerSpan = directServerSpan;
		}

		public boolean isConversationIdFromBaggage() {
			return this.conversationIdFromBaggage;
		}

		public void setConversationIdFromBaggage(boolean conversationIdFromBaggage) {
			this.conversationIdFromBaggage = conversationIdFromBaggage;
		}

		private final Client client = new Client();

		public Client getClient() {
			return this.client;
		}

		public A2aLayout getLayout() {
			return this.layout;
		}

		public void setLayout(A2aLayout layout) {
			this.layout = layout;
		}

		public A2aUserIdSource getUserId() {
			return this.userId;
		}

		public void setUserId(A2aUserIdSource userId) {
			this.userId = userId;
		}

		public int getFilterOrder() {
			return this.filterOrder;
		}

		public void setFilterOrder(int filterOrder) {
			this.filterOrder = filterOrder;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public List<String> getPaths() {
			return this.paths;
		}

		public void setPaths(List<String> paths) {
			this.paths = paths;
		}

		public List<String> getExcludes() {
			return this.excludes;
		}

		public void setExcludes(List<String> excludes) {
			this.excludes = excludes;
		}

		public DataSize getMaxBodySize() {
			return this.maxBodySize;
		}

		public void setMaxBodySize(DataSize maxBodySize) {
			this.maxBodySize = maxBodySize;
		}

		public DataSize getMaxResponseSize() {
			return this.maxResponseSize;
		}

		public void setMaxResponseSize(DataSize maxResponseSize) {
			this.maxResponseSize = maxResponseSize;
		}

		public A2aParentPolicy getParent() {
			return this.parent;
		}

		public void setParent(A2aParentPolicy parent) {
			this.parent = parent;
		}

	}

	/**
	 * Outbound A2A calls to remote agents.
	 */
	public static class Client {

		/**
		 * Whether to trace A2A JSON-RPC calls made with RestClient and WebClient builders
		 * from the application context and with the A2A Java SDK through A2AHttpClient
		 * beans: an invoke_agent CLIENT span per call, with traceparent and baggage sent
		 * to the remote agent.
		 */
		private boolean enabled = true;

		/**
		 * Remote agent names by URL prefix (for example 'http://weather:8081' ->
		 * 'weather-agent'), for the span name and gen_ai.agent.name; otherwise host:port.
		 */
		private Map<String, String> agentNames = new LinkedHashMap<>();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Map<String, String> getAgentNames() {
			return this.agentNames;
		}

		public void setAgentNames(Map<String, String> agentNames) {
			this.agentNames = agentNames;
		}

	}

	/**
	 * Model Context Protocol tracing.
	 */
	public static class Mcp {

		/**
		 * Largest MCP request body parsed by the server side; a larger message passes
		 * through untraced.
		 */
		private DataSize maxBodySize = DataSize.ofMegabytes(1);

		/**
		 * Largest copy kept of an MCP server response to read its outcome (JSON-RPC error,
		 * tool error, tool result) from.
		 */
		private DataSize maxResponseSize = DataSize.ofMegabytes(1);

		private final McpClient client = new McpClient();

		private final McpServer server = new McpServer();

		public McpClient getClient() {
			return this.client;
		}

		public McpServer getServer() {
			return this.server;
		}

		public DataSize getMaxBodySize() {
			return this.maxBodySize;
		}

		public void setMaxBodySize(DataSize maxBodySize) {
			this.maxBodySize = maxBodySize;
		}

		public DataSize getMaxResponseSize() {
			return this.maxResponseSize;
		}

		public void setMaxResponseSize(DataSize maxResponseSize) {
			this.maxResponseSize = maxResponseSize;
		}

	}

	/**
	 * Requests sent by MCP clients.
	 */
	public static class McpClient {

		/**
		 * Whether to trace the requests MCP clients send (Spring AI's MCP client starter,
		 * McpClientTransport beans): a CLIENT span per request, with trace context and
		 * baggage in params._meta.
		 */
		private boolean enabled = true;

		/**
		 * Most requests awaiting their response that are traced at once per transport;
		 * further requests are sent untraced.
		 */
		private int maxPending = 1000;

		/**
		 * How long a request may await its response before its span is ended with
		 * error.type 'timeout' to make room for new ones.
		 */
		private Duration staleAfter = Duration.ofMinutes(5);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxPending() {
			return this.maxPending;
		}

		public void setMaxPending(int maxPending) {
			this.maxPending = maxPending;
		}

		public Duration getStaleAfter() {
			return this.staleAfter;
		}

		public void setStaleAfter(Duration staleAfter) {
			this.staleAfter = staleAfter;
		}

	}

	/**
	 * Requests received by MCP servers.
	 */
	public static class McpServer {

		/**
		 * Whether to trace the requests Spring AI's WebMVC MCP server transports receive:
		 * a SERVER span per request whose parent comes from params._meta, and an
		 * execute_tool span for tools/call; on other transports (stdio), the tools/call of
		 * the server's sync tool specifications.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Content capture configuration.
	 */
	public static class Content {

		/**
		 * Maximum number of characters of one captured value, JSON keys and structure
		 * included; serialization stops there and the value stays valid JSON with a
		 * marker of what was cut.
		 */
		private int maxLength = 4096;

		private final Redact redact = new Redact();

		public int getMaxLength() {
			return this.maxLength;
		}

		public void setMaxLength(int maxLength) {
			this.maxLength = maxLength;
		}

		public Redact getRedact() {
			return this.redact;
		}

	}

	/**
	 * Redaction configuration.
	 */
	public static class Redact {

		/**
		 * Whether to apply the built-in redaction rules: bearer and basic credentials,
		 * sk- style API keys, AWS access key ids, password=, secret=, token= style pairs,
		 * and the built-in sensitive keys (password, secret, token, api_key,
		 * authorization, cookie, credential, private_key, access_key, session and their
		 * variants).
		 */
		private boolean defaults = true;

		/**
		 * Comma-separated list of more keys whose values are replaced at any depth of a
		 * captured value (map keys, record and bean properties, JSON members); compared
		 * case-insensitively without '_', '-' and '.', matching a key equal to or ending
		 * with one of them.
		 */
		private List<String> keys = new ArrayList<>();

		/**
		 * Comma-separated list of regular expressions whose matches are replaced in every
		 * captured value.
		 */
		private List<String> patterns = new ArrayList<>();

		/**
		 * Text that replaces a redacted match and the value under a sensitive key.
		 */
		private String replacement = "[REDACTED]";

		public boolean isDefaults() {
			return this.defaults;
		}

		public void setDefaults(boolean defaults) {
			this.defaults = defaults;
		}

		public List<String> getPatterns() {
			return this.patterns;
		}

		public List<String> getKeys() {
			return this.keys;
		}

		public void setKeys(List<String> keys) {
			this.keys = keys;
		}

		public void setPatterns(List<String> patterns) {
			this.patterns = patterns;
		}

		public String getReplacement() {
			return this.replacement;
		}

		public void setReplacement(String replacement) {
			this.replacement = replacement;
		}

	}

	/**
	 * Defaults of agent spans.
	 */
	public static class Agent {

		/**
		 * Agent name of agent spans whose annotation names none. When not set,
		 * spring.application.name, then the class's simple name.
		 */
		private @Nullable String name;

		/**
		 * Agent version (gen_ai.agent.version) of agent spans.
		 */
		private @Nullable String version;

		/**
		 * Agent description (gen_ai.agent.description) of agent spans.
		 */
		private @Nullable String description;

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public @Nullable String getVersion() {
			return this.version;
		}

		public void setVersion(@Nullable String version) {
			this.version = version;
		}

		public @Nullable String getDescription() {
			return this.description;
		}

		public void setDescription(@Nullable String description) {
			this.description = description;
		}

	}

	/**
	 * OpenTelemetry GenAI semantic conventions vocabulary.
	 */
	public static class Semconv {

		/**
		 * Whether to write the OpenTelemetry GenAI semantic convention attributes
		 * (gen_ai.*). Span names and kinds follow these conventions either way.
		 */
		private boolean enabled = true;

		/**
		 * Which GenAI convention names to emit on spans and metrics: 'v1-41', the newest
		 * draft ('latest-experimental', experimental) or both ('dup'). When not set,
		 * OTEL_SEMCONV_STABILITY_OPT_IN decides (gen_ai_latest_experimental,
		 * gen_ai_latest_experimental/dup), and v1-41 when that is not set either.
		 */
		private @Nullable SemconvMode mode;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable SemconvMode getMode() {
			return this.mode;
		}

		public void setMode(@Nullable SemconvMode mode) {
			this.mode = mode;
		}

	}

	/**
	 * OpenInference (Arize Phoenix) vocabulary.
	 */
	public static class OpenInference {

		/**
		 * Whether to write OpenInference attributes (openinference.span.kind,
		 * input.value, llm.*, session.id), read by Arize Phoenix.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * MLflow vocabulary.
	 */
	public static class Mlflow {

		/**
		 * Whether to write MLflow attributes (mlflow.spanType, mlflow.spanInputs,
		 * mlflow.spanOutputs, mlflow.chat.tokenUsage).
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Baggage propagation.
	 */
	public static class Baggage {

		/**
		 * Baggage key that carries the conversation id to downstream services; empty to
		 * leave baggage alone.
		 */
		private String conversationIdKey = "gen_ai.conversation.id";

		public String getConversationIdKey() {
			return this.conversationIdKey;
		}

		public void setConversationIdKey(String conversationIdKey) {
			this.conversationIdKey = conversationIdKey;
		}

	}

	/**
	 * The span export path.
	 */
	public static class Export {

		/**
		 * Whether Spring Boot's span exporters read each span's attributes once. Micrometer
		 * Tracing's export bridge rebuilds and sorts a span's attributes every time an
		 * exporter reads them (the OTLP exporter reads them four times per span), so each
		 * attribute costs its export four times; with this on, they are read once and the
		 * same values exported.
		 */
		private boolean readAttributesOnce = true;

		/**
		 * Whether finished spans go from the batch span processor straight to Spring
		 * Boot's span exporters when no Micrometer SpanExportingPredicate, SpanReporter or
		 * SpanFilter bean is defined. Micrometer Tracing's export bridge copies every
		 * span's attributes into a map and builds them again for the exporters, only to
		 * apply those beans; with any of them defined it is used as Spring Boot does. The
		 * processor takes Spring Boot's management.opentelemetry.tracing.export settings.
		 */
		private boolean direct = true;

		public boolean isDirect() {
			return this.direct;
		}

		public void setDirect(boolean direct) {
			this.direct = direct;
		}

		public boolean isReadAttributesOnce() {
			return this.readAttributesOnce;
		}

		public void setReadAttributesOnce(boolean readAttributesOnce) {
			this.readAttributesOnce = readAttributesOnce;
		}

	}

	/**
	 * GenAI client metrics.
	 */
	public static class Metrics {

		/**
		 * Whether to record the GenAI client metrics (gen_ai.client.operation.duration,
		 * gen_ai.client.token.usage, gen_ai.client.operation.time_to_first_chunk) of
		 * Spring AI chat and embedding calls, and the MCP operation durations
		 * (mcp.client.operation.duration, mcp.server.operation.duration), in the
		 * application's MeterRegistry.
		 */
		private boolean enabled = true;

		/**
		 * Whether to record the experimental agent and tool metrics of the newest GenAI
		 * conventions draft (gen_ai.invoke_agent.duration,
		 * gen_ai.invoke_agent.inference_calls, gen_ai.invoke_agent.tool_calls,
		 * gen_ai.execute_tool.duration). When unset, they are recorded with the draft's
		 * other names: when genai.tracing.semconv.mode (or OTEL_SEMCONV_STABILITY_OPT_IN)
		 * selects latest-experimental or dup, and not with the default v1-41.
		 */
		private @Nullable Boolean agents;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable Boolean getAgents() {
			return this.agents;
		}

		public void setAgents(@Nullable Boolean agents) {
			this.agents = agents;
		}

	}

	/**
	 * The in-memory ring of recent GenAI traces read by the genaitracing actuator endpoint
	 * and the trace view.
	 */
	public static class RecentTraces {

		/**
		 * Most recent GenAI traces kept in memory; 0 keeps none.
		 */
		private int size = 100;

		/**
		 * Most GenAI spans kept per trace; further spans are counted as dropped.
		 */
		private int maxSpansPerTrace = 200;

		/**
		 * Most heap, estimated, the kept traces take together; the oldest traces leave
		 * to make room.
		 */
		private DataSize maxBytes = DataSize.ofMegabytes(16);

		/**
		 * Maximum number of characters of one attribute value kept in the ring; longer
		 * values are cut.
		 */
		private int maxAttributeLength = 8192;

		public DataSize getMaxBytes() {
			return this.maxBytes;
		}

		public void setMaxBytes(DataSize maxBytes) {
			this.maxBytes = maxBytes;
		}

		public int getMaxAttributeLength() {
			return this.maxAttributeLength;
		}

		public void setMaxAttributeLength(int maxAttributeLength) {
			this.maxAttributeLength = maxAttributeLength;
		}

		public int getSize() {
			return this.size;
		}

		public void setSize(int size) {
			this.size = size;
		}

		public int getMaxSpansPerTrace() {
			return this.maxSpansPerTrace;
		}

		public void setMaxSpansPerTrace(int maxSpansPerTrace) {
			this.maxSpansPerTrace = maxSpansPerTrace;
		}

	}

	/**
	 * The local HTML trace view.
	 */
	public static class View {

		/**
		 * Whether to serve the HTML trace view; it reads the genaitracing actuator
		 * endpoint, which must be exposed over HTTP on the application's port.
		 */
		private boolean enabled = true;

		/**
		 * Path of the HTML trace view.
		 */
		private String path = "/genai-tracing";

		/**
		 * Other applications whose spans of a trace the view merges in, read server-side
		 * from their genaitracing endpoints: base URLs (such as http://weather:8081, the
		 * endpoint then assumed at /actuator/genaitracing) or endpoint URLs ending in
		 * /genaitracing.
		 */
		private List<String> peers = new ArrayList<>();

		/**
		 * Whether the view also reads the A2A agents this application called (at their
		 * base URL plus /actuator/genaitracing).
		 */
		private boolean calledAgents = true;

		/**
		 * Most time one peer may take to answer, connection included.
		 */
		private Duration peerTimeout = Duration.ofSeconds(2);

		/**
		 * Largest answer read from one peer; a larger one is reported and left out.
		 */
		private DataSize peerMaxSize = DataSize.ofMegabytes(4);

		public List<String> getPeers() {
			return this.peers;
		}

		public void setPeers(List<String> peers) {
			this.peers = peers;
		}

		public boolean isCalledAgents() {
			return this.calledAgents;
		}

		public void setCalledAgents(boolean calledAgents) {
			this.calledAgents = calledAgents;
		}

		public Duration getPeerTimeout() {
			return this.peerTimeout;
		}

		public void setPeerTimeout(Duration peerTimeout) {
			this.peerTimeout = peerTimeout;
		}

		public DataSize getPeerMaxSize() {
			return this.peerMaxSize;
		}

		public void setPeerMaxSize(DataSize peerMaxSize) {
			this.peerMaxSize = peerMaxSize;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

	}

	/**
	 * What model calls cost: gen_ai.usage.cost on chat and embedding spans of priced
	 * models, and run totals on agent spans.
	 */
	public static class Cost {

		/**
		 * Whether to write gen_ai.usage.cost on chat and embedding spans of priced models.
		 */
		private boolean enabled = true;

		/**
		 * Whether to use the bundled price table (META-INF/genai-tracing/model-prices.csv,
		 * list prices of widely used models as of the date it states); configured prices
		 * win over it.
		 */
		private boolean defaults = true;

		/**
		 * Prices per model name (a dated snapshot such as gpt-4o-mini-2024-07-18 takes
		 * the price of gpt-4o-mini), per million tokens. Use brackets for names with
		 * dots: prices[gpt-4.1].input=2.00.
		 */
		private Map<String, Price> prices = new LinkedHashMap<>();

		/**
		 * Whether each invoke_agent span carries the sums of its descendants' tokens and
		 * cost (gen_ai.usage.* and genai_tracing.run.cost).
		 */
		private boolean runTotals = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isDefaults() {
			return this.defaults;
		}

		public void setDefaults(boolean defaults) {
			this.defaults = defaults;
		}

		public Map<String, Price> getPrices() {
			return this.prices;
		}

		public void setPrices(Map<String, Price> prices) {
			this.prices = prices;
		}

		public boolean isRunTotals() {
			return this.runTotals;
		}

		public void setRunTotals(boolean runTotals) {
			this.runTotals = runTotals;
		}

	}

	/**
	 * The price of one model, per million tokens.
	 */
	public static class Price {

		/**
		 * Price of a million input tokens.
		 */
		private BigDecimal input = BigDecimal.ZERO;

		/**
		 * Price of a million output tokens (reasoning tokens included).
		 */
		private BigDecimal output = BigDecimal.ZERO;

		/**
		 * Price of a million input tokens read from a prompt cache; unset charges them as
		 * input.
		 */
		private @Nullable BigDecimal cachedInput;

		/**
		 * Price of a million input tokens written to a prompt cache; unset charges them
		 * as input.
		 */
		private @Nullable BigDecimal cacheWriteInput;

		/**
		 * Currency of the prices.
		 */
		private String currency = "USD";

		public BigDecimal getInput() {
			return this.input;
		}

		public void setInput(BigDecimal input) {
			this.input = input;
		}

		public BigDecimal getOutput() {
			return this.output;
		}

		public void setOutput(BigDecimal output) {
			this.output = output;
		}

		public @Nullable BigDecimal getCachedInput() {
			return this.cachedInput;
		}

		public void setCachedInput(@Nullable BigDecimal cachedInput) {
			this.cachedInput = cachedInput;
		}

		public @Nullable BigDecimal getCacheWriteInput() {
			return this.cacheWriteInput;
		}

		public void setCacheWriteInput(@Nullable BigDecimal cacheWriteInput) {
			this.cacheWriteInput = cacheWriteInput;
		}

		public String getCurrency() {
			return this.currency;
		}

		public void setCurrency(String currency) {
			this.currency = currency;
		}

	}

}
