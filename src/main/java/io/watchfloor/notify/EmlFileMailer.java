package io.watchfloor.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes each message as an .eml file (openable in any mail client) when no SMTP server is configured. The file is
 * named after the Message-ID, so a repeated delivery overwrites rather than duplicates.
 */
public final class EmlFileMailer implements Mailer {
    private final Path dir;

    public EmlFileMailer(Path dir) {
        this.dir = dir;
    }

    @Override
    public void send(MimeMessage message) throws MessagingException {
        try {
            Files.createDirectories(dir);
            String id = message.getMessageID() == null ? Long.toString(System.nanoTime()) : message.getMessageID();
            String name = id.replaceAll("[<>]", "").replaceAll("[^A-Za-z0-9._-]", "_") + ".eml";
            Path tmp = dir.resolve("." + name + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                message.writeTo(out);
            }
            Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MessagingException("cannot write message to " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return ".eml files in " + dir;
    }
}
