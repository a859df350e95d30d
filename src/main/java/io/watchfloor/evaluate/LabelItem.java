package io.watchfloor.evaluate;

import io.watchfloor.model.Signal;
import io.watchfloor.model.SignalType;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One item of a require/optional label ({@code ../shared/corpus} format, scored as its {@code score.py} does):
 * {@code "STRIKE IND>PAK"} (directed), {@code "CLASH IND-PAK"} (either order), {@code "ATTACK *"} (any pair),
 * {@code "* *"} (anything), {@code "* IND>PAK"} (any type for that pair).
 *
 * @param type     the signal type; null for {@code *}
 * @param actor    null when the pair is {@code *}
 * @param target   null when the pair is {@code *}
 * @param directed actor and target in this order; otherwise the pair in either order. A pair written
 *                 {@code A-B} is never directed, nor is one of an undirected type, however written.
 */
public record LabelItem(SignalType type, String actor, String target, boolean directed) {
    private static final Pattern ITEM = Pattern.compile("(\\S+) (?:(\\*)|([A-Z]{3})([>-])([A-Z]{3}))");

    public LabelItem {
        if ((actor == null) != (target == null)) {
            throw new IllegalArgumentException("a pair is both codes or none");
        }
        directed = directed && actor != null && (type == null || pairOrdered(type));
    }

    /**
     * Whether the labels order the pair of this type. They call PLEDGE undirected (a commitment both sides make),
     * though a PLEDGE signal carries who pledged to whom.
     */
    static boolean pairOrdered(SignalType type) {
        return type.directed() && type != SignalType.PLEDGE;
    }

    /** An item of the given type between two countries, directed when the type is. */
    public static LabelItem of(SignalType type, String actor, String target) {
        return new LabelItem(type, actor, target, true);
    }

    /**
     * @param where file and entry, for the message
     * @throws IllegalArgumentException naming {@code where} when the item is malformed
     */
    public static LabelItem parse(String text, String where) {
        Matcher m = ITEM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(where + ": '" + text + "' is not an item such as \"STRIKE IND>PAK\","
                    + " \"CLASH IND-PAK\", \"ATTACK *\" or \"* *\"");
        }
        SignalType type = null;
        if (!m.group(1).equals("*")) {
            try {
                type = SignalType.valueOf(m.group(1).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": '" + m.group(1) + "' is not a signal type (one of "
                        + String.join(", ", SignalType.names()) + ")");
            }
        }
        if (m.group(2) != null) {
            return new LabelItem(type, null, null, false);
        }
        return new LabelItem(type, m.group(3), m.group(5), m.group(4).equals(">"));
    }

    public boolean matches(Signal s) {
        if (type != null && s.type() != type) {
            return false;
        }
        if (actor == null) {
            return true;
        }
        if (directed) {
            return actor.equals(s.actor()) && target.equals(s.target());
        }
        return set(actor, target).equals(set(s.actor(), s.target()));
    }

    private static Set<String> set(String a, String b) {
        return new HashSet<>(Arrays.asList(a, b));
    }

    /** The same item written the one way: an undirected pair in alphabetical order. */
    public LabelItem canonical() {
        if (actor == null || directed || actor.compareTo(target) <= 0) {
            return this;
        }
        return new LabelItem(type, target, actor, false);
    }

    /** The type's name, or {@code *}. */
    String typeName() {
        return type == null ? "*" : type.name();
    }

    @Override
    public String toString() {
        return typeName() + " " + (actor == null ? "*" : actor + (directed ? ">" : "-") + target);
    }

    /** The same item list without repeats (two spellings of one undirected pair are one). */
    public static List<LabelItem> distinct(List<LabelItem> items) {
        return items.stream().map(LabelItem::canonical).distinct().toList();
    }
}
