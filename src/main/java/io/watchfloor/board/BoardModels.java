package io.watchfloor.board;

import io.watchfloor.alert.SilenceSet;
import io.watchfloor.config.EmailConfig.Silence;
import io.watchfloor.model.Alert;
import io.watchfloor.model.Category;
import io.watchfloor.model.Evidence;
import io.watchfloor.model.Severity;
import io.watchfloor.model.SignalType;
import io.watchfloor.model.WebLinks;
import io.watchfloor.store.AcknowledgementStore;
import io.watchfloor.store.AlertStore;
import io.watchfloor.store.SituationStore;
import io.watchfloor.store.SituationStore.AlertLine;
import io.watchfloor.store.SituationStore.SignalLine;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each page shows, as plain values (maps, lists, strings, numbers): the same model is rendered by the page's
 * template and written as the JSON beside it. {@code html} adds what only a page needs (the sparkline's SVG).
 */
final class BoardModels {
    /** The board's window: the 30 days up to its last day. */
    static final int DAYS = 30;
    /** A timeline shows at most this many alerts and as many signals. */
    static final int TIMELINE_LIMIT = 200;

    private final SituationStore situations;
    private final AlertStore alerts;
    private final AcknowledgementStore acks;
    private final SilenceSet silences;
    private final Clock clock;
    private final ZoneId zone;

    BoardModels(SituationStore situations, AlertStore alerts, AcknowledgementStore acks, SilenceSet silences,
                Clock clock, ZoneId zone) {
        this.situations = situations;
        this.alerts = alerts;
        this.acks = acks;
        this.silences = silences;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * The last day shown when none is asked for: today, or the latest event on record when that is earlier (a store
     * of replayed history shows its last month rather than an empty one).
     */
    LocalDate defaultEnd() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return situations.latestEventDate().filter(d -> d.isBefore(today)).orElse(today);
    }

    /** Changes when what the pages show may have changed (pages poll it to refresh themselves). */
    String stamp() {
        return situations.stamp();
    }

    /** Per-pair totals while the board is summed. */
    private static final class PairSum {
        final String pair;
        final int[] up = new int[DAYS];
        final int[] down = new int[DAYS];
        Severity open;
        int unacknowledged;
        int alerts;
        LocalDate latest;

        PairSum(String pair) {
            this.pair = pair;
        }

        int total(int[] perDay) {
            int n = 0;
            for (int v : perDay) {
                n += v;
            }
            return n;
        }

        void seen(LocalDate d) {
            latest = latest == null || d.isAfter(latest) ? d : latest;
        }
    }

    /** Hottest first: highest unacknowledged severity, most unacknowledged, most escalation signals, latest. */
    private static final Comparator<PairSum> HOTTEST = Comparator
            .<PairSum>comparingInt(p -> p.open == null ? -1 : p.open.ordinal()).reversed()
            .thenComparing(Comparator.<PairSum>comparingInt(p -> p.unacknowledged).reversed())
            .thenComparing(Comparator.<PairSum>comparingInt(p -> p.total(p.up)).reversed())
            .thenComparing(p -> p.latest, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(p -> p.pair);

    Map<String, Object> board(LocalDate end, boolean html) {
        LocalDate from = end.minusDays(DAYS - 1);
        Map<String, PairSum> sums = new HashMap<>();
        for (SituationStore.AlertGroup g : situations.alertGroups(from, end)) {
            PairSum p = sums.computeIfAbsent(g.pair(), PairSum::new);
            p.alerts += g.count();
            p.unacknowledged += g.unacknowledged();
            if (g.unacknowledged() > 0 && (p.open == null || g.severity().compareTo(p.open) > 0)) {
                p.open = g.severity();
            }
            p.seen(g.latest());
        }
        for (SituationStore.SignalCount s : situations.signalCounts(from, end)) {
            PairSum p = sums.computeIfAbsent(s.pair(), PairSum::new);
            int day = (int) ChronoUnit.DAYS.between(from, s.day());
            boolean up = SignalType.names().contains(s.type()) && SignalType.valueOf(s.type()).escalation();
            (up ? p.up : p.down)[day] += s.count();
            p.seen(s.day());
        }
        Map<String, List<Map<String, Object>>> acked = new HashMap<>();
        for (SituationStore.Acknowledged a : situations.acknowledgements(from, end, 200)) {
            List<Map<String, Object>> l = acked.computeIfAbsent(a.pair(), k -> new ArrayList<>());
            if (l.size() < 3) {
                l.add(acknowledgement(a.alertId(), a.title(), a.author(), a.at(), a.note(), a.covers()));
            }
        }
        Map<String, SituationStore.LatestAlert> latest = situations.latestAlerts(from, end);
        List<PairSum> ordered = new ArrayList<>(sums.values());
        ordered.sort(HOTTEST);
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (PairSum p : ordered) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pair", p.pair);
            m.put("openSeverity", p.open == null ? null : p.open.name());
            m.put("unacknowledged", p.unacknowledged);
            m.put("alerts", p.alerts);
            m.put("escalations", p.total(p.up));
            m.put("deescalations", p.total(p.down));
            m.put("latestEscalation", latest(latest.get(p.pair + "/" + Category.ESCALATION)));
            m.put("latestDeescalation", latest(latest.get(p.pair + "/" + Category.DEESCALATION)));
            m.put("acknowledgements", acked.getOrDefault(p.pair, List.of()));
            List<Map<String, Object>> days = new ArrayList<>();
            for (int i = 0; i < DAYS; i++) {
                if (p.up[i] + p.down[i] > 0) {
                    days.add(Map.of("day", from.plusDays(i).toString(), "escalations", p.up[i],
                            "deescalations", p.down[i]));
                }
            }
            m.put("days", days);
            if (html) {
                m.put("sparkline", Sparkline.svg(p.up, p.down, p.pair + ": " + p.total(p.up) + " escalation and "
                        + p.total(p.down) + " de-escalation signals, " + from + " to " + end));
                m.put("severityClass", p.open == null ? "none" : p.open.name().toLowerCase(java.util.Locale.ROOT));
            }
            pairs.add(m);
        }
        Map<String, Object> board = new LinkedHashMap<>();
        board.put("from", from.toString());
        board.put("to", end.toString());
        board.put("pairs", pairs);
        return board;
    }

    private static Map<String, Object> latest(SituationStore.LatestAlert a) {
        if (a == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("title", a.title());
        m.put("eventDate", a.eventDate().toString());
        m.put("severity", a.severity().name());
        m.put("type", a.type());
        return m;
    }

    private static Map<String, Object> acknowledgement(String alertId, String title, String author, Instant at,
                                                       String note, boolean covers) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alertId", alertId);
        if (title != null) {
            m.put("title", title);
        }
        m.put("author", author);
        m.put("at", at.truncatedTo(ChronoUnit.SECONDS).toString());
        m.put("note", note);
        m.put("current", covers);
        return m;
    }

    /** A pair's timeline in [end - days + 1, end]: its alerts and signals, latest first, alerts before signals. */
    Map<String, Object> pair(String pair, LocalDate end, int days) {
        LocalDate from = end.minusDays(days - 1);
        List<Map<String, Object>> timeline = new ArrayList<>();
        List<AlertLine> alertLines = situations.alerts(pair, from, end, null, TIMELINE_LIMIT);
        List<SignalLine> signalLines = situations.signals(pair, from, end, TIMELINE_LIMIT);
        for (AlertLine a : alertLines) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", "alert");
            m.put("date", a.eventDate().toString());
            m.put("id", a.id());
            m.put("severity", a.severity().name());
            m.put("category", a.category().name());
            m.put("type", a.type());
            m.put("rule", a.rule());
            m.put("title", a.title());
            m.put("sources", a.sources());
            m.put("acknowledged", a.acknowledged());
            m.put("acknowledgedBy", a.acknowledgedBy());
            m.put("evidence", a.sentence());
            m.put("article", a.articleTitle());
            m.put("outlet", a.outlet());
            m.put("link", WebLinks.webOnly(a.link()));
            timeline.add(m);
        }
        for (SignalLine s : signalLines) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", "signal");
            m.put("date", s.eventDate().toString());
            m.put("type", s.type());
            boolean up = SignalType.names().contains(s.type()) && SignalType.valueOf(s.type()).escalation();
            m.put("category", up ? "ESCALATION" : "DEESCALATION");
            m.put("actor", s.actor());
            m.put("target", s.target());
            m.put("planned", s.planned());
            m.put("evidence", s.sentence());
            m.put("article", s.articleTitle());
            m.put("articleId", s.articleId());
            m.put("published", s.published().toString());
            m.put("outlet", s.outlet());
            m.put("link", WebLinks.webOnly(s.link()));
            timeline.add(m);
        }
        // Latest first; on one day the alerts (what the rules made of it) before the signals.
        timeline.sort(Comparator.<Map<String, Object>, String>comparing(m -> (String) m.get("date")).reversed()
                .thenComparing(m -> "alert".equals(m.get("kind")) ? 0 : 1));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pair", pair);
        out.put("from", from.toString());
        out.put("to", end.toString());
        out.put("alerts", alertLines.size());
        out.put("signals", signalLines.size());
        out.put("truncated", alertLines.size() == TIMELINE_LIMIT || signalLines.size() == TIMELINE_LIMIT);
        out.put("limit", TIMELINE_LIMIT);
        out.put("timeline", timeline);
        return out;
    }

    /** An alert with its evidence, sources, updates, deliveries, acknowledgement and silence; empty if unknown. */
    Optional<Map<String, Object>> alert(String id) {
        Optional<Alert> found = alerts.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Alert a = found.get();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("pair", a.actors().stream().sorted().reduce((x, y) -> x + "-" + y).orElse(""));
        m.put("actors", a.actors());
        m.put("rule", a.rule());
        m.put("category", a.category().name());
        m.put("type", a.type());
        m.put("severity", a.severity().name());
        m.put("eventDate", a.eventDate().toString());
        m.put("title", a.title());
        m.put("summary", a.summary());
        m.put("sourceCount", a.sources());
        List<Map<String, Object>> evidence = new ArrayList<>();
        for (Evidence e : a.evidence()) {
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("sentence", e.sentence());
            ev.put("article", e.articleTitle());
            ev.put("articleId", e.articleId());
            ev.put("published", e.published().toString());
            ev.put("outlet", e.sourceKey());
            ev.put("link", WebLinks.webOnly(e.link()));
            evidence.add(ev);
        }
        m.put("evidence", evidence);
        m.put("sources", situations.sources(id).stream()
                .map(s -> Map.<String, Object>of("source", s.source(), "reports", s.reports())).toList());
        m.put("updates", situations.updates(id).stream().map(u -> Map.<String, Object>of("kind", u.kind(),
                "node", u.node(), "at", u.at().truncatedTo(ChronoUnit.SECONDS).toString())).toList());
        List<Map<String, Object>> deliveries = new ArrayList<>();
        for (SituationStore.Delivery d : situations.deliveries(id)) {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("recipient", d.recipient());
            dm.put("status", d.status());
            dm.put("queued", d.created().truncatedTo(ChronoUnit.SECONDS).toString());
            dm.put("sent", d.sent() == null ? null : d.sent().truncatedTo(ChronoUnit.SECONDS).toString());
            dm.put("messageId", d.messageId());
            dm.put("subject", d.subject());
            dm.put("severity", d.severity());
            dm.put("sourceCount", d.sources());
            deliveries.add(dm);
        }
        m.put("deliveries", deliveries);
        m.put("acknowledgement", acks.find(id).map(k -> acknowledgement(id, null, k.author(), k.at(), k.note(),
                k.covers(a.severity()))).orElse(null));
        m.put("silencedBy", silences.silencing(a, clock.instant()).map(BoardModels::silence).orElse(null));
        return Optional.of(m);
    }

    /** Every silence, the config's and the added ones, active first. */
    Map<String, Object> silences(List<Silence> all) {
        Instant now = clock.instant();
        List<Map<String, Object>> list = new ArrayList<>();
        for (Silence s : all) {
            Map<String, Object> m = silence(s);
            m.put("active", s.until() != null && now.isBefore(s.until()));
            list.add(m);
        }
        list.sort(Comparator.comparing(m -> !(Boolean) m.get("active")));
        return new LinkedHashMap<>(Map.of("silences", list));
    }

    private static Map<String, Object> silence(Silence s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("fromConfig", s.id() == null);
        m.put("pair", s.pair());
        m.put("rule", s.rule());
        m.put("type", s.type());
        m.put("until", s.until() == null ? null : s.until().toString());
        m.put("comment", s.comment());
        m.put("author", s.author());
        return m;
    }
}
