package io.watchfloor.ingest;

import io.watchfloor.model.Article;
import io.watchfloor.model.Sha256;

/** SHA-256 content hashes: what the store compares to tell a changed article from one seen before. */
public final class ContentHash {
    private ContentHash() { }

    /** Of an article that is not a file (a feed item, a converted test record): its title, body, link and date. */
    public static String of(Article a) {
        return Sha256.hex(a.title() + "\n" + a.body() + "\n" + a.link() + "\n" + a.published());
    }
}
