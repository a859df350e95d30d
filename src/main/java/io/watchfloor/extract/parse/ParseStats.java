package io.watchfloor.extract.parse;

import java.util.Locale;

/**
 * What a parser has done so far.
 *
 * @param parsed sentences parsed by the models
 * @param cached sentences answered from the cache of recent parses
 * @param nanos  CPU time spent in the models, summed over threads
 */
public record ParseStats(long parsed, long cached, long nanos) {
    public static final ParseStats NONE = new ParseStats(0, 0, 0);

    /** The work done between {@code before} and this. */
    public ParseStats since(ParseStats before) {
        return new ParseStats(parsed - before.parsed, cached - before.cached, nanos - before.nanos);
    }

    /** Milliseconds per sentence parsed by the models; 0 before the first. */
    public double millisPerParse() {
        return parsed == 0 ? 0 : nanos / 1e6 / parsed;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d sentences parsed (%.2f ms of CPU each, %d ms in all), %d from the"
                + " cache of recent parses", parsed, millisPerParse(), nanos / 1_000_000, cached);
    }
}
