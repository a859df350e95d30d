package io.watchfloor.alert;

import io.watchfloor.model.Evidence;

/**
 * A set of 64-bit report keys, open addressing: a war's alert holds thousands of reports, and a boxed set would cost
 * about four times the memory (a {@code Long} and a map node per key).
 */
final class ReportKeys {
    /** Marks a free slot; the key 0 itself is kept aside. */
    private static final long FREE = 0L;

    private long[] slots = new long[16];
    private int size;
    private boolean hasZero;

    boolean contains(long key) {
        if (key == FREE) {
            return hasZero;
        }
        long[] s = slots;
        int mask = s.length - 1;
        for (int i = spread(key) & mask; ; i = (i + 1) & mask) {
            if (s[i] == key) {
                return true;
            }
            if (s[i] == FREE) {
                return false;
            }
        }
    }

    /** @return whether the key was new */
    boolean add(long key) {
        if (key == FREE) {
            boolean added = !hasZero;
            hasZero = true;
            size += added ? 1 : 0;
            return added;
        }
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        for (int i = spread(key) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == key) {
                return false;
            }
            if (slots[i] == FREE) {
                slots[i] = key;
                size++;
                return true;
            }
        }
    }

    int size() {
        return size;
    }

    /** Every key held, in no particular order. */
    long[] toArray() {
        long[] out = new long[size];
        int n = 0;
        if (hasZero) {
            out[n++] = FREE;
        }
        for (long key : slots) {
            if (key != FREE) {
                out[n++] = key;
            }
        }
        return out;
    }

    /** A report's article and sentence as 64 bits: a war's alerts must not hold their sentences twice over. */
    static long of(Evidence e) {
        long h = 1125899906842597L;
        for (String part : new String[] {e.articleId(), e.sentence()}) {
            for (int i = 0; i < part.length(); i++) {
                h = 31 * h + part.charAt(i);
            }
            h = h * 0x9E3779B97F4A7C15L + 1;
        }
        return h;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long key : old) {
            if (key != FREE) {
                int i = spread(key) & mask;
                while (slots[i] != FREE) {
                    i = (i + 1) & mask;
                }
                slots[i] = key;
            }
        }
    }

    private static int spread(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
