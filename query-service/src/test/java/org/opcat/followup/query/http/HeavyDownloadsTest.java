package org.opcat.followup.query.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opcat.followup.events.authority.AuthorityKind;
import org.opcat.followup.events.authority.AuthorityRegistered;
import org.opcat.followup.events.recommendation.Priority;
import org.opcat.followup.events.recommendation.RecommendationIssued;
import org.opcat.followup.events.recommendation.Scope;
import org.opcat.followup.events.recommendation.Source;
import org.opcat.followup.events.recommendation.SourceKind;
import org.opcat.followup.query.EventLog;
import org.opcat.followup.query.FixedClock;
import org.opcat.followup.query.QueryServiceTest;
import org.opcat.followup.query.processing.Await;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Reports and exports are the service's long answers. A slow reader of one must not keep a
 * database connection from everybody else, and an export too large to be useful is refused before
 * a byte of it is made.
 */
@QueryServiceTest
@TestPropertySource(properties = {"followup.test.context=heavy-downloads", "followup.export.max-rows=100",
        "followup.report.max-concurrent=2"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeavyDownloadsTest {

    /** Several MB of public report, far more than the socket buffers between a reader and the service hold. */
    private static final int RECOMMENDATIONS = 500;
    private static final int TEXT_LENGTH = 20_000;
    private static final int READERS = 12;
    private static final LocalDate FIRST_ISSUE = LocalDate.of(2026, 1, 1);
    private static final int ISSUE_DAYS = 150;

    @Autowired
    EventLog events;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    Downloads downloads;
    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    void record() {
        UUID ministry = UUID.nameUUIDFromBytes("ministry".getBytes(StandardCharsets.UTF_8));
        events.append("Authority", ministry, 0, new AuthorityRegistered(ministry, "Ministry of Justice",
                AuthorityKind.MINISTRY, null), "admin", FixedClock.at(FIRST_ISSUE));
        String text = "Solitary confinement must end. ".repeat(TEXT_LENGTH / 31);
        for (int n = 0; n < RECOMMENDATIONS; n++) {
            UUID id = UUID.nameUUIDFromBytes(("recommendation " + n).getBytes(StandardCharsets.UTF_8));
            LocalDate issuedOn = issuedOn(n);
            events.recommendation(id).then(new RecommendationIssued(id, "2026/R-" + n, "Recommendation " + n,
                    text, "en", issuedOn, new Source(SourceKind.VISIT_REPORT, null), null, List.of(ministry),
                    List.of("solitary-confinement"), Scope.SYSTEMIC, Priority.NORMAL, List.of(), null, false),
                    "analyst", FixedClock.at(issuedOn));
        }
        Await.until("the read models took every recommendation", Duration.ofSeconds(120), () ->
                jdbc.queryForObject("SELECT count(*) FROM report_recommendation", Integer.class) == RECOMMENDATIONS
                        && jdbc.queryForObject("SELECT count(*) FROM recommendation_summary", Integer.class)
                        == RECOMMENDATIONS);
    }

    private static LocalDate issuedOn(int n) {
        return FIRST_ISSUE.plusDays(n % ISSUE_DAYS);
    }

    @Test
    void twelve_slow_readers_of_the_public_report_do_not_stall_the_dashboard() throws Exception {
        List<Socket> readers = new ArrayList<>();
        List<String> statusLines = new ArrayList<>();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try {
            // One after the other, each reading its answer's first line and then almost nothing:
            // the service has to hold twelve answers it cannot hand over.
            for (int r = 0; r < READERS; r++) {
                Socket reader = new Socket();
                reader.setReceiveBufferSize(2048);
                reader.connect(new InetSocketAddress("localhost", port));
                readers.add(reader);
                OutputStream out = reader.getOutputStream();
                out.write(("GET /api/reports/annual/2026?audience=public HTTP/1.1\r\nHost: localhost:" + port
                        + "\r\nAuthorization: Basic " + Base64.getEncoder().encodeToString(
                                "reporter:reporter-demo".getBytes(StandardCharsets.UTF_8))
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                statusLines.add(firstLine(reader, Duration.ofSeconds(15)));
            }
            trickle.scheduleWithFixedDelay(() -> readers.forEach(HeavyDownloadsTest::readAFewBytes),
                    200, 200, TimeUnit.MILLISECONDS);

            HttpRequest dashboard = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/dashboard"))
                    .header("Authorization", basic("manager", "manager-demo"))
                    .timeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> answer;
            try {
                answer = client.send(dashboard, HttpResponse.BodyHandlers.ofString());
            } catch (HttpTimeoutException e) {
                throw new AssertionError("the dashboard did not answer within 5 s while " + READERS
                        + " slow readers were being sent the public report (their status lines: " + statusLines + ")");
            }
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(json.readTree(answer.body()).path("total").asLong()).isEqualTo(RECOMMENDATIONS);
            assertThat(statusLines).as("every slow reader was answered").allMatch(line -> line.startsWith("HTTP/1.1 200"));
        } finally {
            trickle.shutdownNow();
            for (Socket reader : readers) {
                reader.close();
            }
        }
    }

    @Test
    void while_as_many_documents_as_allowed_are_being_made_one_more_is_refused_with_429() throws Exception {
        CountDownLatch making = new CountDownLatch(2);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService makers = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 2; i++) {
                makers.submit(() -> {
                    try (Downloads.Spooled made = downloads.make(".txt", out -> {
                        making.countDown();
                        try {
                            finish.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    })) {
                        return made.size();
                    }
                });
            }
            assertThat(making.await(10, TimeUnit.SECONDS)).as("both makers hold a permit").isTrue();
            for (String path : List.of("/api/reports/annual/2026?audience=public&format=csv",
                    "/api/exports/recommendations.csv?issuedTo=2026-01-02")) {
                HttpResponse<String> busy = get(path);
                assertThat(busy.statusCode()).as(path).isEqualTo(429);
                assertThat(busy.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(busy.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                JsonNode problem = json.readTree(busy.body());
                assertThat(problem.path("type").asText()).isEqualTo("https://opcat-followup.example/problems/too-busy");
                assertThat(problem.path("status").asInt()).isEqualTo(429);
            }
        } finally {
            finish.countDown();
            makers.shutdown();
            assertThat(makers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(get("/api/reports/annual/2026?audience=public&format=csv").statusCode())
                .as("once a permit is free again").isEqualTo(200);
    }

    @Test
    void an_export_of_more_rows_than_the_limit_is_refused_before_anything_is_made() throws Exception {
        for (String path : List.of("/api/exports/recommendations.csv", "/api/exports/recommendations.xlsx")) {
            HttpResponse<String> answer = get(path + "?lang=zh");
            assertThat(answer.statusCode()).as(path).isEqualTo(422);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = json.readTree(answer.body());
            assertThat(problem.path("type").asText()).isEqualTo("https://opcat-followup.example/problems/export-too-large");
            assertThat(problem.path("rows").asLong()).isEqualTo(RECOMMENDATIONS);
            assertThat(problem.path("maxRows").asLong()).isEqualTo(100);
            assertThat(problem.path("detail").asText()).contains("500").contains("100");
        }
    }

    @Test
    void an_export_within_the_limit_is_made() throws Exception {
        LocalDate to = FIRST_ISSUE.plusDays(19);
        long expected = 0;
        for (int n = 0; n < RECOMMENDATIONS; n++) {
            expected += issuedOn(n).isAfter(to) ? 0 : 1;
        }
        assertThat(expected).isBetween(1L, 100L);
        HttpResponse<String> csv = get("/api/exports/recommendations.csv?issuedTo=" + to);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().lines().filter(line -> line.startsWith("2026/R-")).count()).isEqualTo(expected);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic("admin", "admin-demo")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The status line, or what stood in for it when none came in time. */
    private static String firstLine(Socket socket, Duration wait) throws IOException {
        socket.setSoTimeout((int) wait.toMillis());
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                line.write(b);
            }
        } catch (SocketTimeoutException e) {
            return "no answer in " + wait.toSeconds() + " s";
        }
        return line.toString(StandardCharsets.US_ASCII).strip();
    }

    private static void readAFewBytes(Socket socket) {
        try {
            socket.setSoTimeout(50);
            socket.getInputStream().read(new byte[16]);
        } catch (IOException e) {
            // nothing there yet, or closed: a slow reader does not mind
        }
    }
}
