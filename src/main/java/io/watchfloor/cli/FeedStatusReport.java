package io.watchfloor.cli;

import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.store.Database;
import io.watchfloor.store.FeedStateStore;
import io.watchfloor.store.FeedStateStore.FeedState;
import io.watchfloor.store.StoryStore;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** The feeds part of {@code status}: per feed, its health, last success, last error, failures and next poll. */
final class FeedStatusReport {
    private FeedStatusReport() { }

    static void render(WatchfloorConfig cfg, Database db, PrintWriter out) {
        Map<String, FeedState> states = new LinkedHashMap<>();
        for (FeedState s : new FeedStateStore(db).all()) {
            states.put(s.name(), s);
        }
        if (cfg.sources().feeds().isEmpty() && states.isEmpty()) {
            stories(db, out);
            return;
        }
        out.println("feeds:");
        if (cfg.sources().feeds().isEmpty()) {
            out.println("  (none configured; " + states.size() + " on record from earlier configurations)");
            stories(db, out);
            return;
        }
        for (WatchfloorConfig.Feed f : cfg.sources().feeds()) {
            FeedState s = states.get(f.name());
            String tags = tags(f);
            out.printf("  %-24s %s%s%n", f.name(), f.url(), tags);
            if (s == null || s.lastPoll() == null) {
                out.println("      never polled");
                continue;
            }
            String health = s.consecutiveFailures() == 0 ? "ok"
                    : "FAILING (" + s.consecutiveFailures() + " consecutive failure"
                    + (s.consecutiveFailures() == 1 ? "" : "s")
                    + (s.backoffUntil() != null ? ", backing off until " + t(s.backoffUntil()) : "") + ")";
            out.println("      health: " + health + "; last poll " + t(s.lastPoll())
                    + (s.lastStatus() > 0 ? " (HTTP " + s.lastStatus() + ")" : ""));
            out.println("      last success: " + (s.lastSuccess() == null ? "never" : t(s.lastSuccess()))
                    + "; last error: " + (s.lastError() == null ? "none" : t(s.lastErrorAt()) + " " + s.lastError()));
            out.println("      next poll: " + (s.nextPoll() == null ? "at start" : t(s.nextPoll())) + "; polls: "
                    + s.polls() + " (" + s.notModified() + " not modified); new items: " + s.itemsNew());
            if (s.removedChars() > 0 || s.parseNotes() != null) {
                // Read, but not as written: characters removed, a broken end, guessed encodings, unreadable dates.
                out.println("      last document: " + (s.parseNotes() != null ? s.parseNotes()
                        : s.removedChars() + " characters that XML forbids removed"));
            }
        }
        stories(db, out);
    }

    /** Articles and the stories (clusters) they form: the same story from several outlets is one story. */
    private static void stories(Database db, PrintWriter out) {
        int[] stories = new StoryStore(db).counts();
        if (stories[0] > 0) {
            out.println("stories:  " + stories[0] + " article" + (stories[0] == 1 ? "" : "s") + " in " + stories[1]
                    + " stor" + (stories[1] == 1 ? "y" : "ies"));
        }
    }

    private static String tags(WatchfloorConfig.Feed f) {
        StringBuilder sb = new StringBuilder();
        if (f.tags().region() != null) {
            sb.append("region ").append(f.tags().region());
        }
        if (f.tags().language() != null) {
            sb.append(sb.length() > 0 ? ", " : "").append("language ").append(f.tags().language());
        }
        return sb.length() > 0 ? " [" + sb + "]" : "";
    }

    private static String t(Instant i) {
        return i == null ? "?" : i.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
