package io.watchfloor.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Reads a places file (tab-separated: form, country code or codes separated by commas, ISO 3166-2 codes; {@code #}
 * comments): the first-level divisions converted from ISO 3166-2 by {@code tools/actors/iso_places.py}.
 */
final class PlacesFile {
    private static final Pattern CODES = Pattern.compile("[A-Z]{3}(?:,[A-Z]{3})*");

    private PlacesFile() { }

    /** Calls {@code each} with every form and its codes, in file order. */
    static void read(InputStream in, String sourceName, BiConsumer<String, List<String>> each) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        int n = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            n++;
            if (line.isBlank() || line.charAt(0) == '#') {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length < 2 || cols[0].isBlank() || !CODES.matcher(cols[1]).matches()) {
                throw new IllegalArgumentException(sourceName + ":" + n
                        + ": expected a form, then country codes separated by commas");
            }
            each.accept(cols[0], Arrays.asList(cols[1].split(",")));
        }
    }
}
