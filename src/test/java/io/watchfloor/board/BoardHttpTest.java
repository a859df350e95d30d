package io.watchfloor.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.alert.SilenceSet;
import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.health.HealthCheck;
import io.watchfloor.health.HttpEndpoint;
import io.watchfloor.health.WatchfloorMetrics;
import io.watchfloor.model.Alert;
import io.watchfloor.model.Category;
import io.watchfloor.model.Evidence;
import io.watchfloor.model.Severity;
import io.watchfloor.store.AcknowledgementStore;
import io.watchfloor.store.AlertStore;
import io.watchfloor.store.Database;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The board over real HTTP on loopback: escaping, read-only access, sign-in, CSRF, the proxy header. */
class BoardHttpTest {
    static final String HOSTILE = "<script>alert('x')</script><b>bold</b> & \"quoted\"";
    /** A cheap hash (few iterations) so the tests sign in quickly; the format is the real one. */
    static final String DUTY_HASH = PasswordHash.hash("correct horse".toCharArray(), 1000);

    @TempDir
    Path dir;
    private Database db;
    private HttpEndpoint endpoint;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() throws Exception {
        start(new WatchfloorConfig.Board(List.of(new WatchfloorConfig.BoardUser("duty", DUTY_HASH)), null, null,
                null));
    }

    private void start(WatchfloorConfig.Board board) throws Exception {
        if (endpoint != null) {
            endpoint.close();
        }
        if (db == null) {
            db = Database.inMemory("board-" + UUID.randomUUID());
            new AlertStore(db).save(new Alert("hostile1", "strike-between-states", Category.ESCALATION, "STRIKE",
                    Severity.CRITICAL, List.of("IRN", "PAK"), LocalDate.of(2024, 1, 16), HOSTILE, "summary " + HOSTILE,
                    List.of(new Evidence("Sentence " + HOSTILE, "a1.txt", "Article " + HOSTILE,
                            "javascript:alert(1)", LocalDate.of(2024, 1, 29), "outlet <i>x</i>")), 1));
        }
        WatchfloorConfig.Http httpCfg = new WatchfloorConfig.Http(null, null, 0, null, null, null, null, board);
        WatchfloorConfig cfg = new WatchfloorConfig(dir.resolve("var").toString(), null, null, null, null, null,
                null, null, null, httpCfg, null);
        endpoint = new HttpEndpoint("127.0.0.1", 0, new HealthCheck(List.of()), new WatchfloorMetrics());
        endpoint.mount(BoardSite.create(cfg, db, Clock.systemUTC()));
        endpoint.start();
    }

    @AfterEach
    void stop() {
        endpoint.close();
        db.close();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + endpoint.port() + path);
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String cookie, Map<String, String> form, String... headers)
            throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in as duty: the session cookie. */
    private String signIn() throws Exception {
        HttpResponse<String> r = post("/login", null, Map.of("name", "duty", "password", "correct horse"));
        assertThat(r.statusCode()).isEqualTo(303);
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict");
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a CSRF field in the page").isTrue();
        return m.group(1);
    }

    @Test
    void everyPageEscapesTitlesSentencesAndOutletsAndDropsLinksThatAreNotWebLinks() throws Exception {
        for (String path : List.of("/?to=2024-01-29", "/pair/IRN-PAK?to=2024-01-29", "/alert/hostile1")) {
            HttpResponse<String> r = get(path, null);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
            assertThat(r.body()).as(path).doesNotContain("<script>alert").doesNotContain("<b>bold</b>")
                    .doesNotContain("javascript:").contains("&lt;script&gt;alert(")
                    .contains("&lt;b&gt;bold&lt;/b&gt;");
        }
        assertThat(get("/alert/hostile1", null).body()).contains("outlet &lt;i&gt;x&lt;/i&gt;")
                .contains("Sentence &lt;script&gt;");
        HttpResponse<String> api = get("/api/alert/hostile1", null);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(api.body()).contains("\"title\" : \"<script>alert('x')</script><b>bold</b> & \\\"quoted\\\"\"")
                .contains("\"link\" : null");
    }

    @Test
    void withoutSigningInEverythingReadsAndNothingWrites() throws Exception {
        HttpResponse<String> board = get("/?to=2024-01-29", null);
        assertThat(board.body()).contains("IRN-PAK").contains("read-only").doesNotContain("name=\"csrf\"");
        assertThat(get("/alert/hostile1", null).body()).doesNotContain("ack-form");
        assertThat(get("/silences", null).body()).doesNotContain("silence-form");
        assertThat(get("/api/board?to=2024-01-29", null).body()).contains("\"pair\" : \"IRN-PAK\"");

        HttpResponse<String> ack = post("/alert/hostile1/acknowledge", null, Map.of("note", "seen", "csrf", "x"));
        assertThat(ack.statusCode()).isEqualTo(403);
        HttpResponse<String> silence = post("/silences", null, Map.of("pair", "IRN-PAK", "for", "2h"));
        assertThat(silence.statusCode()).isEqualTo(403);
        assertThat(new AcknowledgementStore(db).count()).isZero();
        assertThat(SilenceSet.read(dir.resolve("var/silences.yaml"))).isEmpty();
    }

    @Test
    void aWrongPasswordOrAnUnknownNameIsRefusedWithoutASession() throws Exception {
        for (Map<String, String> form : List.of(Map.of("name", "duty", "password", "wrong"),
                Map.of("name", "nobody", "password", "correct horse"), Map.of("name", "duty"))) {
            HttpResponse<String> r = post("/login", null, form);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
            assertThat(r.body()).contains("Name or password not accepted.");
        }
        // A made-up session cookie is nobody's.
        assertThat(post("/alert/hostile1/acknowledge", "watchfloor_session=guessed", Map.of("csrf", "x"))
                .statusCode()).isEqualTo(403);
        assertThat(new AcknowledgementStore(db).count()).isZero();
    }

    @Test
    void aWriteNeedsTheSessionsCsrfTokenAndComesFromTheBoardsOwnOrigin() throws Exception {
        String cookie = signIn();
        String page = get("/alert/hostile1", cookie).body();
        assertThat(page).contains("ack-form").contains("<span id=\"user\">duty</span>");
        String token = csrf(page);

        assertThat(post("/alert/hostile1/acknowledge", cookie, Map.of("note", "no token")).statusCode())
                .isEqualTo(403);
        assertThat(post("/alert/hostile1/acknowledge", cookie, Map.of("note", "bad", "csrf", token + "x"))
                .statusCode()).isEqualTo(403);
        assertThat(post("/alert/hostile1/acknowledge", cookie, Map.of("note", "cross-site", "csrf", token),
                "Origin", "http://evil.example").statusCode()).isEqualTo(403);
        assertThat(new AcknowledgementStore(db).count()).isZero();

        HttpResponse<String> ok = post("/alert/hostile1/acknowledge", cookie, Map.of("note", "called <desk>",
                "csrf", token), "Origin", "http://127.0.0.1:" + endpoint.port());
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(ok.headers().firstValue("Location")).contains("/alert/hostile1?notice=acknowledged");
        AcknowledgementStore.Acknowledgement a = new AcknowledgementStore(db).find("hostile1").orElseThrow();
        assertThat(a.author()).isEqualTo("duty");
        assertThat(a.note()).isEqualTo("called <desk>");
        assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(get("/alert/hostile1", cookie).body()).contains("Acknowledged by <b>duty</b>")
                .contains("called &lt;desk&gt;");
        assertThat(get("/?to=2024-01-29", null).body()).contains("0 of 1");

        // Signed out, the same cookie and token write nothing.
        assertThat(post("/logout", cookie, Map.of("csrf", token)).statusCode()).isEqualTo(303);
        assertThat(post("/silences", cookie, Map.of("pair", "IRN-PAK", "for", "2h", "csrf", token)).statusCode())
                .isEqualTo(403);
        assertThat(SilenceSet.read(dir.resolve("var/silences.yaml"))).isEmpty();
    }

    @Test
    void silencesAreAddedCheckedAndExpiredInTheCommandsFile() throws Exception {
        String cookie = signIn();
        String token = csrf(get("/silences", cookie).body());
        HttpResponse<String> bad = post("/silences", cookie, Map.of("pair", "Iran<>", "for", "2h", "csrf", token));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("pair &#39;Iran&lt;&gt;&#39; is not like IRN-PAK");
        assertThat(post("/silences", cookie, Map.of("pair", "IRN-PAK", "csrf", token)).body())
                .contains("give either until or for");

        HttpResponse<String> ok = post("/silences", cookie, Map.of("pair", "irn-pak", "for", "2h",
                "comment", "exercise", "csrf", token));
        assertThat(ok.statusCode()).isEqualTo(303);
        var added = SilenceSet.read(dir.resolve("var/silences.yaml"));
        assertThat(added).singleElement().satisfies(s -> {
            assertThat(s.pair()).isEqualTo("IRN-PAK");
            assertThat(s.author()).isEqualTo("duty");
            assertThat(s.comment()).isEqualTo("exercise");
            assertThat(s.until()).isBetween(java.time.Instant.now().plus(Duration.ofMinutes(119)),
                    java.time.Instant.now().plus(Duration.ofMinutes(121)));
        });
        assertThat(get("/alert/hostile1", null).body()).contains("id=\"silenced\"");
        assertThat(get("/api/silences", null).body()).contains("\"active\" : true");

        String id = added.get(0).id();
        assertThat(post("/silences/" + id + "/expire", cookie, Map.of("csrf", token)).statusCode()).isEqualTo(303);
        assertThat(SilenceSet.read(dir.resolve("var/silences.yaml")).get(0).until())
                .isBeforeOrEqualTo(java.time.Instant.now());
        assertThat(get("/api/silences", null).body()).contains("\"active\" : false");
    }

    @Test
    void aTrustedProxysUserWritesOnlyFromTheProxysAddress() throws Exception {
        start(new WatchfloorConfig.Board(List.of(), "X-Forwarded-User", List.of("127.0.0.1"), null));
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/alert/hostile1"))
                .header("X-Forwarded-User", "officer.kim").build(), HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        cookie = cookie.substring(0, cookie.indexOf(';'));
        assertThat(page.body()).contains("<span id=\"user\">officer.kim</span>");
        // The session lasts only while the proxy vouches: the cookie alone writes nothing.
        assertThat(post("/alert/hostile1/acknowledge", cookie, Map.of("csrf", csrf(page.body()))).statusCode())
                .isEqualTo(403);
        assertThat(post("/alert/hostile1/acknowledge", cookie, Map.of("csrf", csrf(page.body())),
                "X-Forwarded-User", "officer.kim").statusCode()).isEqualTo(303);
        assertThat(new AcknowledgementStore(db).find("hostile1").orElseThrow().author()).isEqualTo("officer.kim");

        // From an address the proxy is not at, the header is anybody's to send: ignored.
        start(new WatchfloorConfig.Board(List.of(), "X-Forwarded-User", List.of("192.0.2.1"), null));
        HttpResponse<String> other = http.send(HttpRequest.newBuilder(uri("/alert/hostile1"))
                .header("X-Forwarded-User", "intruder").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(other.body()).doesNotContain("intruder").doesNotContain("ack-form");
        assertThat(Files.exists(dir)).isTrue();
    }
}
