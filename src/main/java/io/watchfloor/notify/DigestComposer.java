package io.watchfloor.notify;

import io.watchfloor.alert.Router;
import io.watchfloor.model.Alert;
import io.watchfloor.model.Severity;
import io.watchfloor.model.SignalType;
import io.watchfloor.store.AlertStore;
import io.watchfloor.store.ArticleStore;
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
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The daily digest of one recipient: the alerts routed to them in the 24 hours before the digest was queued,
 * grouped by pair (the pair with the most severe alert first, each pair's alerts by severity), each pair with a chart
 * and counts of its escalation and de-escalation signals over its alerts' own dates: the 30 days up to the latest
 * event, reaching back to the earliest (at most 90 days). The worst alert names the digest.
 */
public final class DigestComposer {
    private final AlertStore alerts;
    private final ArticleStore signals;
    private final Router router;
    private final MessageRenderer renderer;
    private final ZoneId zone;
    /** The line an alert acknowledged on the board shows, if it is. */
    private final Function<Alert, Optional<String>> acknowledgement;

    /** The longest a pair's chart reaches back, when its alerts' events are far apart. */
    private static final int MAX_DAYS = 90;
    /** The most severe first, then the latest event, then the id (a stable order). */
    private static final Comparator<Alert> BY_SEVERITY = Comparator.comparing(Alert::severity).reversed()
            .thenComparing(Alert::eventDate, Comparator.reverseOrder()).thenComparing(Alert::id);

    public DigestComposer(AlertStore alerts, ArticleStore signals, Router router, MessageRenderer renderer,
                          ZoneId zone) {
        this(alerts, signals, router, renderer, zone, a -> Optional.empty());
    }

    public DigestComposer(AlertStore alerts, ArticleStore signals, Router router, MessageRenderer renderer,
                          ZoneId zone, Function<Alert, Optional<String>> acknowledgement) {
        this.acknowledgement = acknowledgement;
        this.alerts = alerts;
        this.signals = signals;
        this.router = router;
        this.renderer = renderer;
        this.zone = zone;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * {@code period} is the minute the digest was queued (ISO-8601); it covers the 24 hours up to the end of that
     * minute.
     */
    public Rendered render(String recipient, String period) {
        Instant end = Instant.parse(period).plus(1, ChronoUnit.MINUTES);
        Map<String, List<Alert>> byPair = new TreeMap<>();
        for (Alert a : alerts.createdBetween(end.minus(1, ChronoUnit.DAYS), end)) {
            if (router.recipients(a).contains(recipient)) {
                byPair.computeIfAbsent(OutboxNotifier.groupKey(a.actors()), k -> new ArrayList<>()).add(a);
            }
        }
        LocalDate day = end.atZone(zone).toLocalDate();
        List<Map<String, Object>> pairs = new ArrayList<>();
        Map<String, byte[]> images = new LinkedHashMap<>();
        int count = 0;
        Alert worst = null;
        for (Map.Entry<String, List<Alert>> e : byPair.entrySet()) {
            // The most severe first, then the latest event.
            e.getValue().sort(BY_SEVERITY);
            Alert pairWorst = e.getValue().get(0);
            worst = worst == null || BY_SEVERITY.compare(pairWorst, worst) < 0 ? pairWorst : worst;
            // Over the listed alerts' own dates (their events may be weeks old), not the days before the digest.
            LocalDate to = e.getValue().stream().map(Alert::eventDate).max(LocalDate::compareTo).orElse(day);
            LocalDate earliest = e.getValue().stream().map(Alert::eventDate).min(LocalDate::compareTo).orElse(to);
            LocalDate from = earliest.isBefore(to.minusDays(29)) ? later(earliest, to.minusDays(MAX_DAYS - 1))
                    : to.minusDays(29);
            String[] codes = e.getKey().split("-");
            Map<LocalDate, int[]> perDay = new HashMap<>();
            int esc = 0;
            int de = 0;
            if (codes.length == 2) {
                for (ArticleStore.Dated s : signals.signalsBetween(codes[0], codes[1], from, to)) {
                    boolean up = SignalType.valueOf(s.type()).escalation();
                    perDay.computeIfAbsent(s.eventDate(), d -> new int[2])[up ? 0 : 1]++;
                    if (up) {
                        esc++;
                    } else {
                        de++;
                    }
                }
            }
            String chartId = "chart-" + e.getKey() + ".png";
            images.put(chartId, SignalChart.png(from, to, perDay));
            List<Map<String, Object>> views = new ArrayList<>();
            for (Alert a : e.getValue()) {
                Map<String, Object> view = AlertViews.alert(a, false, List.of());
                acknowledgement.apply(a).ifPresent(line -> view.put("acknowledged", line));
                views.add(view);
            }
            count += views.size();
            Map<String, Object> p = new HashMap<>();
            p.put("pair", e.getKey());
            p.put("escalations", esc);
            p.put("deescalations", de);
            p.put("from", from.toString());
            p.put("to", to.toString());
            p.put("severity", pairWorst.severity().name());
            p.put("chartId", chartId);
            p.put("alerts", views);
            pairs.add(p);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("recipient", recipient);
        model.put("day", day.toString());
        model.put("count", count);
        model.put("pairCount", pairs.size());
        // The pairs with the most severe alert first.
        pairs.sort(Comparator.comparing((Map<String, Object> x) -> Severity.valueOf((String) x.get("severity")))
                .reversed());
        model.put("pairs", pairs);
        if (worst != null) {
            model.put("worst", AlertViews.alert(worst, false, List.of()));
        }
        return renderer.render("digest", model, images);
    }
}
