package io.watchfloor.evaluate.petrarch;

import java.time.LocalDate;
import java.util.List;

/**
 * One {@code <Sentence>} of PETRARCH-2's unit-test records.
 *
 * @param id       its {@code id} attribute
 * @param date     its {@code date} attribute
 * @param text     its {@code <Text>}, whitespace collapsed
 * @param codings  its {@code <EventCoding>} elements
 * @param line     where it starts in the file, for messages
 */
public record PetrarchRecord(String id, LocalDate date, String text, List<Coding> codings, int line) {
    public PetrarchRecord {
        codings = List.copyOf(codings);
    }

    /**
     * One {@code <EventCoding>}: an event PETRARCH-2 must code ({@code sourcecode}, {@code targetcode},
     * {@code eventcode}), or {@code noevents="True"} (none must be coded), or {@code error="..."} (a test of its own
     * error handling: a discarded story, a bad parse). Attributes the element lacks are null.
     */
    public record Coding(String source, String target, String event, boolean noEvents, String error) { }

    /** PETRARCH-2 must code no event from it. */
    public boolean noEvents() {
        return !codings.isEmpty() && codings.stream().allMatch(Coding::noEvents);
    }
}
