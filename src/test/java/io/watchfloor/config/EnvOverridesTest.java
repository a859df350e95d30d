package io.watchfloor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WATCHFLOOR_* environment variables override any key, over the file and over the embedded defaults. */
class EnvOverridesTest {
    @Test
    void variablesOverrideKeysAtAnyDepth(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "email:\n  smtp:\n    host: mail.example.org\nrules:\n  freshnessDays: 3\n");
        WatchfloorConfig c = new ConfigLoader(Map.of(
                "WATCHFLOOR_SMTP_HOST", "relay.internal",
                "WATCHFLOOR_EMAIL_SMTP_PORT", "2525",
                "WATCHFLOOR_RULES_FRESHNESS_DAYS", "5",
                "WATCHFLOOR_SOURCES_FOLDERS", "inbox, /srv/news",
                "WATCHFLOOR_SOURCES_SCANINTERVAL", "30s",
                "WATCHFLOOR_HTTP_ENABLED", "false",
                "WATCHFLOOR_SMTP_PASSWORD", "not a key",
                "PATH", "/usr/bin")).read(f);
        assertThat(c.email().smtp().host()).isEqualTo("relay.internal");
        assertThat(c.email().smtp().port()).isEqualTo(2525);
        assertThat(c.rules().freshnessDays()).isEqualTo(5);
        assertThat(c.sources().folders()).containsExactly("inbox", "/srv/news");
        assertThat(c.sources().scanInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.http().enabled()).isFalse();
    }

    @Test
    void overridesApplyToTheEmbeddedDefaultsToo(@TempDir Path dir) {
        WatchfloorConfig c = new ConfigLoader(Map.of("WATCHFLOOR_DATA_DIR", dir.toString())).load(null);
        assertThat(c.dataDir()).isEqualTo(dir.toString());
    }

    @Test
    void aBadValueNamesTheVariable(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "dataDir: var\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("WATCHFLOOR_RULES_RETENTION_DAYS", "forever")).read(f))
                .hasMessage("WATCHFLOOR_RULES_RETENTION_DAYS: key 'rules.retentionDays': expected a whole number,"
                        + " found 'forever'");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("WATCHFLOOR_RULES_RETENTION_DAYS", "0")).read(f))
                .hasMessageContaining("key 'rules.retentionDays': must be 1 or more");
    }
}
