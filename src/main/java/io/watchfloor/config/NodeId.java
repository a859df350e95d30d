package io.watchfloor.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * This node's name in the store, the same across restarts: {@code cluster.nodeId}, else the one kept in the data
 * folder ({@code node-id}), made on the first start from the host name and a random part (two nodes on one host each
 * have their own data folder).
 */
public final class NodeId {
    static final String FILE = "node-id";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private NodeId() { }

    static boolean valid(String id) {
        return VALID.matcher(id).matches();
    }

    public static String of(WatchfloorConfig cfg) {
        if (!cfg.cluster().nodeId().isEmpty()) {
            return cfg.cluster().nodeId();
        }
        Path file = cfg.dataPath().resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!valid(kept)) {
                    throw new ConfigException(file + ": '" + kept + "' is not a node id (letters, digits, '.', '_',"
                            + " '-'); delete the file to make a new one");
                }
                return kept;
            }
            String made = host() + "-" + UUID.randomUUID().toString().substring(0, 8);
            Files.createDirectories(cfg.dataPath());
            Path tmp = cfg.dataPath().resolve(FILE + ".tmp");
            Files.writeString(tmp, made + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep this node's id in " + file, e);
        }
    }

    private static String host() {
        try {
            String h = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
            return h.length() > 60 ? h.substring(0, 60) : h;
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
