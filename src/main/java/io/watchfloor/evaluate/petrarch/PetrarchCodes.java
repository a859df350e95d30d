package io.watchfloor.evaluate.petrarch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.watchfloor.model.SignalType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How the codes of the unit-test records become ours: an actor code's country as an ISO 3166-1 alpha-3 code, an
 * event code as signal types by the CAMEO roots each type stands for ({@link SignalType#cameo()}, the contract's
 * table). The exceptions particular to the records are data, in {@code codes.yaml} beside this class.
 */
public final class PetrarchCodes {
    /** ISO alpha-3 codes, and Kosovo's code in common use. */
    private static final Set<String> STATES = states();

    private final Map<String, String> countries;
    private final Set<String> fictional;
    private final Map<String, String> notCameo;
    private final Set<String> hostCodes;

    PetrarchCodes(Map<String, String> countries, Set<String> fictional, Map<String, String> notCameo,
                  Set<String> hostCodes) {
        this.countries = Map.copyOf(countries);
        this.fictional = Set.copyOf(fictional);
        this.notCameo = Map.copyOf(notCameo);
        this.hostCodes = Set.copyOf(hostCodes);
    }

    /** The shipped data. */
    public static PetrarchCodes load() {
        try (InputStream in = PetrarchCodes.class.getResourceAsStream("codes.yaml")) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            Map<String, String> countries = new HashMap<>();
            root.path("countries").fields().forEachRemaining(e -> countries.put(e.getKey(), e.getValue().asText()));
            Set<String> fictional = new HashSet<>();
            root.path("fictional").fieldNames().forEachRemaining(fictional::add);
            Map<String, String> notCameo = new HashMap<>();
            root.path("notCameo").fields().forEachRemaining(e -> notCameo.put(e.getKey(), e.getValue().asText()));
            Set<String> host = new HashSet<>();
            root.path("hostCodes").forEach(n -> host.add(n.asText()));
            return new PetrarchCodes(countries, fictional, notCameo, host);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the PETRARCH-2 code tables", e);
        }
    }

    /**
     * The real state an actor code belongs to: its first three letters (USAGOV is USA), as an ISO code; empty for
     * invented states, international bodies (IGO...), groups and unknown actors ("---").
     */
    public Optional<String> state(String actorCode) {
        if (actorCode == null || actorCode.length() < 3) {
            return Optional.empty();
        }
        String prefix = actorCode.substring(0, 3);
        if (fictional.contains(prefix)) {
            return Optional.empty();
        }
        String iso = countries.getOrDefault(prefix, prefix);
        return STATES.contains(iso) ? Optional.of(iso) : Optional.empty();
    }

    /**
     * Our types for a CAMEO event code: those whose longest listed root the code starts with (190 is both STRIKE and
     * CLASH; 057 is AGREEMENT, not the RESTORE_RELATIONS of 05x). Empty when no type covers it, or the records use
     * the code in another sense.
     */
    public List<SignalType> types(String eventCode) {
        if (eventCode == null || notCameo.containsKey(eventCode)) {
            return List.of();
        }
        int longest = 0;
        List<SignalType> out = new ArrayList<>();
        for (SignalType t : SignalType.values()) {
            for (String root : t.cameo()) {
                if (!eventCode.startsWith(root) || root.length() < longest) {
                    continue;
                }
                if (root.length() > longest) {
                    longest = root.length();
                    out.clear();
                }
                if (!out.contains(t)) {
                    out.add(t);
                }
            }
        }
        return List.copyOf(out);
    }

    /** The source receives the target (hosting a visit): our signal runs from target to source. */
    public boolean reversed(String eventCode) {
        return hostCodes.contains(eventCode);
    }

    /** Why a code is not taken in CAMEO's sense, or null. */
    public String notCameo(String eventCode) {
        return notCameo.get(eventCode);
    }

    private static Set<String> states() {
        Set<String> s = new HashSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
        s.add("XKX");
        return Set.copyOf(s);
    }
}
