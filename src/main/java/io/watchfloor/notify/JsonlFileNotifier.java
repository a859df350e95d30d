package io.watchfloor.notify;

import io.watchfloor.alert.AlertChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends each alert (new, or updated with more sources or a higher severity) to a JSON Lines file. The file is
 * append-only: an update is a new line with the same id, so the history of an alert can be read back.
 */
public final class JsonlFileNotifier implements Notifier {
    private final Path file;

    public JsonlFileNotifier(Path file) {
        this.file = file;
    }

    @Override
    public void notify(AlertChange change) {
        append(JsonLines.alert(change.alert()));
    }

    @Override
    public void admin(AdminNotice notice) {
        append(JsonLines.admin(notice));
    }

    private synchronized void append(String line) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append alert to " + file, e);
        }
    }

    public Path file() {
        return file;
    }
}
