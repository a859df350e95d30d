package io.watchfloor.health;

import io.watchfloor.alert.AlertChange;
import io.watchfloor.notify.Notifier;

/** Counts alerts by severity as they are announced. */
public final class MetricsNotifier implements Notifier {
    private final WatchfloorMetrics metrics;

    public MetricsNotifier(WatchfloorMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void notify(AlertChange change) {
        metrics.alert(change.alert().severity().name());
    }
}
