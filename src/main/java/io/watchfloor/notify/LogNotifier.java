package io.watchfloor.notify;

import io.watchfloor.alert.AlertChange;
import io.watchfloor.model.Alert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Alerts as one readable log line each, on the "watchfloor.alerts" logger. */
public final class LogNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger("watchfloor.alerts");

    @Override
    public void notify(AlertChange change) {
        LOG.info("{}", line(change));
    }

    @Override
    public void admin(AdminNotice notice) {
        LOG.warn("[{}] ADMIN {}", notice.severity(), notice.title());
        notice.details().forEach(d -> LOG.warn("    {}", d));
    }

    public static String line(AlertChange change) {
        Alert a = change.alert();
        return String.format("%s[%s] %s %s: %s (%s, %s, %d source%s, rule %s, id %s)",
                change.kind() == AlertChange.Kind.UPDATED ? "UPDATE " : "",
                a.severity(), a.category(), OutboxNotifier.groupKey(a.actors()), a.title(), a.type(), a.eventDate(),
                a.sources(), a.sources() == 1 ? "" : "s", a.rule(), a.id());
    }
}
