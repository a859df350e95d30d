package io.watchfloor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit is on disk when it returns: a process that commits and is killed with SIGKILL the moment the commit has
 * returned (H2 would still hold it in memory, for up to its write delay) loses none of it.
 */
class DurableCommitTest {
    private static final int COMMITS = 30;

    @Test
    void everyCommitThatReturnedSurvivesAKillNineRightAfter(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Committer.class.getName(), url,
                Integer.toString(COMMITS)).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null && !line.equals("committed " + COMMITS)) {
                seen.append(line).append('\n');
            }
            assertThat(line).as("the committer's output: %s", seen).isEqualTo("committed " + COMMITS);
            child.destroyForcibly(); // SIGKILL at once: no shutdown hook, no close
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        try (Database db = Database.open(url, "sa", "")) {
            assertThat(new NodeStateStore(db).all()).as("commits on record after the kill").hasSize(COMMITS);
        }
    }

    /** Commits one row at a time, saying so after each commit has returned, then waits to be killed. */
    public static final class Committer {
        public static void main(String[] args) throws Exception {
            try (Database db = Database.open(args[0], "sa", "")) {
                NodeStateStore state = new NodeStateStore(db);
                int n = Integer.parseInt(args[1]);
                for (int i = 1; i <= n; i++) {
                    state.put("commit." + i, "value " + i);
                }
                System.out.println("committed " + n);
                System.out.flush();
                Thread.sleep(60_000); // waits for the kill
            }
        }
    }
}
