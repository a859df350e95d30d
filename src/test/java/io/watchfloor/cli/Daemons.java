package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starting the packaged jar as its own process and waiting on what it writes, for the process-level tests. */
final class Daemons {
    static final Path JAR = Path.of(System.getProperty("watchfloor.jar", "target/watchfloor.jar"));

    private Daemons() { }

    /** The java command and the jar, then the arguments. */
    static List<String> command(String... args) {
        return command(List.of(), args);
    }

    /** The java command with JVM options, the jar, then the arguments. */
    static List<String> command(List<String> jvm, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** A port nothing listens on right now, on loopback (for a server a test starts later). */
    static int freeLoopbackPort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    /** Waits up to 90 s for {@code check}, failing at once (with its log) if the process dies. */
    static void waitFor(Check check, Process p, Path err) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!check.ok()) {
            assertThat(p.isAlive()).as("daemon died: %s", Files.readString(err)).isTrue();
            assertThat(System.nanoTime()).as("timed out: %s", Files.readString(err)).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
