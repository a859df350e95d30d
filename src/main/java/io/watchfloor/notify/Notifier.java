package io.watchfloor.notify;

import io.watchfloor.alert.AlertChange;

/** A place alerts go once they are committed to the store. */
public interface Notifier {
    void notify(AlertChange change);

    /** A notice for the admins; outputs that do not serve admins ignore it. */
    default void admin(AdminNotice notice) {
    }
}
