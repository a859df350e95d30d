package io.watchfloor.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Multi-phrase matcher (Aho-Corasick), linear in the length of the text.
 *
 * <p>Matching rules, applied the same way to phrases and to text, char by char so that offsets stay valid:
 * <ul>
 *   <li>any whitespace char (including no-break spaces) counts as ' ', and a run of whitespace counts as one ' ';
 *       leading and trailing whitespace of a phrase is ignored;</li>
 *   <li>typographic apostrophes ’ ‘ ʼ count as ';</li>
 *   <li>unless {@code caseSensitive(true)}, each char is lower-cased with {@link Character#toLowerCase(char)}
 *       (locale-independent, one char to one char).</li>
 * </ul>
 * An occurrence counts only on word boundaries: the code point before it and the code point after it must not be
 * a letter, a digit or a combining mark. Apostrophes, hyphens and punctuation are boundaries.
 *
 * <p>Two ways to scan, with the same matches: by default the Aho-Corasick automaton reads every char once; a matcher
 * built {@link Builder#fromWordStarts() from word starts} walks the trie only from the positions where a phrase may
 * start (a word boundary before a char that begins some phrase). The second suits a big dictionary of names, which
 * begin with few of the words of a text.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PhraseMatcher<T> {

    private static final int NONE = -1;
    /** How many nodes, the shallowest first, get a dense row of ASCII moves. */
    static final int DENSE_ROWS = 1 << 15;

    private final boolean caseSensitive;
    /** Walk the trie from word starts (no fail links, no dense rows) instead of running the automaton. */
    private final boolean fromWordStarts;
    private final int[] rootNext;       // transitions out of the root, by char (NONE when absent)
    // Transitions out of the other nodes, in compressed rows: the edges of node n are edgeLabel/edgeTarget
    // [edgeStart[n], edgeStart[n + 1]). Deep nodes have one child or two: a scan beats a hash lookup.
    private final int[] edgeStart;
    private final char[] edgeLabel;
    private final int[] edgeTarget;
    private final int[] fail;
    private final int[] depth;          // normalised length of the path to the node
    private final int[] outHead;        // first entry ending exactly at the node, or NONE
    private final int[] dictLink;       // nearest proper suffix node that has entries, or NONE
    private final int[] entryNext;      // next entry at the same node, or NONE
    private final String[] entryPhrase;
    private final Object[] entryPayload;
    private final int ringMask;         // ring buffer of original offsets, big enough for the deepest phrase
    /**
     * The automaton's moves on ASCII chars, fail links already followed: row[node] * width + asciiClass[char] ->
     * node. Class 0 is every ASCII char no phrase contains (back to the root from anywhere). Only the shallowest
     * {@link #DENSE_ROWS} nodes have a row (row -1 otherwise): text spends nearly all its time near the root, and a
     * row for each of the hundreds of thousands of nodes of a big dictionary would take hundreds of megabytes.
     */
    private final int[] ascii;
    /**
     * The same moves as {@link #ascii}, each told as what the next step needs: the target's row start times two,
     * plus one when some phrase ends at the target (or at a suffix of it); -1 for a target without a row. The
     * automaton then reads one table per char, and the node itself ({@link #ascii}) only where a phrase may end: a
     * chain of three dependent reads per char was most of the time a scan took.
     */
    private final int[] moves;
    private final int[] row;
    private final byte[] asciiClass;
    private final int width;
    private final char[] asciiFolded;

    private PhraseMatcher(boolean caseSensitive, boolean fromWordStarts, int[] rootNext, int[][] edges,
                          char[] edgeLabel, int[] fail, int[] depth, int[] outHead, int[] dictLink,
                          int[] entryNext, String[] entryPhrase, Object[] entryPayload, int maxDepth, int[] ascii,
                          int[] row, byte[] asciiClass, int width) {
        this.row = row;
        this.caseSensitive = caseSensitive;
        this.asciiFolded = asciiFolded(caseSensitive);
        this.fromWordStarts = fromWordStarts;
        this.ascii = ascii;
        this.moves = ascii == null ? null : new int[ascii.length];
        if (ascii != null) {
            for (int slot = 0; slot < ascii.length; slot++) {
                moves[slot] = move(ascii[slot], row, width, outHead, dictLink);
            }
        }
        this.asciiClass = asciiClass;
        this.width = width;
        this.rootNext = rootNext;
        this.edgeStart = edges[0];
        this.edgeTarget = edges[1];
        this.edgeLabel = edgeLabel;
        this.fail = fail;
        this.depth = depth;
        this.outHead = outHead;
        this.dictLink = dictLink;
        this.entryNext = entryNext;
        this.entryPhrase = entryPhrase;
        this.entryPayload = entryPayload;
        int ring = Integer.highestOneBit(Math.max(1, maxDepth)) << 1;
        this.ringMask = ring - 1;
    }

    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /** Number of (phrase, payload) entries added. */
    public int size() {
        return entryPhrase.length;
    }

    /**
     * Every occurrence of every phrase that starts and ends on a word boundary, overlapping ones included.
     * Sorted by start, then longer first, then in the order the entries were added.
     */
    public List<PhraseMatch<T>> findAll(CharSequence text) {
        List<Hit> hits = scan(text, false);
        List<PhraseMatch<T>> out = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            out.add(toMatch(h));
        }
        return out;
    }

    /**
     * Leftmost-longest, non-overlapping occurrences: scanning left to right, the occurrence that starts first wins,
     * among those the longest; scanning resumes at its end. Every entry with exactly the winning span is returned
     * (several payloads of one phrase, or several phrases that normalise to the same text), in the order added.
     */
    public List<PhraseMatch<T>> findLongest(CharSequence text) {
        List<Hit> hits = scan(text, false);
        List<PhraseMatch<T>> out = new ArrayList<>();
        int cursor = 0;
        int i = 0;
        while (i < hits.size()) {
            Hit h = hits.get(i);
            if (h.start < cursor) {
                i++;
                continue;
            }
            // hits are sorted by start then longest first: h wins, with all entries of the same span
            int j = i;
            while (j < hits.size() && hits.get(j).start == h.start && hits.get(j).end == h.end) {
                out.add(toMatch(hits.get(j)));
                j++;
            }
            cursor = h.end;
            i = j;
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private PhraseMatch<T> toMatch(Hit h) {
        return new PhraseMatch<>(h.start, h.end, entryPhrase[h.entry], (T) entryPayload[h.entry]);
    }

    private record Hit(int start, int end, int entry) {}

    private static final Comparator<Hit> HIT_ORDER = (a, b) -> {
        if (a.start != b.start) return Integer.compare(a.start, b.start);
        if (a.end != b.end) return Integer.compare(b.end, a.end);
        return Integer.compare(a.entry, b.entry);
    };

    /** Whether some phrase occurs in the text (as {@link #findAll} would find it): the scan stops at the first. */
    public boolean occursIn(CharSequence text) {
        return !scan(text, true).isEmpty();
    }

    /** Every occurrence, or the first one found when {@code first}. */
    private List<Hit> scan(CharSequence text, boolean first) {
        Objects.requireNonNull(text, "text");
        int n = text.length();
        List<Hit> hits = new ArrayList<>();
        if (entryPhrase.length == 0 || n == 0) {
            return hits;
        }
        if (fromWordStarts) {
            return scanFromWordStarts(text, hits, first);
        }
        int[] ring = new int[ringMask + 1];
        int base = 0;      // where the current node's row starts in the tables, or -1: a node without a row
        int slot = NONE;   // the table entry that led to the current node, or NONE: the node is in `state`
        int state = 0;
        int k = 0; // number of normalised chars fed so far
        boolean prevSpace = false;
        for (int i = 0; i < n; i++) {
            char c = foldChar(text.charAt(i));
            if (c == ' ') {
                if (prevSpace) {
                    continue; // a run of whitespace is one ' '
                }
                prevSpace = true;
            } else {
                prevSpace = false;
            }
            ring[k & ringMask] = i;
            k++;
            int m;
            if (c < 128 && base >= 0) {
                slot = base + asciiClass[c];
                m = moves[slot];
            } else {
                state = step(slot != NONE ? ascii[slot] : state, c);
                slot = NONE;
                m = move(state, row, width, outHead, dictLink);
            }
            if (m >= 0 && (m & 1) == 0) {
                base = m >> 1; // no phrase ends here: the common case
                continue;
            }
            if (slot != NONE) {
                state = ascii[slot];
                slot = NONE;
            }
            base = m >= 0 ? m >> 1 : -1;
            int node = outHead[state] != NONE ? state : dictLink[state];
            while (node > 0) {
                int start = ring[(k - depth[node]) & ringMask];
                int end = i + 1;
                if (isBoundary(text, start, end)) {
                    for (int e = outHead[node]; e != NONE; e = entryNext[e]) {
                        hits.add(new Hit(start, end, e));
                    }
                    if (first) {
                        return hits;
                    }
                }
                node = dictLink[node];
            }
        }
        if (hits.size() > 1) {
            hits.sort(HIT_ORDER);
        }
        return hits;
    }

    /**
     * Every occurrence, found by walking the trie from each position where one may start: a char that begins some
     * phrase, with a word boundary before it. Text that no phrase begins costs one table read per char.
     */
    private List<Hit> scanFromWordStarts(CharSequence text, List<Hit> hits, boolean first) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            int node = rootNext[foldChar(text.charAt(i))];
            if (node == NONE || i > 0 && isWordCharBefore(text, i)) {
                continue;
            }
            boolean prevSpace = false; // a phrase never starts with a space
            int j = i + 1; // the next char to read; the path so far is text[i, j)
            while (true) {
                if (outHead[node] != NONE && (j >= n || !isWordCharAt(text, j))) {
                    for (int e = outHead[node]; e != NONE; e = entryNext[e]) {
                        hits.add(new Hit(i, j, e));
                    }
                    if (first) {
                        return hits;
                    }
                }
                char c = 0;
                while (j < n && (c = foldChar(text.charAt(j))) == ' ' && prevSpace) {
                    j++; // a run of whitespace is one ' '
                }
                if (j >= n) {
                    break;
                }
                prevSpace = c == ' ';
                node = child(node, c);
                if (node == NONE) {
                    break;
                }
                j++;
            }
        }
        if (hits.size() > 1) {
            hits.sort(HIT_ORDER);
        }
        return hits;
    }

    /** The child of {@code node} (not the root) on {@code c}, or NONE; a node's edges are sorted by label. */
    private int child(int node, char c) {
        return childOf(edgeStart, edgeLabel, edgeTarget, node, c);
    }

    private static int childOf(int[] edgeStart, char[] edgeLabel, int[] edgeTarget, int node, char c) {
        int lo = edgeStart[node];
        int hi = edgeStart[node + 1] - 1;
        while (hi - lo > 7) {
            int mid = (lo + hi) >>> 1;
            if (edgeLabel[mid] < c) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int e = lo; e <= hi; e++) {
            if (edgeLabel[e] == c) {
                return edgeTarget[e];
            }
        }
        return NONE;
    }

    private static boolean isWordCharBefore(CharSequence text, int i) {
        char c = text.charAt(i - 1);
        return c < 128 ? isAsciiWordChar(c) : isWordChar(Character.codePointBefore(text, i));
    }

    private static boolean isWordCharAt(CharSequence text, int i) {
        char c = text.charAt(i);
        return c < 128 ? isAsciiWordChar(c) : isWordChar(Character.codePointAt(text, i));
    }

    private static boolean isAsciiWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /** The move on {@code c} from a node without a dense row (or on a non-ASCII char): along the fail links. */
    private int step(int state, char c) {
        while (true) {
            if (state == 0) {
                int nx = rootNext[c];
                return nx != NONE ? nx : 0;
            }
            for (int e = edgeStart[state], end = edgeStart[state + 1]; e < end; e++) {
                if (edgeLabel[e] == c) {
                    return edgeTarget[e];
                }
            }
            state = fail[state];
            if (c < 128 && row[state] != NONE) {
                return ascii[row[state] * width + asciiClass[c]];
            }
        }
    }

    /** What {@link #moves} holds for a move to {@code node} (see there). */
    private static int move(int node, int[] row, int width, int[] outHead, int[] dictLink) {
        if (row[node] == NONE) {
            return -1;
        }
        boolean ends = outHead[node] != NONE || dictLink[node] > 0;
        return (row[node] * width) << 1 | (ends ? 1 : 0);
    }

    private static boolean isBoundary(CharSequence text, int start, int end) {
        if (start > 0 && isWordCharBefore(text, start)) {
            return false;
        }
        return end >= text.length() || !isWordCharAt(text, end);
    }

    /** Letters, digits and combining marks are word chars; everything else is a boundary. */
    static boolean isWordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /**
     * {@link #fold} of a text's char, ASCII from a table: the scans call this for every char they read, and a call
     * to the whole of {@code fold} was a fifth of their time (the JIT, told to inline little, left it a call).
     */
    private char foldChar(char c) {
        return c < 128 ? asciiFolded[c] : fold(c, caseSensitive);
    }

    private static char[] asciiFolded(boolean caseSensitive) {
        char[] folded = new char[128];
        for (char c = 0; c < 128; c++) {
            folded[c] = fold(c, caseSensitive);
        }
        return folded;
    }

    /** The char as the automaton sees it: whitespace to ' ', typographic apostrophes to ', optionally lower-cased. */
    static char fold(char c, boolean caseSensitive) {
        if (c < 128) {
            if (c <= ' ' && (c == ' ' || Character.isWhitespace(c))) {
                return ' ';
            }
            return !caseSensitive && c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return ' ';
        }
        if (c == '\u2019' || c == '\u2018' || c == '\u02BC') {
            return '\'';
        }
        return caseSensitive ? c : Character.toLowerCase(c);
    }

    /** The phrase as the automaton sees it: folded, whitespace runs collapsed, trimmed. */
    static String normalise(String phrase, boolean caseSensitive) {
        StringBuilder sb = new StringBuilder(phrase.length());
        boolean prevSpace = true; // drops leading whitespace
        for (int i = 0; i < phrase.length(); i++) {
            char c = fold(phrase.charAt(i), caseSensitive);
            if (c == ' ') {
                if (prevSpace) continue;
                prevSpace = true;
            } else {
                prevSpace = false;
            }
            sb.append(c);
        }
        int len = sb.length();
        if (len > 0 && sb.charAt(len - 1) == ' ') {
            sb.setLength(len - 1);
        }
        return sb.toString();
    }

    public static final class Builder<T> {
        private final List<String> phrases = new ArrayList<>();
        private final List<T> payloads = new ArrayList<>();
        private boolean caseSensitive;
        private boolean fromWordStarts;

        private Builder() {}

        /**
         * Adds a phrase with its payload. The same phrase may be added several times with different payloads:
         * each entry gives its own match. A phrase that is empty or only whitespace is rejected.
         */
        public Builder<T> add(String phrase, T payload) {
            Objects.requireNonNull(phrase, "phrase");
            if (!hasNonSpace(phrase)) {
                throw new IllegalArgumentException("blank phrase");
            }
            phrases.add(phrase);
            payloads.add(payload);
            return this;
        }

        private static boolean hasNonSpace(String phrase) {
            for (int i = 0; i < phrase.length(); i++) {
                if (fold(phrase.charAt(i), true) != ' ') {
                    return true;
                }
            }
            return false;
        }

        /** Default false: case-insensitive matching. */
        public Builder<T> caseSensitive(boolean cs) {
            this.caseSensitive = cs;
            return this;
        }

        /**
         * Scan by walking the trie from the word starts that begin some phrase instead of running the automaton
         * over every char: the same matches, in less time and memory for a big dictionary of names (a text's
         * lower-case words begin none of them, and a capitalised word is walked only as far as some name shares its
         * first chars), where the automaton's states leave the processor's caches. Builds no fail links.
         */
        public Builder<T> fromWordStarts() {
            this.fromWordStarts = true;
            return this;
        }

        public PhraseMatcher<T> build() {
            int entries = phrases.size();
            String[] norm = new String[entries];
            int chars = 0;
            int maxDepth = 1;
            for (int e = 0; e < entries; e++) {
                norm[e] = normalise(phrases.get(e), caseSensitive);
                chars += norm[e].length();
                maxDepth = Math.max(maxDepth, norm[e].length());
            }
            // The trie from the phrases in sorted order (the same phrase in the order added): each node's children
            // come in label order, so no map from (node, char) is needed, and rows come out sorted.
            Integer[] order = new Integer[entries];
            for (int e = 0; e < entries; e++) {
                order[e] = e;
            }
            Arrays.sort(order, (x, y) -> {
                int c = norm[x].compareTo(norm[y]);
                return c != 0 ? c : Integer.compare(x, y);
            });
            int cap = chars + 1;
            int[] parent = new int[cap];
            char[] label = new char[cap];
            int[] depth = new int[cap];
            int[] childCount = new int[cap + 1];
            int[] outHead = new int[cap];
            int[] outTail = new int[cap];
            Arrays.fill(outHead, NONE);
            int[] entryNext = new int[entries];
            Arrays.fill(entryNext, NONE);
            int[] path = new int[maxDepth + 1];
            int nodes = 1;
            String prev = "";
            for (int k = 0; k < entries; k++) {
                int e = order[k];
                String p = norm[e];
                int l = 0;
                int max = Math.min(prev.length(), p.length());
                while (l < max && prev.charAt(l) == p.charAt(l)) {
                    l++;
                }
                for (int i = l; i < p.length(); i++) {
                    int child = nodes++;
                    parent[child] = path[i];
                    label[child] = p.charAt(i);
                    depth[child] = i + 1;
                    childCount[path[i]]++;
                    path[i + 1] = child;
                }
                int node = path[p.length()];
                if (outHead[node] == NONE) {
                    outHead[node] = e;
                } else {
                    entryNext[outTail[node]] = e;
                }
                outTail[node] = e;
                prev = p;
            }
            // Compressed rows of the edges: children numbered in creation order, which is label order per node.
            int[] edgeStart = new int[nodes + 1];
            for (int u = 0; u < nodes; u++) {
                edgeStart[u + 1] = edgeStart[u] + childCount[u];
            }
            int edgeCount = nodes - 1;
            char[] edgeLabel = new char[edgeCount];
            int[] edgeTarget = new int[edgeCount];
            int[] cursor = Arrays.copyOf(edgeStart, nodes);
            int[] rootNext = new int[Character.MAX_VALUE + 1];
            Arrays.fill(rootNext, NONE);
            for (int v = 1; v < nodes; v++) {
                int e = cursor[parent[v]]++;
                edgeLabel[e] = label[v];
                edgeTarget[e] = v;
                if (parent[v] == 0) {
                    rootNext[label[v]] = v;
                }
            }
            int[][] edges = {edgeStart, edgeTarget};
            depth = Arrays.copyOf(depth, nodes);
            outHead = Arrays.copyOf(outHead, nodes);
            String[] entryPhrase = phrases.toArray(new String[0]);
            Object[] entryPayload = payloads.toArray();
            if (fromWordStarts) {
                return new PhraseMatcher<>(caseSensitive, true, rootNext, edges, edgeLabel, null, depth, outHead,
                        null, entryNext, entryPhrase, entryPayload, maxDepth, null, null, null, 0);
            }
            // Fail links and dictionary links, breadth first.
            int[] fail = new int[nodes];
            int[] dictLink = new int[nodes];
            Arrays.fill(dictLink, NONE);
            int[] queue = new int[nodes];
            int qh = 0;
            int qt = 0;
            for (int e = edgeStart[0]; e < edgeStart[1]; e++) {
                queue[qt++] = edgeTarget[e];
            }
            while (qh < qt) {
                int u = queue[qh++];
                for (int e = edgeStart[u]; e < edgeStart[u + 1]; e++) {
                    int v = edgeTarget[e];
                    char c = edgeLabel[e];
                    int f = fail[u];
                    int g;
                    while (true) {
                        g = f == 0 ? rootNext[c] : childOf(edgeStart, edgeLabel, edgeTarget, f, c);
                        if (g != NONE || f == 0) {
                            break;
                        }
                        f = fail[f];
                    }
                    fail[v] = g == NONE ? 0 : g;
                    int fv = fail[v];
                    dictLink[v] = fv != 0 && outHead[fv] != NONE ? fv : dictLink[fv];
                    queue[qt++] = v;
                }
            }
            // A dense table of the moves on ASCII chars (almost all of news text): one array read per char instead
            // of searches along fail links. Rows in breadth-first order: a node's fail node is shallower, so it has
            // its row already, and a row starts as a copy of it.
            byte[] asciiClass = new byte[128];
            int width = 1;
            for (int e = 0; e < edgeCount; e++) {
                char c = edgeLabel[e];
                if (c < 128 && asciiClass[c] == 0) {
                    asciiClass[c] = (byte) width++;
                }
            }
            int rows = Math.min(nodes, DENSE_ROWS);
            int[] row = new int[nodes];
            Arrays.fill(row, NONE);
            row[0] = 0;
            int[] ascii = new int[rows * width];
            for (int c = 0; c < 128; c++) {
                if (asciiClass[c] != 0 && rootNext[c] != NONE) {
                    ascii[asciiClass[c]] = rootNext[c];
                }
            }
            for (int q = 0; q < rows - 1; q++) {
                int u = queue[q];
                row[u] = q + 1;
                System.arraycopy(ascii, row[fail[u]] * width, ascii, row[u] * width, width);
                for (int e = edgeStart[u]; e < edgeStart[u + 1]; e++) {
                    if (edgeLabel[e] < 128) {
                        ascii[row[u] * width + asciiClass[edgeLabel[e]]] = edgeTarget[e];
                    }
                }
            }
            return new PhraseMatcher<>(caseSensitive, false, rootNext, edges, edgeLabel, fail, depth, outHead,
                    dictLink, entryNext, entryPhrase, entryPayload, maxDepth, ascii, row, asciiClass, width);
        }
    }
}
