package io.watchfloor.extract;

import java.util.List;

/**
 * The country mentions of an article's sentences, and the pair it is mostly about.
 *
 * @param bySentence the mentions of each sentence, in text order
 * @param dominant   the two countries the article is mostly about, or null when no two stand out
 */
record ArticleMentions(List<List<Mention>> bySentence, List<String> dominant) {
}
