package io.watchfloor.extract;

import io.watchfloor.model.SignalType;

/** What a lexicon phrase means when it is found in a sentence. */
public sealed interface Cue {
    /** Names an event of a type. */
    record Trigger(SignalType type) implements Cue { }

    /** Looks like an event but is something else ("hunger strike"). */
    record Trap() implements Cue { }

    /** Puts the sentence in another world (sports, business, weather). */
    record Context(String name) implements Cue { }

    /** Denied, hypothetical or planned. */
    record Modality(Mood mood) implements Cue { }

    enum Mood { NEGATION, HYPOTHETICAL, PLANNED }
}
