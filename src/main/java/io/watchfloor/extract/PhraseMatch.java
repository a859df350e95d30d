package io.watchfloor.extract;

/**
 * One occurrence of a phrase found by {@link PhraseMatcher}.
 *
 * @param start   first char of the occurrence, an offset into the ORIGINAL text (inclusive)
 * @param end     offset into the original text just after the occurrence (exclusive)
 * @param phrase  the phrase exactly as it was given to {@link PhraseMatcher.Builder#add}
 * @param payload the payload given with it (may be null)
 */
public record PhraseMatch<T>(int start, int end, String phrase, T payload) {}
