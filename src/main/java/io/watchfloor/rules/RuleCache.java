package io.watchfloor.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.definition.KiePackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled rule packages kept under the key of the rule sources, so that a start with rules it has seen before skips
 * the Java compiler (about a second of both cores of a start). Two places are read: the packages of the shipped
 * rules, compiled into the jar when it is built ({@link #SHIPPED}, by {@link RulePrecompiler}), and, when given, a
 * folder of the daemon's own where the admin's rules are kept once compiled. Entries in the folder are keyed to the
 * build as well, since compiled consequences call into this build's classes. Anything unreadable is a miss: the rules
 * are compiled as they would be without a cache.
 */
public final class RuleCache {
    static final String SHIPPED = "io/watchfloor/rules/compiled/";
    private static final Logger LOG = LoggerFactory.getLogger(RuleCache.class);
    /** Raised when what is written changes shape: older entries are then misses. */
    private static final int FORMAT = 1;
    private static final int KEPT = 4;
    private static final String SUFFIX = ".rules";

    private final Path dir;
    /** The build the folder's entries belong to; null while making the jar's own entry (never read, keyed bare). */
    private final String build;

    private RuleCache(Path dir, String build) {
        this.dir = dir;
        this.build = build;
    }

    /** The shipped rules' packages only; nothing is written. */
    public static RuleCache shipped() {
        return new RuleCache(null, "");
    }

    /** The shipped packages, and {@code dir} for every other rule set compiled by this build. */
    public static RuleCache in(Path dir) {
        return new RuleCache(dir, buildOf(RuleCache.class));
    }

    /** For tests: {@code build} stands for the build that wrote the folder's entries. */
    static RuleCache in(Path dir, String build) {
        return new RuleCache(dir, build);
    }

    /** Where {@link RulePrecompiler} puts the shipped rules' packages in a classes folder: that one entry only. */
    static RuleCache shippedInto(Path classesDir) {
        return new RuleCache(classesDir.resolve(SHIPPED), null);
    }

    /** The key of a rule set: each file's name (not its folder: the installed rules are the shipped ones) and text. */
    static String key(Map<String, String> sources) {
        MessageDigest sha = sha256();
        sha.update(("format " + FORMAT + "\n").getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            byte[] text = e.getValue().getBytes(StandardCharsets.UTF_8);
            String header = Path.of(e.getKey()).getFileName() + "\n" + text.length + "\n";
            sha.update(header.getBytes(StandardCharsets.UTF_8));
            sha.update(text);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The packages and problems kept for these sources, the problems naming the files as {@code sources} does. */
    Optional<Entry> load(Map<String, String> sources) {
        String key = key(sources);
        if (build == null) {
            return Optional.empty(); // making the jar's entry: always compiled
        }
        try (InputStream in = RuleCache.class.getClassLoader().getResourceAsStream(SHIPPED + key + SUFFIX)) {
            if (in != null) {
                Entry entry = read(in, sources);
                LOG.info("the rules are the shipped ones: read as compiled with the jar");
                return Optional.of(entry);
            }
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            LOG.warn("the shipped compiled rules could not be read ({}): compiling them", e.toString());
        }
        if (dir == null) {
            return Optional.empty();
        }
        Path file = dir.resolve(folderKey(key) + SUFFIX);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Optional<String> unsafe = unsafe(dir).or(() -> unsafe(file));
        if (unsafe.isPresent()) {
            // Compiled rules are code: only what this user alone could have written is run.
            LOG.warn("{}: compiled rules not read ({}): compiling them", file, unsafe.get());
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            Entry entry = read(in, sources);
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis())); // kept as recently used
            LOG.info("the rules are unchanged since they were compiled: read back from {}", file);
            return Optional.of(entry);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            LOG.warn("{}: compiled rules unreadable ({}): compiling them again", file, e.toString());
            deleteQuietly(file);
            return Optional.empty();
        }
    }

    /** Keeps what {@code sources} compiled to in the folder, when there is one; a failure only costs the next start. */
    void save(Map<String, String> sources, Entry entry) {
        if (dir == null) {
            return;
        }
        Path file = dir.resolve(folderKey(key(sources)) + SUFFIX);
        Path tmp = dir.resolve(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.createDirectories(dir);
            ownerOnly(dir, "rwx------");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ownerOnly(tmp, "rw-------");
                write(out, entry, sources);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            prune();
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: compiled rules not kept ({}): the next start compiles them again", dir, e.toString());
            deleteQuietly(tmp);
        }
    }

    /** Why {@code p} might hold what someone else wrote: another owner, or others may write it. */
    private static Optional<String> unsafe(Path p) {
        try {
            String owner = Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).getName();
            if (!owner.equals(System.getProperty("user.name"))) {
                return Optional.of("owned by " + owner);
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
            if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
                return Optional.of("writable by others: " + PosixFilePermissions.toString(perms));
            }
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of("owner unknown: " + e);
        }
    }

    private static void ownerOnly(Path p, String perms) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: nothing written there is read back (unsafe says why).
        }
    }

    /** A folder entry's name: the key of the sources and of this build (the jar's own entries: the sources'). */
    private String folderKey(String key) {
        if (build == null) {
            return key;
        }
        MessageDigest sha = sha256();
        sha.update((build + "\n" + key).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void write(OutputStream out, Entry entry, Map<String, String> sources) throws IOException {
        List<String> names = sources.keySet().stream().toList();
        try (DroolsObjectOutputStream o = new DroolsObjectOutputStream(out)) {
            o.writeInt(FORMAT);
            o.writeObject(new ArrayList<>(entry.packages()));
            o.writeInt(entry.problems().size());
            for (RuleProblem p : entry.problems()) {
                // The file as its place among the sources: the same rules read from another folder name that one.
                o.writeInt(names.indexOf(p.file()));
                o.writeUTF(p.file());
                o.writeInt(p.line());
                o.writeBoolean(p.error());
                o.writeUTF(p.message());
            }
        }
    }

    private static Entry read(InputStream in, Map<String, String> sources) throws IOException, ClassNotFoundException {
        List<String> names = sources.keySet().stream().toList();
        DroolsObjectInputStream o = new DroolsObjectInputStream(in, RuleCache.class.getClassLoader());
        if (o.readInt() != FORMAT) {
            throw new IOException("written in another format");
        }
        @SuppressWarnings("unchecked")
        List<KiePackage> packages = (List<KiePackage>) o.readObject();
        int n = o.readInt();
        List<RuleProblem> problems = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = o.readInt();
            String file = o.readUTF();
            problems.add(new RuleProblem(index >= 0 && index < names.size() ? names.get(index) : file, o.readInt(),
                    o.readBoolean(), o.readUTF()));
        }
        return new Entry(packages, problems);
    }

    private void prune() throws IOException {
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted(
                    Comparator.comparing(RuleCache::modified).reversed()).toList();
        }
        entries.stream().skip(build == null ? 1 : KEPT).forEach(RuleCache::deleteQuietly);
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** This build: the jar's path, size and time, or for a classes folder its newest file. */
    static String buildOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        try {
            Path where = Path.of(source.getLocation().toURI());
            if (Files.isRegularFile(where)) {
                return where + " " + Files.size(where) + " " + Files.getLastModifiedTime(where).toMillis();
            }
            try (Stream<Path> s = Files.walk(where)) {
                return where + " " + s.filter(Files::isRegularFile).map(RuleCache::modified)
                        .max(Comparator.naturalOrder()).map(t -> t.toMillis()).orElse(0L);
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown " + System.nanoTime(); // never matches: nothing is read back from an unknown build
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.debug("{}: not deleted ({})", p, e.toString());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a rule set compiled to: its packages, and the warnings the compiler and the lint gave. */
    record Entry(List<KiePackage> packages, List<RuleProblem> problems) {
        Entry {
            packages = List.copyOf(packages);
            problems = List.copyOf(problems);
        }
    }
}
