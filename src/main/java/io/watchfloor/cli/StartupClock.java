package io.watchfloor.cli;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/** Where a start's time goes: the JVM's own start, then each step of the daemon's, for the "ready" log line. */
final class StartupClock {
    private final List<String> phases = new ArrayList<>();
    private long last;

    StartupClock() {
        last = uptimeMillis();
        phases.add("JVM and command line " + last + " ms");
    }

    /** Ends the step named {@code phase}. */
    void mark(String phase) {
        long now = uptimeMillis();
        phases.add(phase + " " + (now - last) + " ms");
        last = now;
    }

    String phases() {
        return String.join(", ", phases);
    }

    /** Milliseconds since the JVM started. */
    long uptimeMillis() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }
}
