package io.watchfloor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ArticleMetaTest {

    @Test
    void loadsAllKeysFromTheFixture() throws IOException {
        ArticleMeta m = ArticleMeta.load(Path.of("src/test/resources/ingest/meta/with_meta.txt.meta.yaml"));
        assertThat(m).isEqualTo(new ArticleMeta(LocalDate.of(2024, 2, 3), null,
                "https://example.org/news/joint-exercise", "Example Times"));
    }

    @Test
    void sidecarPathIsBesideTheTextFile() {
        assertThat(ArticleMeta.sidecarOf(Path.of("seeds", "000_x.txt")))
                .isEqualTo(Path.of("seeds", "000_x.txt.meta.yaml"));
    }

    @Test
    void unknownKeyIsAnErrorNamingSidecarAndKey() {
        assertThatThrownBy(() -> ArticleMeta.load(Path.of("src/test/resources/ingest/meta/bad_key.txt.meta.yaml")))
                .isInstanceOf(ArticleMeta.InvalidMetaException.class)
                .hasMessageContaining("bad_key.txt.meta.yaml")
                .hasMessageContaining("unknown key 'publisher'");
    }

    @Test
    void emptyOrCommentOnlySidecarIsNone() throws IOException {
        assertThat(ArticleMeta.parse("", "a.meta.yaml")).isEqualTo(ArticleMeta.NONE);
        assertThat(ArticleMeta.parse("# nothing here\n", "a.meta.yaml")).isEqualTo(ArticleMeta.NONE);
        assertThat(ArticleMeta.NONE.isEmpty()).isTrue();
    }

    @Test
    void titleAndQuotedDate() throws IOException {
        ArticleMeta m = ArticleMeta.parse("title: \"  A: quoted title \"\npublished: '2024-01-29'\nlink:\n", "a");
        assertThat(m.title()).isEqualTo("A: quoted title");
        assertThat(m.published()).isEqualTo(LocalDate.of(2024, 1, 29));
        assertThat(m.link()).isNull();
    }

    @Test
    void badDateNamesSidecarAndKey() {
        assertThatThrownBy(() -> ArticleMeta.parse("published: Jan 29, 2024\n", "x.txt.meta.yaml"))
                .isInstanceOf(ArticleMeta.InvalidMetaException.class)
                .hasMessageContaining("x.txt.meta.yaml")
                .hasMessageContaining("'published'");
    }

    @Test
    void notAMappingOrBrokenYamlOrNestedValueIsAnError() {
        assertThatThrownBy(() -> ArticleMeta.parse("- a\n- b\n", "l.meta.yaml"))
                .hasMessageContaining("l.meta.yaml").hasMessageContaining("mapping");
        assertThatThrownBy(() -> ArticleMeta.parse("title: [unclosed\n", "b.meta.yaml"))
                .hasMessageContaining("b.meta.yaml").hasMessageContaining("YAML");
        assertThatThrownBy(() -> ArticleMeta.parse("source:\n  name: X\n", "n.meta.yaml"))
                .hasMessageContaining("n.meta.yaml").hasMessageContaining("'source'");
        assertThatThrownBy(() -> ArticleMeta.parse("source: A\nsource: B\n", "d.meta.yaml"))
                .hasMessageContaining("d.meta.yaml");
    }
}
