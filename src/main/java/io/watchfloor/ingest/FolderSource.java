package io.watchfloor.ingest;

import io.watchfloor.model.Article;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads article text files ({@code *.txt}) from folders. Problems with single files are warnings, never exceptions:
 * one bad file never stops a scan. Stateless apart from its configuration; safe to share between threads.
 */
public final class FolderSource {
    private static final Logger LOG = LoggerFactory.getLogger(FolderSource.class);

    /** Files larger than this are skipped with a warning (an article is never this big). */
    static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    private final List<Path> folders;
    private final ZoneId zone;
    private final boolean logWarnings;
    private final ArticleParser parser = new ArticleParser();

    /**
     * @param folders folders to scan, as given by the user (relative folders give relative article ids)
     * @param zone    for turning file modification times into dates
     */
    public FolderSource(List<Path> folders, ZoneId zone) {
        this(folders, zone, true);
    }

    private FolderSource(List<Path> folders, ZoneId zone, boolean logWarnings) {
        this.folders = List.copyOf(folders);
        this.zone = Objects.requireNonNull(zone, "zone");
        this.logWarnings = logWarnings;
    }

    /** The same source, handing warnings back without logging them: for a second read of files already read. */
    public FolderSource quiet() {
        return new FolderSource(folders, zone, false);
    }

    /** The result of a scan: articles sorted by path, and every warning met (also logged at WARN). */
    public record ScanResult(List<FileArticle> articles, List<String> warnings) {
        public ScanResult {
            articles = List.copyOf(articles);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Every {@code *.txt} file under the folders (recursively, skipping hidden files and folders), sorted by path.
     * Files that cannot be read or are binary or empty are skipped with a warning. A folder that does not exist gives a
     * warning. A file reached through two of the folders is read once. A folder entry that is itself a {@code .txt}
     * file is read as such.
     */
    public ScanResult scan() {
        List<String> warnings = new ArrayList<>();
        Map<Path, Path> found = new LinkedHashMap<>();   // real location -> path as found
        visit(file -> found.putIfAbsent(key(file), file), warnings);
        List<Path> paths = new ArrayList<>(found.values());
        paths.sort(Comparator.comparing(FolderSource::id));
        List<FileArticle> articles = new ArrayList<>();
        for (Path p : paths) {
            read(p, warnings).ifPresent(articles::add);
        }
        return new ScanResult(articles, warnings);
    }

    /**
     * Hands every article file under the folders to {@code sink} as it is found, in no particular order and
     * without reading it (a file reached through two folders comes twice): for folders too big to hold in memory.
     */
    public void visit(java.util.function.Consumer<Path> sink, List<String> warnings) {
        for (Path folder : folders) {
            if (!Files.exists(folder)) {
                warn(warnings, "folder not found: " + id(folder));
                continue;
            }
            if (Files.isRegularFile(folder)) {
                if (isArticleFile(folder)) {
                    sink.accept(folder);
                } else {
                    warn(warnings, "not a folder or a .txt file: " + id(folder));
                }
                continue;
            }
            walk(folder, sink, warnings);
        }
    }

    /**
     * Reads one file as the scan would (used for single-file replay). The article id is the path as given, with '/'
     * separators, normalised.
     *
     * @param warnings receives this file's warnings (also logged at WARN, and kept in {@link FileArticle#warnings()})
     * @return the article, or empty (with a warning) when the file cannot be read, is binary, empty or has no body
     */
    public Optional<FileArticle> read(Path file, List<String> warnings) {
        String id = id(file);
        List<String> mine = new ArrayList<>();
        try {
            // One look at the file for its kind, size and date: each look is a system call, and a replay makes
            // two passes over every file.
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                warn(mine, id + ": file not found; skipped");
                return Optional.empty();
            }
            if (!attrs.isRegularFile()) {
                warn(mine, id + ": not a regular file; skipped");
                return Optional.empty();
            }
            long size = attrs.size();
            if (size > MAX_FILE_BYTES) {
                warn(mine, id + ": too large (" + size + " bytes, limit " + MAX_FILE_BYTES + "); skipped");
                return Optional.empty();
            }
            byte[] bytes = FileBytes.read(file, size);
            LocalDate modified = LocalDate.ofInstant(attrs.lastModifiedTime().toInstant(), zone);

            DecodedText decoded;
            try {
                decoded = TextDecoder.decode(bytes, id);
            } catch (BinaryFileException e) {
                warn(mine, e.getMessage() + "; skipped");
                return Optional.empty();
            }
            decoded.warnings().forEach(w -> warn(mine, w));

            ArticleMeta meta = ArticleMeta.NONE;
            byte[] sidecarBytes = null;
            Path sidecar = ArticleMeta.sidecarOf(file);
            if (Files.isRegularFile(sidecar)) {
                try {
                    sidecarBytes = Files.readAllBytes(sidecar);
                    meta = ArticleMeta.parse(TextDecoder.decode(sidecarBytes, id(sidecar)).text(), id(sidecar));
                } catch (ArticleMeta.InvalidMetaException | BinaryFileException e) {
                    warn(mine, e.getMessage() + "; sidecar ignored");
                } catch (IOException e) {
                    warn(mine, id(sidecar) + ": cannot read sidecar: " + describe(e) + "; sidecar ignored");
                }
            }

            ParseResult parsed = parser.parse(id, decoded.text(), modified, meta);
            parsed.warnings().forEach(w -> warn(mine, w));
            if (parsed.article().isEmpty()) {
                return Optional.empty();
            }
            Article article = parsed.article().get();
            return Optional.of(new FileArticle(file, article, sha256(bytes, sidecarBytes), mine));
        } catch (IOException | SecurityException e) {
            warn(mine, id + ": cannot read: " + describe(e) + "; skipped");
            return Optional.empty();
        } finally {
            warnings.addAll(mine);
        }
    }

    /**
     * A file's id and publication date, as {@link #read} gives them.
     *
     * @param read whether the file was read whole to date it, and its warnings given already; if not, they come
     *             when it is read
     */
    public record DatedFile(Path path, String id, LocalDate published, boolean read) { }

    /**
     * A file's publication date, from its date lines when they are enough ({@link
     * ArticleParser#publishedFromDateLines}: ordering a replay's files needs only their dates), else as {@link #read}
     * gives it, with its warnings. A file dated from its date lines alone is not checked for a body: reading it
     * later may still skip it, with a warning then.
     */
    public Optional<DatedFile> date(Path file, List<String> warnings) {
        String id = id(file);
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            if (attrs.isRegularFile() && attrs.size() <= MAX_FILE_BYTES
                    && !Files.exists(ArticleMeta.sidecarOf(file))) {
                byte[] bytes = FileBytes.read(file, attrs.size());
                LocalDate modified = LocalDate.ofInstant(attrs.lastModifiedTime().toInstant(), zone);
                DecodedText decoded = TextDecoder.decode(bytes, id);
                LocalDate published = decoded.warnings().isEmpty()
                        ? ArticleParser.publishedFromDateLines(decoded.text(), modified) : null;
                if (published != null) {
                    return Optional.of(new DatedFile(file, id, published, false));
                }
            }
        } catch (BinaryFileException | IOException | SecurityException e) {
            // read whole below: it says what is wrong
        }
        return read(file, warnings).map(f -> new DatedFile(file, f.article().id(), f.article().published(), true));
    }

    private void walk(Path folder, java.util.function.Consumer<Path> sink, List<String> warnings) {
        try {
            Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            return !dir.equals(folder) && isHidden(dir)
                                    ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (attrs.isRegularFile() && isArticleFile(file)) {
                                sink.accept(file);
                            } else if (attrs.isSymbolicLink() && isArticleFile(file)) {
                                // FOLLOW_LINKS reports a link's own attributes only when its target is missing
                                warn(warnings, id(file) + ": broken symbolic link; skipped");
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            if (!isHidden(file)) {
                                warn(warnings, id(file) + ": cannot read: " + describe(e) + "; skipped");
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException | SecurityException e) {
            warn(warnings, id(folder) + ": cannot scan folder: " + describe(e));
        }
    }

    /** A visible {@code *.txt} file (case-insensitive extension). */
    private static boolean isArticleFile(Path file) {
        return !isHidden(file) && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt");
    }

    private static boolean isHidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static Path key(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException | SecurityException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    /** The article id of a path: as given, normalised, with '/' separators. */
    static String id(Path file) {
        String s = file.normalize().toString();
        return File.separatorChar == '/' ? s : s.replace(File.separatorChar, '/');
    }

    static String sha256(byte[] bytes, byte[] sidecar) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(bytes);
            if (sidecar != null) {
                md.update((byte) 0);
                md.update(sidecar);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 not available", e);
        }
    }

    private static String describe(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof FileSystemLoopException) {
            return "symbolic link loop (folder already visited)";
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m != null ? ": " + m : "");
    }

    private void warn(List<String> warnings, String message) {
        if (logWarnings) {
            LOG.warn(message);
        }
        warnings.add(message);
    }
}
