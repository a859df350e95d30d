package io.watchfloor.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.extract.ActorCatalog;
import io.watchfloor.ingest.FileArticle;
import io.watchfloor.ingest.FolderSource;
import io.watchfloor.model.Article;
import io.watchfloor.store.Database;
import io.watchfloor.store.StoryStore;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StoryClustererTest {
    static Set<String> countries;

    @BeforeAll
    static void load() {
        countries = StoryClusterer.countryTerms(ActorCatalog.loadDefault());
    }

    private static Article read(String path) {
        return new FolderSource(List.of(Path.of(path)), ZoneOffset.UTC).scan().articles().get(0).article();
    }

    private static StoryClusterer clusterer() {
        return new StoryClusterer(countries, 2, 0.45, null);
    }

    @Test
    void theTwoSeedArticlesAreOneStory() {
        Article a = read("seeds/000_89c3de90ed6096f9.txt");
        Article b = read("seeds/002_333d6fb679bd7709.txt");
        StoryClusterer c = clusterer();
        System.out.println("seed pair similarity " + c.similarity(a, b));
        assertThat(c.similarity(a, b)).isGreaterThan(0.5);
        assertThat(c.sameStory(a, b)).isTrue();
        StoryClusterer.Assignment first = c.assign(a);
        StoryClusterer.Assignment second = c.assign(b);
        assertThat(first.joined()).isFalse();
        assertThat(second.clusterId()).isEqualTo(first.clusterId());
        assertThat(second.joinedFrom()).isEqualTo(a.id());
    }

    @Test
    void unrelatedCorpusArticlesAreNot() {
        StoryClusterer c = clusterer();
        Article strike = read("src/test/resources/corpus/001_iran_pakistan_tit_for_tat.txt");
        Article dock = read("src/test/resources/corpus/003_karachi_dockworkers_strike.txt");
        Article visit = read("seeds/002_333d6fb679bd7709.txt");
        // Same dates, so that only the text decides.
        Article strikeToday = new Article(strike.id(), strike.title(), strike.body(), visit.published(), null, "a");
        Article dockToday = new Article(dock.id(), dock.title(), dock.body(), visit.published(), null, "b");
        assertThat(c.sameStory(strikeToday, dockToday)).isFalse();
        // Same two countries, related but a different event (the strikes, not the visit): not the same story either.
        assertThat(c.sameStory(strikeToday, visit)).isFalse();
    }

    @Test
    void sameStoryFarApartInTimeIsNotClustered() {
        Article a = read("seeds/000_89c3de90ed6096f9.txt");
        Article b = read("seeds/002_333d6fb679bd7709.txt");
        Article later = new Article(b.id(), b.title(), b.body(), b.published().plusDays(10), null, null);
        assertThat(clusterer().sameStory(a, later)).isFalse();
    }

    @Test
    void inTheCorpusOnlyRetellingsOfOneEventCluster() {
        // Every corpus article against every other, with their real publication dates: the only pairs that cluster
        // are two reports of the Armenia-Azerbaijan fighting of 13-14 September 2022 and two of the Israel-Iran
        // ceasefire of 24 June 2025. Related stories about the same countries on other days do not.
        List<FileArticle> all = new FolderSource(List.of(Path.of("src/test/resources/corpus")), ZoneOffset.UTC).scan()
                .articles();
        assertThat(all).hasSizeGreaterThan(60);
        StoryClusterer c = clusterer();
        List<String> clustered = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                Article a = all.get(i).article();
                Article b = all.get(j).article();
                if (c.sameStory(a, b)) {
                    clustered.add(name(a) + " " + name(b));
                }
            }
        }
        assertThat(clustered).containsExactlyInAnyOrder("008 039", "034 053");
    }

    private static String name(Article a) {
        String f = Path.of(a.id()).getFileName().toString();
        return f.substring(0, 3);
    }

    @Test
    void assignmentsSurviveARestart() {
        Article a = read("seeds/000_89c3de90ed6096f9.txt");
        Article b = read("seeds/002_333d6fb679bd7709.txt");
        try (Database db = Database.inMemory("stories-" + System.nanoTime())) {
            StoryStore store = new StoryStore(db);
            StoryClusterer first = new StoryClusterer(countries, 2, 0.45, store);
            String cluster = first.assign(a).clusterId();
            StoryClusterer second = new StoryClusterer(countries, 2, 0.45, store);
            assertThat(second.restore(a.published().minusDays(2))).isEqualTo(1);
            assertThat(second.assign(b).clusterId()).isEqualTo(cluster);
            assertThat(store.clusterOf(b.id())).contains(cluster);
            assertThat(store.counts()).containsExactly(2, 1);
        }
    }

    @Test
    void aRepostBySameSourceIsFlagged() {
        Article a = read("seeds/000_89c3de90ed6096f9.txt");
        Article a1 = new Article("x1", a.title(), a.body(), a.published(), "http://x/1", "Outlet");
        Article a2 = new Article("x2", a.title() + " (updated)", a.body(), a.published(), "http://x/2", "outlet");
        StoryClusterer c = clusterer();
        c.assign(a1);
        StoryClusterer.Assignment r = c.assign(a2);
        assertThat(r.joined()).isTrue();
        assertThat(r.sameSource()).isTrue();
        assertThat(r.similarity()).isGreaterThan(0.9);
    }
}
