package io.watchfloor.evaluate.petrarch;

import io.watchfloor.evaluate.LabelItem;
import io.watchfloor.evaluate.RequireLabel;
import io.watchfloor.evaluate.Requirement;
import io.watchfloor.model.Article;
import io.watchfloor.model.SignalType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * PETRARCH-2's unit-test records as a set to evaluate: each record kept becomes a one-sentence article dated by its
 * {@code date} and a require label, so it is replayed and scored like the other sets.
 *
 * <p>Which records are kept, and why:
 * <ul>
 * <li>an event between two real states whose CAMEO code one of our types covers is required (as any of the types
 * its code maps to, for the pair in the record's direction); the record's events between real states that no type
 * covers are allowed besides, for any type;
 * <li>a record PETRARCH-2 must code no event from is a trap: our types are narrower than CAMEO's, so nothing of ours
 * is there either; so is a record whose events all lie within one real state (our types are between states);
 * <li>skipped: records with no such event because a side is an invented state of the validation dictionary, an
 * international body, a group or unknown; records whose events between real states all have codes outside our types
 * (the validation dictionary does not always use CAMEO's codes in CAMEO's sense, so these are not traps: the sentence
 * may well report one of our events); and the tests of PETRARCH-2's own error handling (discarded stories, bad
 * parses) or without a coding.
 * </ul>
 *
 * @param file     the records file
 * @param articles one per record kept
 * @param labels   one per record kept, named as {@link #nameOf} names its article
 * @param counts   records per outcome
 * @param unmapped records skipped for codes outside our types, per code
 * @param otherSense of those codes, the ones the records use in another sense than CAMEO's
 */
public record PetrarchSet(Path file, List<Article> articles, List<RequireLabel> labels, Map<Outcome, Integer> counts,
                          Map<String, Integer> unmapped, Set<String> otherSense) {
    /** What became of a record. */
    public enum Outcome {
        EVENTS("kept with events between real states"),
        TRAP_NO_EVENT("traps: no event to code"),
        TRAP_DOMESTIC("traps: events within one state"),
        SKIPPED_NOT_STATES("skipped: an invented state, an international body, a group or nobody on a side"),
        SKIPPED_UNMAPPED("skipped: events between real states with codes outside our types"),
        SKIPPED_TESTS("skipped: tests of PETRARCH-2's error handling, or no coding");

        private final String text;

        Outcome(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public PetrarchSet {
        articles = List.copyOf(articles);
        labels = List.copyOf(labels);
        counts = Map.copyOf(counts);
        unmapped = Collections.unmodifiableMap(new TreeMap<>(unmapped));
        otherSense = Set.copyOf(otherSense);
    }

    /** Reads and converts a records file. */
    public static PetrarchSet read(Path file) {
        return convert(file, PetrarchReader.read(file), PetrarchCodes.load());
    }

    public static PetrarchSet convert(Path file, List<PetrarchRecord> records, PetrarchCodes codes) {
        List<Article> articles = new ArrayList<>();
        List<RequireLabel> labels = new ArrayList<>();
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        Map<String, Integer> unmapped = new TreeMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (PetrarchRecord r : records) {
            // A few ids occur twice in the file: the second is "ID#2".
            int n = seen.merge(r.id(), 1, Integer::sum);
            String key = n == 1 ? r.id() : r.id() + "#" + n;
            Conversion c = convert(r, codes);
            counts.merge(c.outcome(), 1, Integer::sum);
            if (c.outcome() == Outcome.SKIPPED_UNMAPPED) {
                c.unmappedCodes().forEach(code -> unmapped.merge(code, 1, Integer::sum));
            }
            if (c.outcome().name().startsWith("SKIPPED")) {
                continue;
            }
            articles.add(new Article(idPrefix(file) + key, "", r.text(), r.date(), null, null));
            labels.add(new RequireLabel(key, c.require(), c.optional(), null, false,
                    file + ":" + r.line() + ": " + r.id()));
        }
        Set<String> otherSense = unmapped.keySet().stream().filter(c -> codes.notCameo(c) != null)
                .collect(Collectors.toSet());
        return new PetrarchSet(file, articles, labels, counts, unmapped, otherSense);
    }

    /** How the set names an article it made: the record's id. */
    public String nameOf(String articleId) {
        String prefix = idPrefix(file);
        return articleId.startsWith(prefix) ? articleId.substring(prefix.length()) : articleId;
    }

    private static String idPrefix(Path file) {
        return file.toString().replace('\\', '/') + "#";
    }

    /** The counts, as printed before the set's report. */
    public List<String> describe() {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        int required = labels.stream().mapToInt(l -> l.require().size()).sum();
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%s: %d records, %d kept (%d required events), %d skipped", file, total,
                articles.size(), required, total - articles.size()));
        for (Outcome o : Outcome.values()) {
            String more = o == Outcome.SKIPPED_UNMAPPED && !unmapped.isEmpty() ? " (codes: " + codeCounts(false) + ")"
                    : "";
            out.add(String.format(Locale.ROOT, "  %4d %s%s", counts.getOrDefault(o, 0), o.text(), more));
        }
        String notCameo = codeCounts(true);
        if (!notCameo.isEmpty()) {
            out.add("       of which codes the records use in another sense than CAMEO's: " + notCameo);
        }
        return out;
    }

    /** "102 x3, 103 x2", in code order; only the codes used in another sense than CAMEO's, or all of them. */
    private String codeCounts(boolean onlyNotCameo) {
        return unmapped.entrySet().stream().filter(e -> !onlyNotCameo || otherSense.contains(e.getKey()))
                .map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "));
    }

    private record Conversion(Outcome outcome, List<Requirement> require, List<LabelItem> optional,
                              Set<String> unmappedCodes) { }

    private static Conversion convert(PetrarchRecord r, PetrarchCodes codes) {
        if (r.codings().isEmpty() || r.codings().stream().anyMatch(c -> c.error() != null)) {
            return new Conversion(Outcome.SKIPPED_TESTS, List.of(), List.of(), Set.of());
        }
        if (r.noEvents()) {
            return new Conversion(Outcome.TRAP_NO_EVENT, List.of(), List.of(), Set.of());
        }
        Set<Requirement> require = new LinkedHashSet<>();
        Set<LabelItem> optional = new LinkedHashSet<>();
        Set<String> unmappedCodes = new LinkedHashSet<>();
        boolean domestic = false;
        boolean otherParty = false;
        for (PetrarchRecord.Coding c : r.codings()) {
            Optional<String> a = codes.state(c.source());
            Optional<String> b = codes.state(c.target());
            if (a.isEmpty() || b.isEmpty()) {
                otherParty = true;
                continue;
            }
            if (a.get().equals(b.get())) {
                domestic = true;
                continue;
            }
            List<SignalType> types = codes.types(c.event());
            if (types.isEmpty()) {
                unmappedCodes.add(String.valueOf(c.event()));
                optional.add(new LabelItem(null, a.get(), b.get(), false).canonical());
                continue;
            }
            String actor = codes.reversed(c.event()) ? b.get() : a.get();
            String target = codes.reversed(c.event()) ? a.get() : b.get();
            require.add(new Requirement(LabelItem.distinct(types.stream()
                    .map(t -> LabelItem.of(t, actor, target)).toList())));
        }
        if (!require.isEmpty()) {
            return new Conversion(Outcome.EVENTS, List.copyOf(require), List.copyOf(optional), Set.of());
        }
        if (!unmappedCodes.isEmpty()) {
            return new Conversion(Outcome.SKIPPED_UNMAPPED, List.of(), List.of(), unmappedCodes);
        }
        return new Conversion(domestic && !otherParty ? Outcome.TRAP_DOMESTIC : Outcome.SKIPPED_NOT_STATES,
                List.of(), List.of(), Set.of());
    }
}
