package io.watchfloor.extract.parse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parses of the sentences read last, by their exact text: wire copy is published again by many outlets, word for
 * word, and a parse costs a few milliseconds. The least recently used sentence goes first when the cache is full.
 * Safe for concurrent use; a parse is immutable, so one may be handed to several threads.
 */
final class ParseCache {
    private final int capacity;
    private final LinkedHashMap<String, ParsedSentence> parses;

    /** @param capacity sentences kept; 0 keeps none */
    ParseCache(int capacity) {
        this.capacity = capacity;
        this.parses = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ParsedSentence> eldest) {
                return size() > ParseCache.this.capacity;
            }
        };
    }

    /** The parse of {@code sentence} when it is kept, else null. */
    synchronized ParsedSentence get(String sentence) {
        return parses.get(sentence);
    }

    synchronized void put(String sentence, ParsedSentence parse) {
        if (capacity > 0) {
            parses.put(sentence, parse);
        }
    }

    synchronized int size() {
        return parses.size();
    }
}
