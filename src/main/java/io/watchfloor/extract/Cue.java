package io.watchfloor.extract;

import io.watchfloor.model.SignalType;

/** What a lexicon phrase means when it is found in a sentence. */
public sealed interface Cue {
    /** Names an event of a type. */
    record Trigger(SignalType type, boolean dated) implements Cue {
        public Trigger(SignalType type) {
            this(type, false);
        }
    }

    /** Looks like an event but is something else ("hunger strike"). */
    record Trap() implements Cue { }

    /** Puts the sentence in another world (sports, business, weather). */
    record Context(String name) implements Cue { }

    /** Denied, hypothetical or planned. */
    record Modality(Mood mood) implements Cue { }

    /**
     * NEGATION: denied, refused, cancelled; HYPOTHETICAL: conditional, proposed, feared; PLANNED: announced, to come;
     * BACKGROUND: told as the setting of the news ("amid the war"), not as news.
     */
    enum Mood { NEGATION, HYPOTHETICAL, PLANNED, BACKGROUND }

    /**
     * One end of a split trigger ("fired ... missiles"): the head and the tail are matched on their own and joined
     * into one trigger when the tail follows the head closely in the same clause.
     */
    record Part(int entry, boolean head, SignalType type) implements Cue { }
}
