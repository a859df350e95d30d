package io.watchfloor.notify;

import io.watchfloor.model.Alert;
import io.watchfloor.model.Evidence;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Writes alert lines ({@link JsonLines#alert(Alert)}, the same bytes) for a stream of alert changes, remembering the
 * JSON of the reports it wrote lately: each change of a busy alert shows again the reports the line before showed (its
 * first five and latest twenty, the same objects), and escaping their sentences anew was most of the cost of a
 * replay's output. Remembers by identity, in two generations of at most {@link #GENERATION} reports each: a report
 * shown again moves to the current generation; when that is full, the older one is forgotten. One per thread: not
 * thread-safe.
 */
public final class AlertLineWriter {
    static final int GENERATION = 16_384;

    private Map<Evidence, String> current = new IdentityHashMap<>();
    private Map<Evidence, String> older = new IdentityHashMap<>();

    public String line(Alert a) {
        return JsonLines.alert(a, this::json);
    }

    private String json(Evidence e) {
        String json = current.get(e);
        if (json != null) {
            return json;
        }
        json = older.remove(e);
        if (json == null) {
            json = JsonLines.evidence(e);
        }
        if (current.size() >= GENERATION) {
            older = current;
            current = new IdentityHashMap<>();
        }
        current.put(e, json);
        return json;
    }

    /** How many reports' JSON it holds now: never more than two generations. */
    int remembered() {
        return current.size() + older.size();
    }
}
