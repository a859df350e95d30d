package io.watchfloor.evaluate;

import io.watchfloor.model.Alert;
import io.watchfloor.model.Signal;
import java.util.List;

/**
 * One article as a replay left it: what {@code replay --format jsonl} prints for it.
 *
 * @param id      the article's id (alerts name their articles by it)
 * @param name    how the set names it: its path relative to the set's folder, or a converted record's key
 * @param signals its signals, in the order extraction found them
 * @param alerts  the alerts it raised or updated (the newsworthy changes, as replay prints them)
 */
public record ReplayedArticle(String id, String name, List<Signal> signals, List<Alert> alerts) {
    public ReplayedArticle {
        signals = List.copyOf(signals);
        alerts = List.copyOf(alerts);
    }
}
