package io.watchfloor.pipeline;

import io.watchfloor.alert.AlertChange;
import io.watchfloor.model.Article;
import io.watchfloor.model.Signal;
import java.util.List;

/** What one article produced: its signals and what they did to alerts. */
public record ArticleOutcome(Article article, List<Signal> signals, List<AlertChange> changes) {
    public ArticleOutcome {
        signals = List.copyOf(signals);
        changes = List.copyOf(changes);
    }

    /** The alert changes worth telling a watch officer about. */
    public List<AlertChange> news() {
        return changes.stream().filter(AlertChange::newsworthy).toList();
    }
}
