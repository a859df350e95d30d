package io.watchfloor.notify;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Renders messages from the admin's Mustache templates (a folder, with built-in copies as fallback). HTML templates
 * escape every value; the subject is reduced to one line of printable characters, so nothing from a feed can add a
 * header or markup.
 */
public final class MessageRenderer {
    private static final String BUILT_IN = "/io/watchfloor/notify/templates/";
    private static final int MAX_SUBJECT = 200;

    private final Path dir;
    private final Mustache.Compiler html = Mustache.compiler().escapeHTML(true).defaultValue("");
    private final Mustache.Compiler text = Mustache.compiler().escapeHTML(false).defaultValue("");

    public MessageRenderer(Path dir) {
        this.dir = dir;
    }

    /** Renders {@code name} ("alert" or "digest") with the model; images are passed through. */
    public Rendered render(String name, Map<String, Object> model, Map<String, byte[]> images) {
        String subject = oneLine(template(name + "-subject.mustache", text).execute(model));
        Map<String, Object> withSubject = new java.util.HashMap<>(model);
        withSubject.put("subject", subject);
        return new Rendered(subject, template(name + ".txt.mustache", text).execute(withSubject),
                template(name + ".html.mustache", html).execute(withSubject), images);
    }

    /** Read on every message, so edits apply without a restart. */
    private Template template(String file, Mustache.Compiler compiler) {
        try {
            Path p = dir.resolve(file);
            if (Files.isRegularFile(p)) {
                return compiler.compile(Files.readString(p, StandardCharsets.UTF_8));
            }
            try (InputStream in = MessageRenderer.class.getResourceAsStream(BUILT_IN + file)) {
                if (in == null) {
                    throw new IllegalStateException("no template " + file);
                }
                return compiler.compile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(dir.resolve(file) + ": " + e.getMessage(), e);
        }
    }

    /** A subject: one line of printable text, cut to {@link #MAX_SUBJECT} characters. */
    static String oneLine(String s) {
        String t = flat(s);
        return t.length() <= MAX_SUBJECT ? t : t.substring(0, MAX_SUBJECT - 1) + "…";
    }

    /** Printable text on one line, whole: CR, LF and other control characters become spaces. */
    static String flat(String s) {
        return s.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]", " ").replaceAll("\\s+", " ").trim();
    }
}
