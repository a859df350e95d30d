package io.watchfloor.ingest;

import io.watchfloor.model.Article;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 content hashes: what the store compares to tell a changed article from one seen before. */
public final class ContentHash {
    private ContentHash() { }

    /** Of an article that is not a file (a feed item, a converted test record): its title, body, link and date. */
    public static String of(Article a) {
        return sha256(a.title() + "\n" + a.body() + "\n" + a.link() + "\n" + a.published());
    }

    /** Lower-case hex SHA-256 of the text's UTF-8 bytes. */
    public static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 not available", e);
        }
    }
}
