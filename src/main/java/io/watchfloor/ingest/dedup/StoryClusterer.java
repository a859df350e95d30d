package io.watchfloor.ingest.dedup;

import io.watchfloor.extract.ActorCatalog;
import io.watchfloor.extract.Country;
import io.watchfloor.model.Article;
import io.watchfloor.store.StoryStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the same story told by different outlets (or re-posted by one): an article joins the story of the most
 * similar article published within {@code windowDays} of it when the cosine of their {@link StorySignature}s is at
 * least {@code threshold}; otherwise it starts a story of its own. Every assignment is recorded in the store (when
 * given) and the recent ones are read back on start, so clustering survives restarts. Thread-safe.
 */
public final class StoryClusterer {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StoryClusterer.class);

    /**
     * Where an article went.
     *
     * @param clusterId  the story's id (the first article's id, hashed)
     * @param joinedFrom the most similar earlier article, or null when the article starts a story
     * @param similarity cosine to that article, or null
     * @param sameSource whether that article came from the same source (outlet): a re-post, not corroboration
     */
    public record Assignment(String clusterId, String joinedFrom, Double similarity, boolean sameSource) {
        public boolean joined() {
            return joinedFrom != null;
        }
    }

    /** Kept in memory at most; older entries go first (they are outside any sensible window anyway). */
    static final int MAX_ENTRIES = 100_000;

    private record Entry(String articleId, String clusterId, String sourceKey, LocalDate published,
                         StorySignature signature) { }

    private final Set<String> commonTerms;
    private final int windowDays;
    private final double threshold;
    private final StoryStore store;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
    /**
     * Publication day -> term -> articles whose signature holds it among its strongest {@link #INDEXED_TERMS}:
     * only articles inside the date window that share one of those terms are compared.
     */
    private final Map<LocalDate, Map<String, Set<String>>> index = new HashMap<>();

    /** Terms of a signature used to find candidates (a same-story pair shares some of its strongest terms). */
    static final int INDEXED_TERMS = 16;
    /** A term held by more articles of one day than this says nothing on its own and finds no candidates. */
    static final int MAX_POSTINGS = 2000;

    /**
     * @param commonTerms terms weighted down (country names, adjectives, capitals): see {@link #countryTerms}
     * @param store       where assignments are kept, or null for none (tests, replays)
     */
    public StoryClusterer(Set<String> commonTerms, int windowDays, double threshold, StoryStore store) {
        this.commonTerms = Set.copyOf(commonTerms);
        this.windowDays = windowDays;
        this.threshold = threshold;
        this.store = store;
    }

    /** Reads back the assignments of articles published on or after {@code since}. */
    public synchronized int restore(LocalDate since) {
        if (store == null) {
            return 0;
        }
        int n = 0;
        for (StoryStore.StoryRow r : store.publishedSince(since)) {
            remember(new Entry(r.articleId(), r.clusterId(), r.sourceKey(), r.published(),
                    StorySignature.decode(r.signature())));
            n++;
        }
        return n;
    }

    public StorySignature signature(Article a) {
        return StorySignature.of(a.title(), a.body(), commonTerms);
    }

    /** Similarity of two articles' stories in [0,1] (ignores dates). */
    public double similarity(Article a, Article b) {
        return signature(a).cosine(signature(b));
    }

    /** Whether two articles tell the same story: similar enough and published within the window. */
    public boolean sameStory(Article a, Article b) {
        return Math.abs(ChronoUnit.DAYS.between(a.published(), b.published())) <= windowDays
                && similarity(a, b) >= threshold;
    }

    /** Assigns an article to a story, records it, and says where it went. */
    public Assignment assign(Article a) {
        StorySignature sig = signature(a);   // outside the lock: the costly part, and independent
        Assignment result = place(a, sig);
        if (result.joined()) {
            LOG.info("{} joins story {} ({} similar to {}{})", a.id(), result.clusterId(), result.similarity(),
                    result.joinedFrom(), result.sameSource() ? ", same source: not a second source" : "");
        }
        if (store != null) {
            store.save(new StoryStore.StoryRow(a.id(), result.clusterId(), a.sourceKey(), a.published(),
                    result.joinedFrom(), result.similarity(), sig.encode()));
        }
        return result;
    }

    private synchronized Assignment place(Article a, StorySignature sig) {
        Entry best = null;
        double bestSim = 0;
        Set<String> candidates = new HashSet<>();
        List<String> strongest = strongest(sig);
        for (LocalDate d = a.published().minusDays(windowDays); !d.isAfter(a.published().plusDays(windowDays));
             d = d.plusDays(1)) {
            Map<String, Set<String>> day = index.get(d);
            if (day == null) {
                continue;
            }
            for (String t : strongest) {
                Set<String> ids = day.get(t);
                if (ids != null && ids.size() <= MAX_POSTINGS) {
                    candidates.addAll(ids);
                }
            }
        }
        candidates.remove(a.id());
        for (String id : candidates) {
            Entry e = entries.get(id);
            if (e == null || Math.abs(ChronoUnit.DAYS.between(e.published(), a.published())) > windowDays) {
                continue;
            }
            double s = sig.cosine(e.signature());
            if (s >= threshold && (s > bestSim || (s == bestSim && best != null && id.compareTo(best.articleId()) < 0))) {
                best = e;
                bestSim = s;
            }
        }
        Assignment result = best == null
                ? new Assignment(newClusterId(a.id()), null, null, false)
                : new Assignment(best.clusterId(), best.articleId(), round(bestSim),
                        best.sourceKey().equals(a.sourceKey()));
        remember(new Entry(a.id(), result.clusterId(), a.sourceKey(), a.published(), sig));
        return result;
    }

    private void remember(Entry e) {
        Entry old = entries.remove(e.articleId());
        if (old != null) {
            unindex(old);
        }
        entries.put(e.articleId(), e);
        Map<String, Set<String>> day = index.computeIfAbsent(e.published(), k -> new HashMap<>());
        for (String t : strongest(e.signature())) {
            day.computeIfAbsent(t, k -> new java.util.LinkedHashSet<>()).add(e.articleId());
        }
        while (entries.size() > MAX_ENTRIES) {
            Entry eldest = entries.values().iterator().next();
            entries.remove(eldest.articleId());
            unindex(eldest);
        }
    }

    private void unindex(Entry e) {
        Map<String, Set<String>> day = index.get(e.published());
        if (day == null) {
            return;
        }
        for (String t : strongest(e.signature())) {
            Set<String> ids = day.get(t);
            if (ids != null) {
                ids.remove(e.articleId());
                if (ids.isEmpty()) {
                    day.remove(t);
                }
            }
        }
        if (day.isEmpty()) {
            index.remove(e.published());
        }
    }

    /** A signature's strongest terms (signatures keep their terms strongest first). */
    private static List<String> strongest(StorySignature sig) {
        List<String> out = new ArrayList<>(INDEXED_TERMS);
        for (String t : sig.terms()) {
            if (out.size() == INDEXED_TERMS) {
                break;
            }
            out.add(t);
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    static String newClusterId(String articleId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(articleId.getBytes(StandardCharsets.UTF_8));
            return "s" + HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’\\-]*");

    /** The words of every country's names, adjectives and capitals, as the signature compares them. */
    public static Set<String> countryTerms(ActorCatalog catalog) {
        Set<String> out = new HashSet<>();
        for (Country c : catalog.countries()) {
            List<String> forms = new ArrayList<>();
            forms.addAll(c.names());
            forms.addAll(c.adjectives());
            forms.addAll(c.capitals());
            for (String f : forms) {
                Matcher m = WORD.matcher(f);
                while (m.find()) {
                    String t = StorySignature.normalise(m.group());
                    if (t != null) {
                        out.add(t);
                    }
                }
            }
        }
        return out;
    }
}
