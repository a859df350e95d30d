package io.watchfloor.evaluate;

/**
 * One line of an evaluation's findings.
 *
 * @param article  the article as the labels name it
 * @param kind     the per-type row it counts in (a signal type, or a requirement's types)
 * @param what     the label item(s) missed, or the signal ("STRIKE IRN>PAK 2024-01-16")
 * @param evidence the signal's sentence (null for a miss)
 * @param trap     the article is a trap
 */
public record Finding(String article, String kind, String what, String evidence, boolean trap) { }
