package io.watchfloor.evaluate;

import java.util.List;

/**
 * The labels of one article.
 *
 * @param file    the article's path relative to the evaluated folder ("001_india_pakistan_balakot.txt")
 * @param trap    a trap article: it must yield no escalation signal at all
 * @param note    what the article tests
 * @param signals exactly the signals a careful analyst would list
 * @param source  the labels file and line this entry came from, for messages
 */
public record ArticleLabels(String file, boolean trap, String note, List<ExpectedSignal> signals, String source) {
    public ArticleLabels {
        signals = List.copyOf(signals);
    }
}
