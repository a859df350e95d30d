package io.watchfloor.ingest;

import io.watchfloor.model.Article;
import java.util.List;
import java.util.Optional;

/**
 * Result of parsing one article text.
 *
 * @param article  the article, or empty when the text holds no usable article (blank, or a title without a body)
 * @param warnings problems found, each naming the article id
 */
public record ParseResult(Optional<Article> article, List<String> warnings) {
    public ParseResult {
        article = article == null ? Optional.empty() : article;
        warnings = List.copyOf(warnings);
    }
}
