package io.watchfloor.extract;

/**
 * The two sides of one event: who acted and whom it addressed (for joint acts, the pair in alphabetical order).
 *
 * @param actor    the doer; null for an attack by unknown or non-state perpetrators
 * @param target   whom or where
 * @param inferred the pair was taken from the article's main pair, not named in the sentence
 */
record Party(String actor, String target, boolean inferred) {
}
