package io.watchfloor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sources.feeds, sources.fetch and sources.stories: defaults, values, and errors that name the key. */
class FeedConfigTest {
    @TempDir
    Path dir;

    private WatchfloorConfig read(String yaml) throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, yaml);
        return new ConfigLoader().read(f);
    }

    @Test
    void defaults() {
        WatchfloorConfig.Sources s = WatchfloorConfig.defaults().sources();
        assertThat(s.feeds()).isEmpty();
        assertThat(s.fetch().interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.fetch().maxBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(s.fetch().userAgent()).startsWith("watchfloor/");
        assertThat(s.fetch().connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.fetch().readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.fetch().backoffInitial()).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.fetch().backoffMax()).isEqualTo(Duration.ofHours(6));
        assertThat(s.stories().windowDays()).isEqualTo(2);
        assertThat(s.stories().threshold()).isEqualTo(0.45);
    }

    @Test
    void theShippedFileHoldsTheDefaults() {
        WatchfloorConfig shipped = new ConfigLoader().read(Path.of("config/watchfloor.yaml"));
        assertThat(shipped.sources()).isEqualTo(WatchfloorConfig.defaults().sources());
    }

    @Test
    void feedsWithNamesOutletsIntervalsAndTags() throws Exception {
        WatchfloorConfig c = read("""
                sources:
                  feeds:
                    - url: https://news.example.org/world/rss.xml
                      name: example-world
                      outlet: Example News
                      interval: 90s
                      tags: {region: south-asia, language: en}
                    - url: https://other.example.net/feed.atom
                  fetch:
                    readTimeout: 5s
                    maxBytes: 2048
                """);
        WatchfloorConfig.Feed a = c.sources().feeds().get(0);
        assertThat(a.name()).isEqualTo("example-world");
        assertThat(a.outlet()).isEqualTo("Example News");
        assertThat(a.interval()).isEqualTo(Duration.ofSeconds(90));
        assertThat(a.tags().region()).isEqualTo("south-asia");
        assertThat(a.tags().language()).isEqualTo("en");
        WatchfloorConfig.Feed b = c.sources().feeds().get(1);
        assertThat(b.name()).isEqualTo("other.example.net");
        assertThat(b.outlet()).isEqualTo("other.example.net");
        assertThat(b.interval()).isNull();   // the fetch.interval default applies
        assertThat(c.sources().fetch().readTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.sources().fetch().maxBytes()).isEqualTo(2048);
    }

    @Test
    void badFeedsAreNamedByKey() {
        assertThatThrownBy(() -> read("""
                sources:
                  feeds:
                    - url: ftp://files.example.org/feed.xml
                    - url: https://a.example/rss
                      name: a
                    - url: https://b.example/rss
                      name: a
                """)).hasMessageContaining("key 'sources.feeds[0].url': expected an http or https URL")
                .hasMessageContaining("key 'sources.feeds[2].name': two feeds are named 'a'");
        assertThatThrownBy(() -> read("sources:\n  feeds:\n    - name: x\n"))
                .hasMessageContaining("key 'sources.feeds[0].url'");
        assertThatThrownBy(() -> read("sources:\n  feeds:\n    - url: https://a.example/\n      colour: red\n"))
                .hasMessageContaining("unknown key 'sources.feeds[0].colour'");
        assertThatThrownBy(() -> read("sources:\n  fetch:\n    backoffInitial: 2h\n    backoffMax: 1h\n"))
                .hasMessageContaining("key 'sources.fetch.backoffMax'");
        assertThatThrownBy(() -> read("sources:\n  stories:\n    threshold: 1.5\n"))
                .hasMessageContaining("key 'sources.stories.threshold'");
        assertThatThrownBy(() -> read("sources:\n  fetch:\n    readTimeout: soon\n"))
                .hasMessageContaining("key 'sources.fetch.readTimeout'").hasMessageContaining("not a duration");
    }
}
