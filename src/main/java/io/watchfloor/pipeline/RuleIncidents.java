package io.watchfloor.pipeline;

import io.watchfloor.model.Article;
import io.watchfloor.notify.AdminNotice;
import io.watchfloor.rules.RuleEvaluationException;
import io.watchfloor.rules.RuleFailure;
import io.watchfloor.store.SetAsideStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the rules got wrong while running, told to the admins and kept for /health: articles set aside (a rule past
 * the time limit, a condition that threw), recorded in the store for a retry after the next rule change; and rules
 * whose consequence threw (their match raised nothing, the other rules went on), counted until the rules change.
 */
public final class RuleIncidents {
    private static final Logger LOG = LoggerFactory.getLogger(RuleIncidents.class);

    /** A rule that threw since the rules were loaded: how often, and the last time. */
    private record Failing(int times, RuleFailure last) { }

    private final SetAsideStore setAside;
    private final Consumer<AdminNotice> admins;
    private final Clock clock;
    private final Map<String, Failing> failing = new LinkedHashMap<>();

    public RuleIncidents(SetAsideStore setAside, Consumer<AdminNotice> admins, Clock clock) {
        this.setAside = setAside;
        this.admins = admins;
        this.clock = clock;
    }

    /** An article the rules could not finish: logged with its id, recorded, told to the admins. */
    void setAside(Article article, RuleEvaluationException e) {
        LOG.error("article {} ({}) set aside, the next articles go on: {}; it is retried after the next rule change"
                + " (watchfloor status lists it)", article.id(), article.title(), e.getMessage());
        setAside.put(article.id(), e.rule(), e.getMessage(), clock.instant());
        admins.accept(new AdminNotice("WARNING", "Article set aside by the rules: " + article.id(),
                List.of(e.getMessage(), "Article: " + article.id() + " (" + article.title() + ")",
                        "It is kept in the store and retried after the next rule change."), clock.instant()));
    }

    /** A set-aside article the rules have now finished. */
    void cleared(Article article) {
        setAside.remove(article.id());
        LOG.info("article {} evaluated after a rule change: no longer set aside", article.id());
    }

    /** Consequences that threw: every one logged; the admins told of a rule the first time it throws. */
    synchronized void failed(List<RuleFailure> failures) {
        for (RuleFailure f : failures) {
            LOG.error("{}; the article's other alerts went out", f);
            Failing before = failing.get(f.rule());
            failing.put(f.rule(), new Failing(before == null ? 1 : before.times() + 1, f));
            if (before == null) {
                admins.accept(new AdminNotice("WARNING", "A rule threw: " + f.rule(), List.of(f.toString(),
                        "That match raised no alert; the other rules went on. A rule change re-evaluates the"
                                + " signals still in the rules' window."), clock.instant()));
            }
        }
    }

    /** New rules are running: their own failures count from now. */
    synchronized void rulesChanged() {
        failing.clear();
    }

    /** Reasons for /health: set-aside articles and rules that threw since they were loaded; empty when none. */
    public synchronized List<String> problems() {
        List<String> out = new ArrayList<>();
        List<SetAsideStore.SetAside> aside = setAside.all();
        if (!aside.isEmpty()) {
            SetAsideStore.SetAside first = aside.get(0);
            out.add(aside.size() + " article" + (aside.size() == 1 ? "" : "s") + " set aside by the rules (first: "
                    + first.articleId() + ": " + first.reason() + "); fix the rule: the next rule change retries"
                    + (aside.size() == 1 ? " it" : " them"));
        }
        failing.forEach((rule, f) -> out.add(rule + " threw " + f.times() + " time" + (f.times() == 1 ? "" : "s")
                + " since the rules were loaded (last: " + f.last().error() + ")"));
        return out;
    }
}
