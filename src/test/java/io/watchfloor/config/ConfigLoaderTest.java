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
    void theParserIsCoreNlpOrNone(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.yaml");
        assertThat(WatchfloorConfig.defaults().extract().parses()).isTrue();
        Files.writeString(f, "extract:\n  parser: None\n");
        assertThat(new ConfigLoader().read(f).extract().parser()).isEqualTo("none");
        assertThat(new ConfigLoader().read(f).extract().parses()).isFalse();
        Files.writeString(f, "extract:\n  parser: spacy\n");
        assertThatThrownBy(() -> new ConfigLoader().read(f))
                .hasMessage(f + ":2: key 'extract.parser': 'spacy' is not corenlp or none");
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

    @Test
    void portsDurationsAndSizesAreCheckedAgainstTheirRanges(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, """
                sources:
                  fetch:
                    maxBytes: 2GB
                    connectTimeout: 1ms
                    concurrency: 0
                rules:
                  evaluationTimeout: 1h
                email:
                  smtp:
                    port: -1
                  retryInitial: 2h
                  retryMax: 1h
                http:
                  port: 70000
                  diskFreeMin: lots
                """);
        assertThatThrownBy(() -> new ConfigLoader(java.util.Map.of()).read(f)).satisfies(e -> {
            assertThat(e.getMessage().lines()).contains(
                    f + ":15: key 'http.diskFreeMin': not a size (write e.g. 500MB, 2GB, or a number of bytes)",
                    f + ":3: key 'sources.fetch.maxBytes': must be 1GB or less",
                    f + ":4: key 'sources.fetch.connectTimeout': must be 100ms or more",
                    f + ":5: key 'sources.fetch.concurrency': must be 1 or more",
                    f + ":7: key 'rules.evaluationTimeout': must be 10m or less",
                    f + ":10: key 'email.smtp.port': must be 1 or more",
                    f + ":12: key 'email.retryMax': must not be shorter than retryInitial",
                    f + ":14: key 'http.port': must be 65535 or less");
        });
    }

    @Test
    void sizesTakeUnitsAndTheNewKeysHaveDefaults(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "sources:\n  fetch:\n    maxBytes: 512KB\nhttp:\n  diskFreeMin: 2GB\n"
                + "  stallAfter: 30s\nrules:\n  evaluationTimeout: 2s\n");
        WatchfloorConfig c = new ConfigLoader().read(f);
        assertThat(c.sources().fetch().maxBytes()).isEqualTo(512 * 1024);
        assertThat(c.http().diskFreeMin()).isEqualTo(2L << 30);
        assertThat(c.rules().evaluationTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(WatchfloorConfig.defaults().rules().evaluationTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(WatchfloorConfig.defaults().http().deliveryFailureWindow()).isEqualTo(Duration.ofMinutes(5));

        Files.writeString(f, "http:\n  stallAfter: 10s\nrules:\n  evaluationTimeout: 20s\n");
        assertThatThrownBy(() -> new ConfigLoader().read(f))
                .hasMessage(f + ":2: key 'http.stallAfter': must be longer than rules.evaluationTimeout (20s)");
    }

    @Test
    void allowedFeedAddressesAreRanges(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "sources:\n  fetch:\n    allowAddresses: [10.20.0.0/16, \"fd00::/8\"]\n");
        assertThat(new ConfigLoader().read(f).sources().fetch().allowAddresses()).containsExactly("10.20.0.0/16",
                "fd00::/8");
        Files.writeString(f, "sources:\n  fetch:\n    allowAddresses:\n      - 10.0.0.0/33\n      - intranet\n");
        assertThatThrownBy(() -> new ConfigLoader(java.util.Map.of()).read(f)).satisfies(e ->
                assertThat(e.getMessage().lines()).containsExactly(
                        f + ":3: key 'sources.fetch.allowAddresses[0]': '10.0.0.0/33': the prefix length must be 0"
                                + " to 32",
                        f + ":3: key 'sources.fetch.allowAddresses[1]': 'intranet' is not an address range (write e.g."
                                + " 10.0.0.0/8, 192.168.1.20 or fd00::/8)"));
    }

    @Test
    void withoutConfigOptionTheFileNamedByWatchfloorConfigIsRead(@TempDir Path dir) throws Exception {
        Path installed = dir.resolve("watchfloor.yaml");
        Files.writeString(installed, "dataDir: /var/lib/watchfloor\nrulesDir: /etc/watchfloor/rules\n");
        ConfigLoader loader = new ConfigLoader(java.util.Map.of("WATCHFLOOR_CONFIG", installed.toString()));
        assertThat(loader.chosenFile(null)).isEqualTo(installed);
        assertThat(loader.load(null).dataDir()).isEqualTo("/var/lib/watchfloor");
        // --config still wins.
        Path other = dir.resolve("other.yaml");
        Files.writeString(other, "dataDir: elsewhere\n");
        assertThat(loader.load(other).dataDir()).isEqualTo("elsewhere");
        // A variable naming a missing file is an error that names the variable, not a silent fallback.
        ConfigLoader missing = new ConfigLoader(java.util.Map.of("WATCHFLOOR_CONFIG", dir.resolve("no.yaml").toString()));
        assertThatThrownBy(() -> missing.load(null)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("no.yaml: config file not found (named by WATCHFLOOR_CONFIG)");
    }
}
