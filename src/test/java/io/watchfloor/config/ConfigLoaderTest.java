package io.watchfloor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @Test
    void shippedConfigSaysWhatTheEmbeddedDefaultsAre() {
        WatchfloorConfig shipped = new ConfigLoader().read(Path.of("config/watchfloor.yaml"));
        assertThat(shipped).isEqualTo(WatchfloorConfig.defaults());
    }

    @Test
    void everyShippedSettingIsCommented() throws Exception {
        var lines = Files.readAllLines(Path.of("config/watchfloor.yaml"));
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.matches("\\s*\\w+:.*\\S.*") && !l.trim().endsWith(":")) {
                assertThat(lines.get(i - 1).trim()).as("comment above line %d: %s", i + 1, l).startsWith("#");
            }
        }
    }

    @Test
    void durationsAsAdminsWriteThem(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "sources:\n  scanInterval: 90s\n");
        assertThat(new ConfigLoader().read(f).sources().scanInterval()).isEqualTo(Duration.ofSeconds(90));
        Files.writeString(f, "sources:\n  scanInterval: PT2M\n");
        assertThat(new ConfigLoader().read(f).sources().scanInterval()).isEqualTo(Duration.ofMinutes(2));
        Files.writeString(f, "sources:\n  scanInterval: often\n");
        assertThatThrownBy(() -> new ConfigLoader().read(f)).hasMessageStartingWith(f + ":2: key 'sources.scanInterval'")
                .hasMessageContaining("not a duration");
    }

    @Test
    void waitsMayBeZeroIntervalsMayNot(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "sources:\n  settleDelay: 0s\nemail:\n  groupWait: 0s\n");
        WatchfloorConfig c = new ConfigLoader().read(f);
        assertThat(c.email().groupWait()).isZero();
        assertThat(c.sources().settleDelay()).isZero();
        assertThat(c.sources().watch()).isTrue();
        Files.writeString(f, "sources:\n  scanInterval: 0s\n");
        assertThatThrownBy(() -> new ConfigLoader().read(f)).hasMessage(f + ":2: key 'sources.scanInterval': must be"
                + " positive");
        Files.writeString(f, "sources:\n  settleDelay: 5m\n");
        assertThatThrownBy(() -> new ConfigLoader().read(f)).hasMessage(f + ":2: key 'sources.settleDelay': must be"
                + " 1m or less");
    }

    @Test
    void valueChecksNameTheKey(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "timezone: Mars/Olympus\nrules:\n  retentionDays: 0\n");
        assertThatThrownBy(() -> new ConfigLoader().read(f))
                .hasMessageContaining(f + ":1: key 'timezone': unknown time zone 'Mars/Olympus'")
                .hasMessageContaining(f + ":3: key 'rules.retentionDays': must be 1 or more");
    }

    @Test
    void brokenYamlNamesTheLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "dataDir: var\n- oops\n");
        assertThatThrownBy(() -> new ConfigLoader().read(f)).hasMessageStartingWith(f + ":2: not valid YAML");
        Files.writeString(f, "dataDir: var\nsources: [seeds]\n");
        assertThatThrownBy(() -> new ConfigLoader().read(f))
                .hasMessage(f + ":2: key 'sources': expected a section (key: value pairs), found a list");
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, """
                dataDir: var
                timezone: Mars/Olympus
                sources:
                  scanInterval: often
                  folder: [seeds]
                rules:
                  freshnessDays: soon
                  retentionDays: 0
                email:
                  defaultRecipient: not an address
                """);
        assertThatThrownBy(() -> new ConfigLoader(java.util.Map.of()).read(f)).satisfies(e -> {
            assertThat(e.getMessage().lines()).contains(
                    f + ":4: key 'sources.scanInterval': not a duration (write e.g. 30s, 5m, 1h)",
                    f + ":7: key 'rules.freshnessDays': expected a whole number, found 'soon'",
                    f + ":2: key 'timezone': unknown time zone 'Mars/Olympus'",
                    f + ":8: key 'rules.retentionDays': must be 1 or more",
                    f + ":10: key 'email.defaultRecipient': 'not an address' is not an email address");
            assertThat(e.getMessage()).contains(f + ":5: unknown key 'sources.folder'");
        });
    }
}
