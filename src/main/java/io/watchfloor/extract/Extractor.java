package io.watchfloor.extract;

import io.watchfloor.model.Article;
import io.watchfloor.model.Signal;
import java.util.List;

/** Finds the signals in one article. */
public interface Extractor {
    List<Signal> extract(Article article);
}
