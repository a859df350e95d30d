package io.watchfloor.notify;

import io.watchfloor.alert.AlertChange;

/** A place alerts go once they are committed to the store. */
public interface Notifier {
    void notify(AlertChange change);
}
