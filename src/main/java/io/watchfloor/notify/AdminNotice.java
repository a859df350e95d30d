package io.watchfloor.notify;

import java.time.Instant;
import java.util.List;

/** Something the admins of watchfloor (not the watch officers) must know: rules that do not compile, say. */
public record AdminNotice(String severity, String title, List<String> details, Instant at) {
    public AdminNotice {
        details = List.copyOf(details);
    }
}
