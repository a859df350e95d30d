package io.watchfloor.evaluate;

import io.watchfloor.model.Signal;
import io.watchfloor.model.SignalType;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One signal a labeller expects in an article: the fields an extracted signal is matched on.
 *
 * @param type      signal type
 * @param actor     ISO code of who did it; null for ATTACK by unknown or non-state perpetrators
 * @param target    ISO code of whom or where
 * @param eventDate when it happened
 * @param planned   announced, not yet happened
 * @param evidence  optional: a piece of text the evidence sentence must contain (null: not checked)
 */
public record ExpectedSignal(SignalType type, String actor, String target, LocalDate eventDate, boolean planned,
                             String evidence) {
    public ExpectedSignal {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(eventDate, "eventDate");
    }

    /** The matching key: what makes two signals the same fact. Undirected pairs in alphabetical order. */
    public Key key() {
        return Key.of(type, actor, target, eventDate, planned);
    }

    /** The matching key of an extracted signal. */
    public static Key keyOf(Signal s) {
        return Key.of(s.type(), s.actor(), s.target(), s.eventDate(), s.planned());
    }

    /** (type, actor, target, eventDate, planned): two signals with the same key are one fact. */
    public record Key(SignalType type, String actor, String target, LocalDate eventDate, boolean planned) {
        static Key of(SignalType type, String actor, String target, LocalDate date, boolean planned) {
            if (!type.directed() && actor != null && actor.compareTo(target) > 0) {
                return new Key(type, target, actor, date, planned);
            }
            return new Key(type, actor, target, date, planned);
        }

        @Override
        public String toString() {
            return type + " " + (actor == null ? "?" : actor) + (type.directed() ? ">" : "-") + target + " "
                    + eventDate + (planned ? " planned" : "");
        }
    }
}
