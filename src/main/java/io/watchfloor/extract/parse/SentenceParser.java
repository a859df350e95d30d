package io.watchfloor.extract.parse;

import java.util.Optional;

/** Reads the grammatical structure of one sentence. Implementations are safe to call from several threads. */
public interface SentenceParser {
    /** Parses nothing: roles are then read from the order of words. */
    SentenceParser NONE = sentence -> Optional.empty();

    /** The parse of {@code sentence}, or empty when it cannot be parsed (no words, too long). */
    Optional<ParsedSentence> parse(String sentence);

    /** Starts loading what the parser reads with, in the background, if it has any and it is not loaded yet. */
    default void loadInBackground() {
    }

    /** What this parser has done since it was made (nothing, for a parser that keeps no count). */
    default ParseStats stats() {
        return ParseStats.NONE;
    }
}
