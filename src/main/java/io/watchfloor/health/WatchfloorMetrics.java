package io.watchfloor.health;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.core.metrics.Info;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The daemon's meters, in one explicit registry (no global state): articles, signals, alerts by severity,
 * deliveries and failures, poll latency, rule evaluation time, outbox size.
 */
public final class WatchfloorMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter deliveries;
    private final Counter deliveryFailures;

    public WatchfloorMetrics() {
        this("unknown");
    }

    /**
     * With the version this build reports. Counters an alerting rule watches are registered at once, at 0: a rate()
     * over a counter that appears only with its first failure misses that failure.
     */
    public WatchfloorMetrics(String version) {
        new JvmMemoryMetrics().bindTo(registry);
        // An info metric (Micrometer would drop the _info suffix from a gauge's name), as Prometheus's own exporters
        // give their version.
        Info build = Info.builder().name("watchfloor_build_info").help("the running build: its version and Java")
                .labelNames("version", "java").register(registry.getPrometheusRegistry());
        build.addLabelValues(version, System.getProperty("java.version", "?"));
        deliveries = Counter.builder("watchfloor_deliveries").description("email messages accepted by the SMTP server"
                + " (or written as .eml files)").register(registry);
        deliveryFailures = Counter.builder("watchfloor_delivery_failures").description("email sends that failed "
                + "(each retry counts)").register(registry);
        articles();
        Counter.builder("watchfloor_signals").description("signals extracted from articles").register(registry);
    }

    private Counter articles() {
        return Counter.builder("watchfloor_articles_ingested").description("articles read and processed")
                .register(registry);
    }

    public void articleProcessed(int signals, Duration took) {
        articles().increment();
        Counter.builder("watchfloor_signals").description("signals extracted from articles").register(registry)
                .increment(signals);
        Timer.builder("watchfloor_article_processing").description("extraction, rules and alert decisions")
                .register(registry).record(took);
    }

    public void ruleEvaluation(Duration took) {
        Timer.builder("watchfloor_rule_evaluation").description("the rules' work on one article")
                .register(registry).record(took);
    }

    public void alert(String severity) {
        Counter.builder("watchfloor_alerts").description("alerts raised or updated, by severity")
                .tag("severity", severity).register(registry).increment();
    }

    public void delivery(boolean ok) {
        (ok ? deliveries : deliveryFailures).increment();
    }

    public void poll(String kind, Duration took) {
        Timer.builder("watchfloor_poll").description("a folder scan or a round of feed polls, by kind")
                .tag("kind", kind).register(registry).record(took);
    }

    /** The number of messages waiting in the outbox, read when scraped. */
    public void outboxSize(Supplier<Number> size) {
        Gauge.builder("watchfloor_outbox_pending", size).description("email messages waiting to be sent")
                .register(registry);
    }

    /**
     * Whether the last rule reload was taken (1) or refused (0), and when rules were last loaded, as Alertmanager
     * reports its configuration reloads.
     */
    public void rulesReload(java.util.function.BooleanSupplier successful, Supplier<java.time.Instant> lastSuccess) {
        Gauge.builder("watchfloor_rules_last_reload_successful", () -> successful.getAsBoolean() ? 1 : 0)
                .description("1 when the last rule reload was taken, 0 when it was refused").register(registry);
        Gauge.builder("watchfloor_rules_last_reload_success_timestamp_seconds",
                        () -> lastSuccess.get().toEpochMilli() / 1000.0)
                .description("when rules were last loaded successfully (Unix time)").register(registry);
    }

    /** Articles the rules set aside, read when scraped. */
    public void setAside(Supplier<Number> count) {
        Gauge.builder("watchfloor_articles_set_aside", count).description("articles the rules set aside (see "
                + "watchfloor status)").register(registry);
    }

    public void ruleFailed(String rule) {
        Counter.builder("watchfloor_rule_failures").description("times a rule threw, by rule").tag("rule", rule)
                .register(registry).increment();
    }

    /** Prometheus text exposition format. */
    public String scrape() {
        return registry.scrape();
    }
}
