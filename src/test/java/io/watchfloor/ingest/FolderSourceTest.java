package io.watchfloor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchfloor.model.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderSourceTest {
    private static final ZoneId UTC = ZoneOffset.UTC;

    @TempDir
    Path tmp;

    private static Path write(Path file, String text) throws IOException {
        return write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2024-02-10T12:00:00Z")));
        return file;
    }

    private static List<String> ids(FolderSource.ScanResult r) {
        return r.articles().stream().map(fa -> fa.article().id()).toList();
    }

    // ---------------------------------------------------------------- the project's seeds

    @Test
    void scansTheSeedsFolderWithRelativeIds() {
        FolderSource.ScanResult r = new FolderSource(List.of(Path.of("seeds")), UTC).scan();
        assertThat(r.warnings()).isEmpty();
        assertThat(ids(r)).containsExactly("seeds/000_89c3de90ed6096f9.txt", "seeds/002_333d6fb679bd7709.txt");
        Article a000 = r.articles().get(0).article();
        assertThat(a000.title()).isEqualTo("Iran-Pakistan foreign ministers meet amid soaring tension");
        assertThat(a000.published()).isEqualTo(LocalDate.of(2024, 1, 29));
        assertThat(a000.body()).doesNotContain("POST A COMMENT", "Advertisement", "Edited By");
        Article a002 = r.articles().get(1).article();
        assertThat(a002.title()).isEqualTo("Iran Foreign Minister visits Pakistan to ease tensions post airstrikes");
        assertThat(r.articles().get(1).path()).isEqualTo(Path.of("seeds", "002_333d6fb679bd7709.txt"));
    }

    @Test
    void seedWithoutDateLineGetsTheFileModificationDateInTheZone() throws IOException {
        Path copy = write(tmp.resolve("002.txt"), Files.readAllBytes(Path.of("seeds/002_333d6fb679bd7709.txt")));
        Files.setLastModifiedTime(copy, FileTime.from(Instant.parse("2024-02-10T23:30:00Z")));
        Article utc = new FolderSource(List.of(tmp), UTC).read(copy, new ArrayList<>()).orElseThrow().article();
        assertThat(utc.published()).isEqualTo(LocalDate.of(2024, 2, 10));
        Article kolkata = new FolderSource(List.of(tmp), ZoneId.of("Asia/Kolkata")).read(copy, new ArrayList<>())
                .orElseThrow().article();
        assertThat(kolkata.published()).isEqualTo(LocalDate.of(2024, 2, 11));
    }

    @Test
    void dotSlashFolderGivesNormalisedIds() {
        FolderSource.ScanResult r = new FolderSource(List.of(Path.of("./seeds/")), UTC).scan();
        assertThat(ids(r)).first().isEqualTo("seeds/000_89c3de90ed6096f9.txt");
    }

    // ---------------------------------------------------------------- scanning

    @Test
    void sortedNestedHiddenSkippedAbsoluteIds() throws IOException {
        write(tmp.resolve("b.txt"), "B title\nB body.");
        write(tmp.resolve("a.txt"), "A title\nA body.");
        write(tmp.resolve("sub/deeper/c.txt"), "C title\nC body.");
        write(tmp.resolve("sub/a.txt"), "SA title\nSA body.");
        write(tmp.resolve("A_upper.TXT"), "U title\nU body.");
        write(tmp.resolve(".hidden.txt"), "H title\nH body.");
        write(tmp.resolve(".git/x.txt"), "G title\nG body.");
        write(tmp.resolve("sub/.cache/y.txt"), "Y title\nY body.");
        write(tmp.resolve("notes.md"), "M title\nM body.");
        write(tmp.resolve("a.txt.meta.yaml"), "source: Outlet\n");

        FolderSource.ScanResult r = new FolderSource(List.of(tmp), UTC).scan();

        assertThat(r.warnings()).isEmpty();
        String root = tmp.toString().replace('\\', '/');
        assertThat(ids(r)).containsExactly(root + "/A_upper.TXT", root + "/a.txt", root + "/b.txt",
                root + "/sub/a.txt", root + "/sub/deeper/c.txt");
        assertThat(r.articles()).extracting(fa -> fa.article().title())
                .containsExactly("U title", "A title", "B title", "SA title", "C title");
        assertThat(r.articles().get(1).article().source()).isEqualTo("Outlet");
    }

    @Test
    void missingFolderIsAWarningAndOtherFoldersStillScan() throws IOException {
        write(tmp.resolve("ok/a.txt"), "Title\nBody.");
        Path missing = tmp.resolve("nope");
        FolderSource.ScanResult r = new FolderSource(List.of(missing, tmp.resolve("ok")), UTC).scan();
        assertThat(r.articles()).hasSize(1);
        assertThat(r.warnings()).singleElement().asString().contains("folder not found", "nope");
    }

    @Test
    void badFilesAreSkippedWithWarningsAndNeverStopTheScan() throws IOException {
        write(tmp.resolve("1_good.txt"), "Good title\nGood body.");
        write(tmp.resolve("2_empty.txt"), new byte[0]);
        write(tmp.resolve("3_blank.txt"), "  \n\n\t \r\n");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 0};
        write(tmp.resolve("4_image.txt"), png);
        write(tmp.resolve("5_title_only.txt"), "Just a title\n");
        write(tmp.resolve("6_good.txt"), "Other title\nOther body.");

        FolderSource.ScanResult r = new FolderSource(List.of(tmp), UTC).scan();

        assertThat(r.articles()).extracting(fa -> fa.article().title()).containsExactly("Good title", "Other title");
        assertThat(r.warnings()).hasSize(4);
        assertThat(r.warnings().get(0)).contains("2_empty.txt", "empty");
        assertThat(r.warnings().get(1)).contains("3_blank.txt", "empty");
        assertThat(r.warnings().get(2)).contains("4_image.txt", "binary");
        assertThat(r.warnings().get(3)).contains("5_title_only.txt", "no body");
    }

    @Test
    void aFileReachedThroughTwoFoldersIsReadOnce() throws IOException {
        write(tmp.resolve("sub/a.txt"), "Title\nBody.");
        FolderSource.ScanResult r = new FolderSource(List.of(tmp, tmp.resolve("sub")), UTC).scan();
        assertThat(r.articles()).hasSize(1);
    }

    @Test
    void unreadableFileIsAWarning() throws IOException {
        Path f = write(tmp.resolve("locked.txt"), "Title\nBody.");
        boolean locked = f.toFile().setReadable(false, false) && !Files.isReadable(f);
        try {
            List<String> warnings = new ArrayList<>();
            Optional<FileArticle> fa = new FolderSource(List.of(tmp), UTC).read(f, warnings);
            if (locked) {   // running as root ignores permissions: nothing to check then
                assertThat(fa).isEmpty();
                assertThat(warnings).singleElement().asString().contains("locked.txt", "cannot read");
            }
        } finally {
            f.toFile().setReadable(true, false);
        }
    }

    @Test
    void brokenLinksAndLinkLoopsAreWarnings() throws IOException {
        write(tmp.resolve("a.txt"), "Title\nBody.");
        try {
            Files.createSymbolicLink(tmp.resolve("dangling.txt"), tmp.resolve("nowhere.txt"));
            Files.createSymbolicLink(tmp.resolve("loop"), tmp);
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("symbolic links not supported here: " + e);
        }
        FolderSource.ScanResult r = new FolderSource(List.of(tmp), UTC).scan();
        assertThat(r.articles()).hasSize(1);
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("dangling.txt", "broken symbolic link"));
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("loop", "symbolic link loop"));
    }

    @Test
    void readOfAMissingFileIsAWarning() {
        List<String> warnings = new ArrayList<>();
        assertThat(new FolderSource(List.of(), UTC).read(tmp.resolve("gone.txt"), warnings)).isEmpty();
        assertThat(warnings).singleElement().asString().contains("gone.txt", "not found");
    }

    // ---------------------------------------------------------------- encodings, byte-level

    @Test
    void windowsLineEndsAndUtf8Bom() throws IOException {
        byte[] text = "Headline\r\n\r\nHeadline\r\nPublished On: Jan 29, 2024\r\nFirst para.\r\n\r\nSecond para.\r\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Path f = write(tmp.resolve("crlf_bom.txt"), withBom);

        FileArticle fa = new FolderSource(List.of(tmp), UTC).read(f, new ArrayList<>()).orElseThrow();
        assertThat(fa.warnings()).isEmpty();
        assertThat(fa.article().title()).isEqualTo("Headline");
        assertThat(fa.article().body()).isEqualTo("First para.\n\nSecond para.");
        assertThat(fa.article().published()).isEqualTo(LocalDate.of(2024, 1, 29));
    }

    @Test
    void utf16LittleEndianFileWithBom() throws IOException {
        byte[] text = "Title “quoted”\r\nBody with é and ’.\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[text.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(text, 0, bytes, 2, text.length);
        Path f = write(tmp.resolve("utf16.txt"), bytes);

        FileArticle fa = new FolderSource(List.of(tmp), UTC).read(f, new ArrayList<>()).orElseThrow();
        assertThat(fa.warnings()).isEmpty();
        assertThat(fa.article().title()).isEqualTo("Title “quoted”");
        assertThat(fa.article().body()).isEqualTo("Body with é and ’.");
    }

    @Test
    void windows1252FileIsDecodedWithAWarningNamingFileAndLine() throws IOException {
        byte[] bytes = {'T', 'i', 't', 'l', 'e', '\n', '\n', 'T', 'h', 'e', ' ', (byte) 0x93, 'c', 'a', 'f', (byte) 0xE9,
            (byte) 0x94, ' ', 'r', 'e', 'o', 'p', 'e', 'n', 'e', 'd', '.', '\n'};
        Path f = write(tmp.resolve("cp1252.txt"), bytes);
        List<String> warnings = new ArrayList<>();

        FileArticle fa = new FolderSource(List.of(tmp), UTC).read(f, warnings).orElseThrow();

        assertThat(fa.article().body()).isEqualTo("The “café” reopened.");
        String id = tmp.resolve("cp1252.txt").toString().replace('\\', '/');
        assertThat(fa.warnings()).containsExactly(
                id + ": not valid UTF-8 (first bad byte at line 3, column 5); read as windows-1252");
        assertThat(warnings).isEqualTo(fa.warnings());
    }

    // ---------------------------------------------------------------- sidecars

    @Test
    void sidecarOverridesPublishedLinkAndSource() {
        Path file = Path.of("src/test/resources/ingest/meta/with_meta.txt");
        FileArticle fa = new FolderSource(List.of(), UTC).read(file, new ArrayList<>()).orElseThrow();
        Article a = fa.article();
        assertThat(a.id()).isEqualTo("src/test/resources/ingest/meta/with_meta.txt");
        assertThat(a.title()).isEqualTo("Headline from the file");
        assertThat(a.published()).isEqualTo(LocalDate.of(2024, 2, 3));   // not the date line's Jan 29
        assertThat(a.link()).isEqualTo("https://example.org/news/joint-exercise");
        assertThat(a.source()).isEqualTo("Example Times");
        assertThat(a.sourceKey()).isEqualTo("example times");
        assertThat(a.body()).isEqualTo("Navies of the two countries held a joint exercise in the gulf.");
        assertThat(fa.warnings()).isEmpty();
    }

    @Test
    void sidecarWithUnknownKeyIsAWarningNamingSidecarAndKeyAndIsIgnored() {
        FolderSource.ScanResult r = new FolderSource(List.of(Path.of("src/test/resources/ingest/meta")), UTC).scan();
        assertThat(ids(r)).containsExactly("src/test/resources/ingest/meta/bad_key.txt",
                "src/test/resources/ingest/meta/with_meta.txt");
        FileArticle bad = r.articles().get(0);
        assertThat(bad.article().published()).isEqualTo(LocalDate.of(2024, 3, 4));   // the file's own date line
        assertThat(bad.article().source()).isNull();
        assertThat(r.warnings()).singleElement().asString()
                .contains("src/test/resources/ingest/meta/bad_key.txt.meta.yaml", "unknown key 'publisher'");
        assertThat(bad.warnings()).isEqualTo(r.warnings());
    }

    // ---------------------------------------------------------------- change detection

    @Test
    void sha256IsOfTheFileBytesAndChangesWithTheSidecar() throws Exception {
        Path f = write(tmp.resolve("a.txt"), "Title\nBody.");
        FolderSource src = new FolderSource(List.of(tmp), UTC);
        String plain = src.read(f, new ArrayList<>()).orElseThrow().sha256();
        String expected = HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
        assertThat(plain).isEqualTo(expected).hasSize(64);

        write(tmp.resolve("a.txt.meta.yaml"), "source: One\n");
        String withMeta = src.read(f, new ArrayList<>()).orElseThrow().sha256();
        write(tmp.resolve("a.txt.meta.yaml"), "source: Two\n");
        String otherMeta = src.read(f, new ArrayList<>()).orElseThrow().sha256();
        assertThat(withMeta).isNotEqualTo(plain).isNotEqualTo(otherMeta);

        Files.delete(tmp.resolve("a.txt.meta.yaml"));
        write(f, "Title\nBody changed.");
        assertThat(src.read(f, new ArrayList<>()).orElseThrow().sha256()).isNotEqualTo(plain);
    }

    @Test
    void readGivesTheSameAsTheScan() throws IOException {
        Path f = write(tmp.resolve("x/a.txt"), "Title\nPublished: 2024-01-29\nBody.");
        FolderSource src = new FolderSource(List.of(tmp), UTC);
        FileArticle scanned = src.scan().articles().get(0);
        FileArticle read = src.read(f, new ArrayList<>()).orElseThrow();
        assertThat(read).isEqualTo(scanned);
    }

    // ---------------------------------------------------------------- dating a replay's files

    @Test
    void aFileIsDatedFromItsDateLinesAndReadWholeWhenTheyAreNotEnough() throws IOException {
        FolderSource src = new FolderSource(List.of(tmp), UTC);
        Path plain = write(tmp.resolve("plain.txt"), "Talks resume\n\nPublished: 2024-03-02\n\nThe ministers met.\n");
        Path ambiguous = write(tmp.resolve("ambiguous.txt"), "Talks resume\n\nPublished: 05/06/2024\n\nThey met.\n");
        Path titleOnly = write(tmp.resolve("title.txt"), "Talks resume\n\nPublished: 2024-03-02\n");
        Path withMeta = Path.of("src/test/resources/ingest/meta/with_meta.txt");
        List<String> warnings = new ArrayList<>();

        assertThat(src.date(plain, warnings)).contains(
                new FolderSource.DatedFile(plain, FolderSource.id(plain), LocalDate.of(2024, 3, 2), false));
        // A sidecar's date wins over the date lines: the file is read whole, as read() reads it.
        assertThat(src.date(withMeta, warnings)).contains(
                new FolderSource.DatedFile(withMeta, FolderSource.id(withMeta), LocalDate.of(2024, 2, 3), true));
        assertThat(warnings).isEmpty();
        // A date line that cannot be read: read whole, its warning given once, the file's own date used.
        assertThat(src.date(ambiguous, warnings)).contains(
                new FolderSource.DatedFile(ambiguous, FolderSource.id(ambiguous), LocalDate.of(2024, 2, 10), true));
        assertThat(warnings).singleElement().asString().contains("ambiguous.txt", "ambiguous day/month");
        // Dated from its lines, a file without a body is skipped, with its warning, when it is read.
        warnings.clear();
        assertThat(src.date(titleOnly, warnings)).map(FolderSource.DatedFile::read).contains(false);
        assertThat(warnings).isEmpty();
        assertThat(src.read(titleOnly, warnings)).isEmpty();
        assertThat(warnings).singleElement().asString().contains("title.txt", "no body text");
        // What cannot be read at all is read whole, and says why.
        assertThat(src.date(tmp.resolve("gone.txt"), warnings)).isEmpty();
        assertThat(warnings).last().asString().contains("gone.txt", "file not found");
    }
}
