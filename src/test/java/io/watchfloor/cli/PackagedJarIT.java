package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shaded jar, run as its own process: what the launcher script and a service run. */
class PackagedJarIT {
    record Result(int exit, String out, String err) { }

    static Result java(String... args) throws IOException, InterruptedException {
        List<String> cmd = Daemons.command(args);
        Path out = Files.createTempFile("wf-out", ".txt");
        Path err = Files.createTempFile("wf-err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished in time").isTrue();
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    @Test
    void replaysTheSeedsAsJsonLinesWithNothingElseOnStandardOutput() throws Exception {
        Result r = java("replay", "seeds", "--format", "jsonl");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines()).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("{\"kind\":"));
        assertThat(r.out()).contains("\"rule\":\"tit-for-tat\"");
        // Drools' own build chatter must not reach the operator.
        assertThat(r.err()).doesNotContain("Unable to build KieBaseModel");
    }

    @Test
    void validatesTheShippedRules() throws Exception {
        Result r = java("rules", "validate");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("OK: ");
    }

    @Test
    void badUsageExitsTwo() throws Exception {
        Result r = java("replay");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required parameter");
    }

    @Test
    void logsCanBeJsonLinesOrRollingFiles(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("c.yaml");
        Files.writeString(cfg, "dataDir: " + dir.resolve("var") + "\nsources:\n  folders: [seeds]\n");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(Daemons.command(List.of("-Dlogback.configurationFile=config/logback-json.xml"),
                "run", "--once", "--config", cfg.toString())).redirectError(err.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> lines = Files.readAllLines(err);
        assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(json.readTree(l).path("level").asText())
                .isNotEmpty());
        assertThat(lines).anySatisfy(l -> assertThat(json.readTree(l).path("formattedMessage").asText())
                .contains("rule tit-for-tat"));

        Path logs = dir.resolve("logs");
        ProcessBuilder pb = new ProcessBuilder(Daemons.command(List.of(
                "-Dlogback.configurationFile=config/logback-file.xml"), "run", "--once", "--config", cfg.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("out2.txt").toFile());
        pb.environment().put("WATCHFLOOR_LOG_DIR", logs.toString());
        Process q = pb.start();
        assertThat(q.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(logs.resolve("watchfloor.log"))).contains("watchfloor started");
    }
}
