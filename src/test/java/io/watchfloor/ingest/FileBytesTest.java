package io.watchfloor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBytesTest {
    @TempDir
    Path dir;

    @Test
    void readsTheWholeFileAtTheSizeItsAttributesGave() throws Exception {
        Path f = Files.writeString(dir.resolve("a.txt"), "Title\n\nBody.\n");
        assertThat(new String(FileBytes.read(f, Files.size(f)), StandardCharsets.UTF_8)).isEqualTo("Title\n\nBody.\n");
    }

    @Test
    void aFileThatGrewOrShrankSinceItsSizeWasTakenIsReadAsItIsNow() throws Exception {
        byte[] big = "x".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
        Path f = Files.write(dir.resolve("b.txt"), big);
        assertThat(FileBytes.read(f, 10)).isEqualTo(big);
        assertThat(FileBytes.read(f, 200_000)).isEqualTo(big);
        Path empty = Files.write(dir.resolve("c.txt"), new byte[0]);
        assertThat(FileBytes.read(empty, 0)).isEmpty();
        assertThat(FileBytes.read(empty, 5)).isEmpty();
    }

    @Test
    void aMissingFileIsTheUsualError() {
        assertThatThrownBy(() -> FileBytes.read(dir.resolve("gone.txt"), 3)).isInstanceOf(NoSuchFileException.class);
    }
}
