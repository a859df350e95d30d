package io.watchfloor.extract;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Officials introduced with their country ("Iran's Foreign Minister, Hossein Amir-Abdollahian", "his Pakistani
 * counterpart, Jalil Abbas Jilani") are remembered for the rest of the article, so "Amir-Abdollahian arrived in
 * Islamabad" names Iran as the visitor.
 */
final class PersonRegistry {
    private static final Pattern TITLED_NAME = Pattern.compile(
            "^(?:['’]s)?\\s+(?:[\\p{L}-]+\\s+){0,4}?(?i:foreign minister|prime minister|secretary of state|minister|"
            + "president|premier"
            + "|counterpart|envoy|ambassador|secretary|spokesman|spokeswoman|spokesperson|army chief|chief"
            + "|general|commander|king|emir|crown prince|leader|chancellor|official|diplomat)\\b,?\\s+"
            + "((?:(?:[A-Z]\\.\\s*)+)?(?:[A-Z][\\p{L}'’-]+\\s+){0,3}[A-Z][\\p{L}'’-]+)");
    private static final Set<String> NOT_NAMES = Set.of("The", "A", "An", "On", "In", "At", "And", "But", "This",
            "That", "He", "She", "They", "His", "Her", "Their", "Mr", "Mrs", "Ms", "Dr", "Said", "Met", "Held");
    /** Ranks written before a name: "Lt Gen Ranbir Singh" is Ranbir Singh. */
    private static final Set<String> RANKS = Set.of("Lt", "Gen", "Col", "Maj", "Capt", "Cpt", "Sgt", "Adm", "Brig",
            "Cmdr", "Cdr", "Lieutenant", "General", "Colonel", "Major", "Captain", "Admiral", "Brigadier",
            "Commander", "Marshal", "Air", "Rear", "Field");
    /** Words of an office, not of a name: "Director General Military Operations" names no one. */
    private static final Set<String> OFFICE_WORDS = Set.of("Military", "Operations", "Affairs", "Ministry", "Office",
            "Staff", "Forces", "Force", "Army", "Navy", "Defence", "Defense", "Foreign", "Security", "Intelligence",
            "Council", "Department", "Police", "Public", "Relations", "Services", "Committee", "Commission",
            "Government", "Embassy", "Agency", "State", "National", "Interior", "External", "Home", "Affair",
            "Information", "Command", "Corps", "Guard", "Guards", "Republic", "Assembly", "Parliament", "Cabinet");

    /** A title and a name with no country before them: "Prime Minister Narendra Modi". */
    private static final Pattern TITLE_ONLY = Pattern.compile("\\b(?:Prime Minister|President|"
            + "Foreign Minister|Defence Minister|Defense Minister|Secretary of State|Chancellor|Premier|King|Emir|"
            + "Crown Prince)\\s+((?:[A-Z][\\p{L}'’-]+\\s+){0,3}[A-Z][\\p{L}'’-]+)");

    /** A cheap first look for {@link #TITLE_ONLY}: words every such title has, found by plain search. */
    private static final String[] TITLE_WORDS = {"Minister", "President", "Secretary", "Chancellor", "Premier", "King",
        "Emir", "Prince"};

    /** The lengths of text a {@link #TITLE_ONLY} title has before its title word: "Defence ", "Prime ". */
    private static final int[] TITLE_LEAD_INS = {8, 6, 0};

    private final Map<String, String> codeByName = new HashMap<>();
    /** Officials named with a title but no country, with the sentences that name them so. */
    private final Map<String, List<Integer>> titledOnly = new java.util.LinkedHashMap<>();
    private final Set<String> clashes = new HashSet<>();

    /** Learns the officials introduced in {@code sentence}, given the country mentions found in it. */
    void learn(String sentence, List<Mention> mentions) {
        for (Mention m : mentions) {
            if (m.kind() == Mention.Kind.PLACE || m.kind() == Mention.Kind.PERSON
                    || m.kind() == Mention.Kind.GROUP) {
                continue;
            }
            String rest = sentence.substring(m.end(), Math.min(sentence.length(), m.end() + 120));
            Matcher x = TITLED_NAME.matcher(rest);
            if (!x.find()) {
                continue;
            }
            String name = personal(x.group(1));
            if (name == null) {
                continue;
            }
            String[] tokens = name.split("\\s+");
            put(name, m.code());
            String surname = tokens[tokens.length - 1];
            if (tokens.length > 1 && surname.length() >= 4) {
                put(surname, m.code());
            }
            // East Asian names put the family name first: "Wang Yi" is "Wang", "Yoon Suk Yeol" is "Yoon".
            String first = tokens[0];
            if (tokens.length > 1 && first.length() >= 3 && !first.endsWith(".")) {
                putWeak(first, m.code());
            }
        }
    }

    /** Remembers the officials of sentence {@code index} named by a title alone ("Prime Minister Narendra Modi"). */
    void learnTitled(int index, String sentence) {
        Matcher x = null;
        int from = 0;
        // Most sentences name no official; where a title word is, the costlier pattern is tried only right there,
        // starting at the lead-ins a title may have before that word ("Foreign ", "Prime ", none).
        for (int at = titleWord(sentence, from); at >= 0; at = titleWord(sentence, from)) {
            from = at + 1;
            if (x == null) {
                x = TITLE_ONLY.matcher(sentence).useTransparentBounds(true).useAnchoringBounds(false);
            }
            for (int lead : TITLE_LEAD_INS) {
                int start = at - lead;
                if (start < 0 || !x.region(start, sentence.length()).lookingAt()) {
                    continue;
                }
                from = x.end();
                String name = personal(x.group(1));
                if (name != null) {
                    titledOnly.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(index);
                }
                break;
            }
        }
    }

    /**
     * Gives a country to the officials named by a title alone, from the article's main pair: where the sentence
     * that names one so speaks of one country of the pair only (the visitor "Chinese Foreign Minister Wang Yi met
     * Prime Minister Narendra Modi"), the official is of the other one.
     *
     * @param sentenceCodes per sentence, the countries it names as doers (not where: "met Modi in New Delhi"),
     *                      directly or through an official known so far
     */
    void resolveTitled(List<String> pair, List<Set<String>> sentenceCodes) {
        if (pair == null) {
            return;
        }
        for (Map.Entry<String, List<Integer>> e : titledOnly.entrySet()) {
            String name = e.getKey();
            if (codeByName.containsKey(name)) {
                continue;
            }
            String code = null;
            for (int i : e.getValue()) {
                Set<String> codes = sentenceCodes.get(i);
                boolean a = codes.contains(pair.get(0));
                boolean b = codes.contains(pair.get(1));
                String other = a && !b ? pair.get(1) : b && !a ? pair.get(0) : null;
                if (other != null && (code == null || code.equals(other))) {
                    code = other;
                } else if (other != null) {
                    code = null;
                    break;
                }
            }
            if (code == null) {
                continue;
            }
            put(name, code);
            String[] tokens = name.split("\\s+");
            String surname = tokens[tokens.length - 1];
            if (tokens.length > 1 && surname.length() >= 4) {
                put(surname, code);
            }
        }
    }

    /**
     * The person's name in what follows a title ("Lt Gen Ranbir Singh" is "Ranbir Singh"), or null when it names no
     * one: a common word first ("The"), a rank alone ("Lt"), words of an office ("Military Operations").
     */
    static String personal(String words) {
        String[] tokens = words.split("\\s+");
        int from = 0;
        while (from < tokens.length && RANKS.contains(tokens[from].endsWith(".")
                ? tokens[from].substring(0, tokens[from].length() - 1) : tokens[from])) {
            from++;
        }
        if (from == tokens.length || NOT_NAMES.contains(tokens[from])) {
            return null;
        }
        for (int i = from; i < tokens.length; i++) {
            if (OFFICE_WORDS.contains(tokens[i])) {
                return null;
            }
        }
        return from == 0 ? words : String.join(" ", Arrays.copyOfRange(tokens, from, tokens.length));
    }

    /** A name that only stands for a person when no one else in the article is known by it. */
    private void putWeak(String name, String code) {
        put(name, code);
    }

    private void put(String name, String code) {
        String old = codeByName.putIfAbsent(name, code);
        if (old != null && !old.equals(code)) {
            clashes.add(name);
        }
    }

    /** Names and the country each belongs to; names claimed by two countries are left out. */
    Map<String, String> names() {
        Map<String, String> out = new HashMap<>(codeByName);
        out.keySet().removeAll(clashes);
        return out;
    }

    /** Where the first title word at or after {@code from} starts, or -1. */
    private static int titleWord(String sentence, int from) {
        int best = -1;
        for (String w : TITLE_WORDS) {
            int at = sentence.indexOf(w, from);
            if (at >= 0 && (best < 0 || at < best)) {
                best = at;
            }
        }
        return best;
    }
}
