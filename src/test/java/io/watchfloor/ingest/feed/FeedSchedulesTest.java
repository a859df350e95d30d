package io.watchfloor.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.config.ConfigLoader;
import io.watchfloor.config.WatchfloorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler is sized before the feeds are built: by the feeds' distinct poll intervals, as they are grouped. */
class FeedSchedulesTest {
    @Test
    void feedsOnTheDefaultIntervalAndOneTheirOwnMakeTwoSchedules(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("c.yaml");
        Files.writeString(yaml, """
                sources:
                  feeds:
                    - {url: "http://127.0.0.1:1/a.xml", name: a}
                    - {url: "http://127.0.0.1:1/b.xml", name: b, interval: 5m}
                    - {url: "http://127.0.0.1:1/c.xml", name: c, interval: 1h}
                  fetch:
                    interval: 5m
                """);
        WatchfloorConfig cfg = new ConfigLoader().read(yaml);
        assertThat(FeedSources.schedules(cfg)).isEqualTo(2);
        assertThat(FeedSources.schedules(WatchfloorConfig.defaults())).isZero();
    }
}
