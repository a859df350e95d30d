package io.watchfloor.health;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The daemon's meters, in one explicit registry (no global state): articles, signals, alerts by severity,
 * deliveries and failures, poll latency, rule evaluation time, outbox size.
 */
public final class WatchfloorMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public WatchfloorMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
    }

    public void articleProcessed(int signals, Duration took) {
        registry.counter("watchfloor_articles_ingested").increment();
        registry.counter("watchfloor_signals").increment(signals);
        Timer.builder("watchfloor_article_processing").description("extraction, rules and alert decisions")
                .register(registry).record(took);
    }

    public void ruleEvaluation(Duration took) {
        Timer.builder("watchfloor_rule_evaluation").register(registry).record(took);
    }

    public void alert(String severity) {
        Counter.builder("watchfloor_alerts").tag("severity", severity).register(registry).increment();
    }

    public void delivery(boolean ok) {
        Counter.builder(ok ? "watchfloor_deliveries" : "watchfloor_delivery_failures").register(registry)
                .increment();
    }

    public void poll(String kind, Duration took) {
        Timer.builder("watchfloor_poll").tag("kind", kind).register(registry).record(took);
    }

    /** The number of messages waiting in the outbox, read when scraped. */
    public void outboxSize(Supplier<Number> size) {
        Gauge.builder("watchfloor_outbox_pending", size).register(registry);
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
        Gauge.builder("watchfloor_articles_set_aside", count).register(registry);
    }

    public void ruleFailed(String rule) {
        Counter.builder("watchfloor_rule_failures").tag("rule", rule).register(registry).increment();
    }

    /** Prometheus text exposition format. */
    public String scrape() {
        return registry.scrape();
    }
}
