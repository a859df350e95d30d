package io.watchfloor.board;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The board's Mustache templates (built in, under io/watchfloor/board/templates): every value is HTML-escaped; the
 * one triple-braced value is the sparkline's SVG, made of numbers by {@link Sparkline}.
 */
final class Pages {
    private static final String DIR = "/io/watchfloor/board/templates/";

    private final Mustache.Compiler compiler = Mustache.compiler().escapeHTML(true).defaultValue("")
            .emptyStringIsFalse(true).withLoader(name -> reader(name + ".mustache"));
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();

    String render(String page, Map<String, Object> model) {
        return compiled.computeIfAbsent(page, p -> compiler.compile(reader(p + ".mustache"))).execute(model);
    }

    private static InputStreamReader reader(String file) {
        InputStream in = Pages.class.getResourceAsStream(DIR + file);
        if (in == null) {
            throw new UncheckedIOException(new IOException("no template " + DIR + file));
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /** A static file of the board (script, style sheet). */
    static byte[] asset(String name) throws IOException {
        try (InputStream in = Pages.class.getResourceAsStream("/io/watchfloor/board/static/" + name)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
