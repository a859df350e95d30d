package io.watchfloor.board;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.watchfloor.alert.SilenceEditor;
import io.watchfloor.alert.SilenceSet;
import io.watchfloor.config.EmailConfig.Silence;
import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.store.AcknowledgementStore;
import io.watchfloor.store.AlertStore;
import io.watchfloor.store.Database;
import io.watchfloor.store.SituationStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The situation board, served by the daemon's HTTP endpoint beside /health and /metrics: server-rendered pages (the
 * board, a pair, an alert, silences, sign-in) and the same content as JSON under /api/. Reading is open to whoever
 * can reach the endpoint; writing (acknowledging, silencing) needs a writer ({@link Access}) and the session's CSRF
 * token, and a POST from another site is refused by its Origin.
 */
public final class BoardSite implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(BoardSite.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern PAIR = Pattern.compile("/(api/)?pair/([A-Z]{3}(?:-[A-Z]{3})?)");
    private static final Pattern ALERT = Pattern.compile("/(api/)?alert/([A-Za-z0-9_-]{1,40})");
    private static final Pattern ACKNOWLEDGE = Pattern.compile("/alert/([A-Za-z0-9_-]{1,40})/acknowledge");
    private static final Pattern EXPIRE = Pattern.compile("/silences/([A-Za-z0-9_-]{1,40})/expire");
    /** Notices a redirect may ask for by key (never text from the request). */
    private static final Map<String, String> NOTICES = Map.of("acknowledged", "Acknowledged.",
            "silenced", "Silence added.", "expired", "Silence expired.", "signedin", "Signed in.",
            "signedout", "Signed out.");

    private final BoardModels models;
    private final AcknowledgementStore acks;
    private final SilenceEditor silences;
    private final Access access;
    private final Pages pages = new Pages();
    private final Clock clock;

    BoardSite(BoardModels models, AcknowledgementStore acks, SilenceEditor silences, Access access, Clock clock) {
        this.models = models;
        this.acks = acks;
        this.silences = silences;
        this.access = access;
        this.clock = clock;
    }

    /** The board over the daemon's store, with the config's users, proxy header and silences. */
    public static BoardSite create(WatchfloorConfig cfg, Database db, Clock clock) {
        AcknowledgementStore acks = new AcknowledgementStore(db);
        SilenceSet silenceSet = new SilenceSet(cfg.email().silences(), cfg.silencesFile());
        BoardModels models = new BoardModels(new SituationStore(db), new AlertStore(db), acks, silenceSet, clock,
                cfg.zone());
        return new BoardSite(models, acks, new SilenceEditor(cfg.silencesFile(), cfg.email().silences(), clock),
                new Access(cfg.http().board(), clock), clock);
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            WebRequest req;
            try {
                req = WebRequest.read(ex);
            } catch (IllegalArgumentException e) {
                send(ex, 413, "text/plain; charset=utf-8", "form too large\n");
                return;
            }
            Optional<Sessions.Session> writer = access.writer(ex, req);
            switch (req.method()) {
                case "GET" -> get(ex, req, writer);
                case "POST" -> post(ex, req, writer);
                default -> send(ex, 405, "text/plain; charset=utf-8", "GET or POST only\n");
            }
        } catch (RuntimeException e) {
            LOG.warn("board: {} {} failed: {}", ex.getRequestMethod(), ex.getRequestURI().getRawPath(), e.toString(), e);
            send(ex, 500, "text/plain; charset=utf-8", "the board could not answer; see the daemon's log\n");
        }
    }

    private void get(HttpExchange ex, WebRequest req, Optional<Sessions.Session> writer) throws IOException {
        String path = req.path();
        Matcher m;
        if (path.equals("/") || path.equals("/api/board")) {
            Optional<LocalDate> end = date(ex, req);
            if (end.isPresent()) {
                Map<String, Object> board = models.board(end.get(), !path.startsWith("/api/"));
                page(ex, req, writer, "board", "Situation board", "/api/board", board, true);
            }
        } else if ((m = PAIR.matcher(path)).matches()) {
            Optional<LocalDate> end = date(ex, req);
            Optional<Integer> days = days(ex, req);
            if (end.isPresent() && days.isPresent()) {
                Map<String, Object> pair = models.pair(m.group(2), end.get(), days.get());
                page(ex, req, writer, "pair", m.group(2), "/api/pair/" + m.group(2), pair, true);
            }
        } else if ((m = ALERT.matcher(path)).matches()) {
            Optional<Map<String, Object>> alert = models.alert(m.group(2));
            if (alert.isEmpty()) {
                message(ex, req, writer, 404, "No such alert", "No alert has the id " + m.group(2) + ".");
            } else {
                page(ex, req, writer, "alert", (String) alert.get().get("title"), "/api/alert/" + m.group(2),
                        alert.get(), true);
            }
        } else if (path.equals("/silences") || path.equals("/api/silences")) {
            Map<String, Object> model = models.silences(silences.all());
            model.put("form", Map.of("pair", opt(req.param("pair")), "rule", opt(req.param("rule")), "for", "2h"));
            page(ex, req, writer, "silences", "Silences", "/api/silences", model, false);
        } else if (path.equals("/api/stamp")) {
            json(ex, 200, Map.of("stamp", models.stamp()));
        } else if (path.equals("/login")) {
            Map<String, Object> model = new HashMap<>();
            model.put("next", localPath(req.param("next")));
            page(ex, req, writer, "login", "Sign in", "/api/board", model, false);
        } else if (path.equals("/static/board.js") || path.equals("/static/board.css")) {
            byte[] body = Pages.asset(path.substring("/static/".length()));
            ex.getResponseHeaders().set("Cache-Control", "max-age=300");
            send(ex, 200, path.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8", body);
        } else {
            notFound(ex, req, writer);
        }
    }

    private void post(HttpExchange ex, WebRequest req, Optional<Sessions.Session> writer) throws IOException {
        if (!sameOrigin(ex)) {
            message(ex, req, Optional.empty(), 403, "Refused", "This form was sent from another site.");
            return;
        }
        String path = req.path();
        if (path.equals("/login")) {
            login(ex, req);
            return;
        }
        if (writer.isEmpty()) {
            message(ex, req, writer, 403, "Read-only", "Sign in to acknowledge alerts or change silences.");
            return;
        }
        Sessions.Session s = writer.get();
        if (!s.csrfMatches(req.form().get("csrf"))) {
            LOG.warn("board: {} {} by {} refused: CSRF token missing or wrong", req.method(), path, s.user());
            message(ex, req, writer, 403, "Refused", "The form has expired or did not come from this board."
                    + " Reload the page and try again.");
            return;
        }
        Matcher m;
        if (path.equals("/logout")) {
            access.signOut(ex, s);
            redirect(ex, "/?notice=signedout");
        } else if ((m = ACKNOWLEDGE.matcher(path)).matches()) {
            String id = m.group(1);
            if (acks.acknowledge(id, s.user(), req.form().get("note"), clock.instant()).isEmpty()) {
                message(ex, req, writer, 404, "No such alert", "No alert has the id " + id + ".");
                return;
            }
            LOG.info("board: {} acknowledged alert {}", s.user(), id);
            redirect(ex, "/alert/" + id + "?notice=acknowledged");
        } else if (path.equals("/silences")) {
            Map<String, String> f = req.form();
            try {
                Silence added = silences.add(new SilenceEditor.Request(f.get("pair"), f.get("rule"), f.get("type"),
                        f.get("until"), f.get("for"), f.get("comment"), s.user()));
                LOG.info("board: {} added silence {} until {}", s.user(), added.id(), added.until());
                redirect(ex, "/silences?notice=silenced");
            } catch (SilenceEditor.Invalid e) {
                Map<String, Object> model = models.silences(silences.all());
                model.put("form", Map.of("pair", opt(f.get("pair")), "rule", opt(f.get("rule")),
                        "type", opt(f.get("type")), "for", opt(f.get("for")), "until", opt(f.get("until")),
                        "comment", opt(f.get("comment"))));
                model.put("error", "Silence not added: " + e.getMessage() + ".");
                page(ex, req, writer, 400, "silences", "Silences", "/api/silences", model, false);
            }
        } else if ((m = EXPIRE.matcher(path)).matches()) {
            try {
                silences.expire(m.group(1));
                LOG.info("board: {} expired silence {}", s.user(), m.group(1));
                redirect(ex, "/silences?notice=expired");
            } catch (SilenceEditor.Invalid e) {
                message(ex, req, writer, 404, "No such silence", e.getMessage() + ".");
            }
        } else {
            notFound(ex, req, writer);
        }
    }

    private void login(HttpExchange ex, WebRequest req) throws IOException {
        String next = localPath(req.form().get("next"));
        if (access.signIn(ex, opt(req.form().get("name")), req.form().get("password")).isPresent()) {
            redirect(ex, next + (next.contains("?") ? "&" : "?") + "notice=signedin");
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("next", next);
        model.put("error", "Name or password not accepted.");
        page(ex, req, Optional.empty(), 401, "login", "Sign in", "/api/board", model, false);
    }

    /**
     * A POST is taken only from the board's own pages: its Origin (or, without one, its Referer) names the host
     * it was sent to. Browsers send Origin on every cross-site POST.
     */
    private static boolean sameOrigin(HttpExchange ex) {
        String host = ex.getRequestHeaders().getFirst("Host");
        String origin = ex.getRequestHeaders().getFirst("Origin");
        if (origin == null) {
            String referer = ex.getRequestHeaders().getFirst("Referer");
            if (referer == null) {
                return true;
            }
            origin = referer;
        }
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host)
                || origin.startsWith("http://" + host + "/") || origin.startsWith("https://" + host + "/"));
    }

    private void page(HttpExchange ex, WebRequest req, Optional<Sessions.Session> writer, String template,
                      String title, String json, Map<String, Object> model, boolean live) throws IOException {
        page(ex, req, writer, 200, template, title, json, model, live);
    }

    private void page(HttpExchange ex, WebRequest req, Optional<Sessions.Session> writer, int code, String template,
                      String title, String json, Map<String, Object> model, boolean live) throws IOException {
        if (req.path().startsWith("/api/")) {
            json(ex, code, model);
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>(model);
        m.put("title", title);
        m.put("json", json + (req.query().containsKey("to") ? "?to=" + req.query().get("to") : ""));
        m.put("live", live);
        m.put("stamp", models.stamp());
        m.put("writable", access.writable());
        m.put("now", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        writer.ifPresent(s -> {
            m.put("user", s.user());
            m.put("csrf", s.csrf());
        });
        String notice = NOTICES.get(opt(req.query().get("notice")));
        if (notice != null) {
            m.put("notice", notice);
        }
        send(ex, code, "text/html; charset=utf-8", pages.render(template, m));
    }

    private void message(HttpExchange ex, WebRequest req, Optional<Sessions.Session> writer, int code,
                         String heading, String message) throws IOException {
        if (req.path().startsWith("/api/")) {
            json(ex, code, Map.of("error", message));
            return;
        }
        Map<String, Object> m = new HashMap<>();
        m.put("heading", heading);
        m.put("message", message);
        page(ex, new WebRequest(req.method(), "/", Map.of(), Map.of(), Map.of()), writer, code, "message", heading,
                "/api/board", m, false);
    }

    private void notFound(HttpExchange ex, WebRequest req, Optional<Sessions.Session> writer) throws IOException {
        message(ex, req, writer, 404, "Not found", "Nothing here: the board is at /, health at /health, metrics at"
                + " /metrics.");
    }

    /** The window's last day: ?to=YYYY-MM-DD, else the default; a bad date is answered with 400. */
    private Optional<LocalDate> date(HttpExchange ex, WebRequest req) throws IOException {
        String to = req.query().get("to");
        if (to == null || to.isBlank()) {
            return Optional.of(models.defaultEnd());
        }
        try {
            return Optional.of(LocalDate.parse(to));
        } catch (DateTimeParseException e) {
            message(ex, req, Optional.empty(), 400, "Bad date", "'to' must be a date such as 2024-01-29.");
            return Optional.empty();
        }
    }

    private Optional<Integer> days(HttpExchange ex, WebRequest req) throws IOException {
        String d = req.query().get("days");
        if (d == null || d.isBlank()) {
            return Optional.of(BoardModels.DAYS);
        }
        if (d.matches("[0-9]{1,3}") && Integer.parseInt(d) >= 1 && Integer.parseInt(d) <= 366) {
            return Optional.of(Integer.parseInt(d));
        }
        message(ex, req, Optional.empty(), 400, "Bad window", "'days' must be a number from 1 to 366.");
        return Optional.empty();
    }

    /** A path on this board to go to after signing in; anything else (another site, //host) goes to the board. */
    private static String localPath(String next) {
        return next != null && next.matches("/[A-Za-z0-9/_-]*") ? next : "/";
    }

    private static String opt(String s) {
        return s == null ? "" : s;
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(303, -1);
    }

    private static void json(HttpExchange ex, int code, Object body) throws IOException {
        send(ex, code, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
    }

    private static void send(HttpExchange ex, int code, String type, String body) throws IOException {
        send(ex, code, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int code, String type, byte[] body) throws IOException {
        var h = ex.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "same-origin");
        h.set("X-Frame-Options", "DENY");
        h.set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
                + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        if (!h.containsKey("Cache-Control")) {
            h.set("Cache-Control", "no-store");
        }
        ex.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
