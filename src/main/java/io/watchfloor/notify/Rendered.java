package io.watchfloor.notify;

import java.util.Map;

/** A message's parts: one-line subject, plain text, HTML, and inline images by content id. */
public record Rendered(String subject, String text, String html, Map<String, byte[]> images) {
    public Rendered {
        images = Map.copyOf(images);
    }
}
