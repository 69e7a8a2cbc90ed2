package org.opcat.followup.query.processing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.opcat.followup.eventstore.EventStoreMigrations;
import org.opcat.followup.query.QueryServiceApplication;
import org.opcat.followup.testsupport.TestPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A whole query-service (web server on a random port included) on a database of the embedded test
 * PostgreSQL. Several may run in one JVM on the same database, each with its own node name, as
 * several instances would in production. Started by hand rather than by @SpringBootTest because the
 * tests here need two at once and control over when each starts and stops.
 */
public final class QueryServiceInstance implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ConfigurableApplicationContext context;
    private final String databaseUrl;

    private QueryServiceInstance(ConfigurableApplicationContext context, String databaseUrl) {
        this.context = context;
        this.databaseUrl = databaseUrl;
    }

    /** An empty database with the event store's tables, as command-service would have left it. */
    public static String newDatabase() {
        String url = TestPostgres.newDatabase();
        EventStoreMigrations.migrate(TestPostgres.dataSource(url), "classpath:db/security");
        return url;
    }

    public static QueryServiceInstance start(String databaseUrl, String nodeName, Object... extraSources) {
        return start(databaseUrl, nodeName, Map.of(), extraSources);
    }

    public static QueryServiceInstance start(String databaseUrl, String nodeName, Map<String, Object> properties,
            Object... extraSources) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("spring.datasource.url", databaseUrl);
        all.put("spring.datasource.username", "postgres");
        all.put("spring.datasource.password", "");
        all.put("server.port", "0");
        all.put("followup.processing.node-name", nodeName);
        all.put("spring.jmx.enabled", "false");
        all.put("spring.profiles.active", "demo");
        all.putAll(properties);
        List<Object> sources = new ArrayList<>();
        sources.add(QueryServiceApplication.class);
        sources.addAll(List.of(extraSources));
        // As command-line arguments: SpringApplicationBuilder.properties() are defaults, which
        // application.yml would override.
        String[] arguments = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder()
                .sources(sources.stream().map(s -> (Class<?>) s).toArray(Class<?>[]::new))
                .run(arguments);
        return new QueryServiceInstance(context, databaseUrl);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public String databaseUrl() {
        return databaseUrl;
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** Appends events through Axon's event store, in one transaction, as command-service would. */
    public void append(List<? extends DomainEventMessage<?>> events) {
        EventStore eventStore = bean(EventStore.class);
        new TransactionTemplate(bean(PlatformTransactionManager.class))
                .executeWithoutResult(status -> eventStore.publish(events));
    }

    /** Waits until every segment of the read-model processor has passed the newest event. */
    public void awaitCaughtUp() {
        ReadModelProcessor readModels = bean(ReadModelProcessor.class);
        Await.until("read models caught up with the event store", java.time.Duration.ofSeconds(60), () -> {
            var segments = readModels.segments();
            return !segments.isEmpty()
                    && ReadModelProcessor.lowestPosition(segments) >= readModels.headPosition();
        });
    }

    /** POST without a body to this instance; every HTTP call of these tests goes through here or {@link #get}. */
    public HttpResponse<String> post(String path) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port() + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            // Signed in as the demo administrator: these tests call the admin endpoints too.
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                    "admin:admin-demo".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
