package io.watchfloor.alert;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Named regions of countries that recipients can follow ("South Asia", "Middle East"). */
public final class Regions {
    private static final String RESOURCE = "/io/watchfloor/alert/regions.yaml";
    private final Map<String, Set<String>> byName;

    private Regions(Map<String, Set<String>> byName) {
        this.byName = byName;
    }

    public static Regions loadDefault() {
        try (InputStream in = Regions.class.getResourceAsStream(RESOURCE)) {
            Map<String, List<String>> raw = new ObjectMapper(new YAMLFactory()).readValue(in,
                    new TypeReference<LinkedHashMap<String, List<String>>>() { });
            Map<String, Set<String>> out = new LinkedHashMap<>();
            raw.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), Set.copyOf(v)));
            return new Regions(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The countries of a region, matched without regard to case. */
    public Optional<Set<String>> countries(String region) {
        return Optional.ofNullable(byName.get(region.toLowerCase(Locale.ROOT)));
    }

    public Set<String> names() {
        return byName.keySet();
    }
}
