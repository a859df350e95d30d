package io.watchfloor.alert;

import io.watchfloor.model.Alert;

/** What an evaluation did to an alert. Only NEW and UPDATED are worth telling a watch officer about. */
public record AlertChange(Alert alert, Kind kind) {
    public enum Kind {
        /** A situation not seen before. */
        NEW,
        /** More independent sources, or a higher severity. */
        UPDATED,
        /** More evidence from sources already counted: stored, not announced. */
        REFINED,
        /** Nothing new (the same article or rule firing again, e.g. after a restart or a rule reload). */
        UNCHANGED
    }

    public boolean newsworthy() {
        return kind == Kind.NEW || kind == Kind.UPDATED;
    }
}
