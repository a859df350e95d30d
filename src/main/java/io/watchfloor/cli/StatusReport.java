package io.watchfloor.cli;

import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.health.Health;
import io.watchfloor.rules.CompiledRules;
import io.watchfloor.store.AlertStore;
import io.watchfloor.store.ArticleStore;
import io.watchfloor.store.Database;
import io.watchfloor.store.NodeStateStore;
import io.watchfloor.store.OutboxStore;
import io.watchfloor.store.SetAsideStore;
import io.watchfloor.store.SourceStateStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code status} read from the store: one small method per part, printed in order, so a part is added
 * with one method and one line in {@link #render}. The daemon renders it into its snapshot; without a daemon the
 * command renders it itself.
 */
final class StatusReport {
    private StatusReport() { }

    static String render(WatchfloorConfig cfg, Database db, String daemon) {
        StringWriter sw = new StringWriter();
        PrintWriter out = new PrintWriter(sw);
        Map<String, String> node = new NodeStateStore(db).all();
        out.println("daemon:   " + daemon);
        out.println("rules:    " + node.getOrDefault("rules.loaded", "none loaded yet"));
        sources(db, out);
        FeedStatusReport.render(cfg, db, out);
        out.println("articles: " + new ArticleStore(db).count() + " processed");
        setAside(db, out);
        alerts(cfg, db, out);
        out.flush();
        return sw.toString();
    }

    /** The daemon line of a daemon that is not running, from what it left in the store. */
    static String stopped(Map<String, String> node) {
        String started = node.get("daemon.started");
        if (started == null) {
            return "never run";
        }
        return "not running (last started " + Times.second(started) + ", stopped "
                + Times.second(node.get("daemon.stopped")) + ")";
    }

    /** The rules line: rule files only (a .dsl file holds phrases, not rules), and when they were compiled. */
    static String describe(CompiledRules rules) {
        List<String> ruleFiles = rules.files().stream().filter(f -> !f.endsWith(".dsl")).toList();
        List<String> phrases = rules.files().stream().filter(f -> f.endsWith(".dsl")).toList();
        return rules.ruleNames().size() + " rules from " + ruleFiles.size() + " file" + (ruleFiles.size() == 1 ? "" : "s")
                + " (" + String.join(", ", ruleFiles) + ")"
                + (phrases.isEmpty() ? "" : ", phrases from " + String.join(", ", phrases))
                + ", compiled " + Times.second(rules.compiledAt());
    }

    static void health(Health h, String asOf, PrintWriter out) {
        out.println("health:   " + (h.ok() ? "ok" : "DEGRADED") + (asOf == null ? "" : " (" + asOf + ")"));
        h.reasons().forEach(r -> out.println("  - " + r));
    }

    private static void sources(Database db, PrintWriter out) {
        out.println("sources:");
        var states = new SourceStateStore(db).all();
        if (states.isEmpty()) {
            out.println("  (not polled yet)");
        }
        for (var s : states) {
            out.printf("  %-7s %-30s last poll %s, %s, %d articles%n", s.kind(), s.name(),
                    s.lastPoll() == null ? "never" : Times.second(s.lastPoll()),
                    s.lastError() == null ? "ok" : "ERROR " + s.lastError(), s.articlesSeen());
        }
    }

    private static void setAside(Database db, PrintWriter out) {
        List<SetAsideStore.SetAside> aside = new SetAsideStore(db).all();
        if (aside.isEmpty()) {
            return;
        }
        out.println("set aside by the rules: " + aside.size() + " article" + (aside.size() == 1 ? "" : "s")
                + " (retried after the next rule change)");
        for (SetAsideStore.SetAside a : aside) {
            out.printf("  %s (%s), %s: %s%n", a.articleId(), a.title(), Times.second(a.at()), a.reason());
        }
    }

    private static void alerts(WatchfloorConfig cfg, Database db, PrintWriter out) {
        OutboxStore outbox = new OutboxStore(db);
        int pending = outbox.countPending();
        out.println("alerts:   " + new AlertStore(db).count() + " on record, " + pending + " email"
                + (pending == 1 ? "" : "s") + " pending delivery, " + outbox.countSent() + " sent ("
                + (cfg.email().smtp().configured() ? "SMTP " + cfg.email().smtp().host() : ".eml files in "
                + cfg.outboxDir()) + "; also " + cfg.alertsFile() + ")");
    }
}
