package io.watchfloor.cli;

import io.watchfloor.health.Health;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a running daemon leaves in its data folder for {@code status} ({@code status.txt}): its pid, where its health
 * endpoint answers, its health when written, and the report. The embedded database is open in one process at a
 * time, so {@code status} reads this instead while the daemon runs. A few header lines, then a line {@code ---},
 * then the report as printed.
 *
 * @param healthUrl the daemon's {@code /health}, or null when it serves none
 */
record StatusSnapshot(long pid, String healthUrl, Instant written, Health health, String report) {
    static final String FILE = "status.txt";

    String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("pid ").append(pid).append('\n');
        if (healthUrl != null) {
            sb.append("health-url ").append(healthUrl).append('\n');
        }
        sb.append("written ").append(Times.second(written)).append('\n');
        sb.append("health ").append(health.status()).append('\n');
        health.reasons().forEach(r -> sb.append("reason ").append(r.replace('\n', ' ')).append('\n'));
        sb.append("---\n").append(report);
        return sb.toString();
    }

    /** Writes it atomically: a reader sees the old snapshot or the new one, never half of one. */
    void write(Path file) {
        synchronized (StatusSnapshot.class) {
            try {
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                Files.writeString(tmp, text(), StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }
    }

    /** The snapshot when the daemon that wrote it is still running. */
    static Optional<StatusSnapshot> live(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).startsWith("pid ")) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).substring(4).trim());
            boolean alive = pid != ProcessHandle.current().pid()
                    && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            if (!alive) {
                return Optional.empty();
            }
            String url = null;
            Instant written = null;
            String status = "unknown";
            List<String> reasons = new ArrayList<>();
            int i = 1;
            for (; i < lines.size() && !lines.get(i).equals("---"); i++) {
                String l = lines.get(i);
                if (l.startsWith("health-url ")) {
                    url = l.substring(11);
                } else if (l.startsWith("written ")) {
                    written = Instant.parse(l.substring(8));
                } else if (l.startsWith("health ")) {
                    status = l.substring(7);
                } else if (l.startsWith("reason ")) {
                    reasons.add(l.substring(7));
                }
            }
            StringBuilder report = new StringBuilder();
            lines.subList(Math.min(i + 1, lines.size()), lines.size()).forEach(l -> report.append(l).append('\n'));
            return Optional.of(new StatusSnapshot(pid, url, written, new Health(status, reasons), report.toString()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
