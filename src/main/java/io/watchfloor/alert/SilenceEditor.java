package io.watchfloor.alert;

import io.watchfloor.config.DurationDeserializer;
import io.watchfloor.config.EmailConfig.Silence;
import io.watchfloor.model.SignalType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Adds and expires the silences kept in the data directory ({@code silences.yaml}), for {@code watchfloor silence}
 * and the board alike: one set of checks, one file, which a running daemon re-reads before every routing decision.
 * Errors name the field as the user gave it (a pair like IRN-PAK, an ISO time ...).
 */
public final class SilenceEditor {
    /** Alert types that are not signal types: those the shipped rules make of several signals. */
    private static final List<String> RULE_TYPES = List.of("RETALIATION", "SPIRAL", "PLANNED_VISIT");

    private final Path file;
    private final List<Silence> configured;
    private final Clock clock;

    public SilenceEditor(Path file, List<Silence> configured, Clock clock) {
        this.file = file;
        this.configured = List.copyOf(configured);
        this.clock = clock;
    }

    /** What a user asks for; blank fields count as not given. {@code until} and {@code duration}: one of them. */
    public record Request(String pair, String rule, String type, String until, String duration, String comment,
                          String author) { }

    /** A request that cannot be a silence; the message names the field ("pair 'X' is not like IRN-PAK"). */
    public static final class Invalid extends IllegalArgumentException {
        public Invalid(String message) {
            super(message);
        }
    }

    /** Checks the request, then adds it with a new id. */
    public synchronized Silence add(Request r) {
        String pair = blank(r.pair()) ? null : r.pair().strip();
        String rule = blank(r.rule()) ? null : r.rule().strip();
        String type = blank(r.type()) ? null : r.type().strip().toUpperCase(Locale.ROOT);
        if (pair == null && rule == null && type == null) {
            throw new Invalid("give a pair, a rule or a type");
        }
        if (pair != null && !pair.matches("[A-Za-z]{3}(-[A-Za-z]{3})?")) {
            throw new Invalid("pair '" + pair + "' is not like IRN-PAK");
        }
        if (type != null && !SignalType.names().contains(type) && !RULE_TYPES.contains(type)) {
            throw new Invalid("type '" + type + "' is not an alert type");
        }
        Instant end = end(r.until(), r.duration());
        Silence s = new Silence(UUID.randomUUID().toString().substring(0, 8),
                pair == null ? null : pair.toUpperCase(Locale.ROOT), rule, type, end,
                blank(r.comment()) ? null : r.comment().strip(), blank(r.author()) ? null : r.author().strip());
        List<Silence> all = new ArrayList<>(added());
        all.add(s);
        write(all);
        return s;
    }

    private Instant end(String until, String duration) {
        boolean hasUntil = !blank(until);
        boolean hasFor = !blank(duration);
        if (hasUntil == hasFor) {
            throw new Invalid("give either until or for");
        }
        try {
            Instant end = hasUntil ? Instant.parse(until.strip())
                    : clock.instant().plus(DurationDeserializer.parse(duration.strip())).truncatedTo(ChronoUnit.SECONDS);
            if (!end.isAfter(clock.instant())) {
                throw new Invalid("until '" + until + "' is already past");
            }
            return end;
        } catch (DateTimeParseException e) {
            throw new Invalid("until '" + until + "' is not an ISO time such as 2026-12-01T00:00:00Z");
        } catch (Invalid e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new Invalid("for '" + duration + "': " + e.getMessage());
        }
    }

    /**
     * Ends an added silence now; it stays listed, expired, so who silenced what remains on record.
     *
     * @throws Invalid when no added silence has this id (the config's own are changed by editing the config)
     */
    public synchronized Silence expire(String id) {
        List<Silence> all = new ArrayList<>(added());
        for (int i = 0; i < all.size(); i++) {
            Silence s = all.get(i);
            if (s.id() != null && s.id().equals(id)) {
                Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
                Silence ended = new Silence(s.id(), s.pair(), s.rule(), s.type(),
                        s.until() != null && s.until().isBefore(now) ? s.until() : now, s.comment(), s.author());
                all.set(i, ended);
                write(all);
                return ended;
            }
        }
        throw new Invalid("no silence with id " + id
                + " (silences in the config file are changed by editing it)");
    }

    /** The config's silences, then the added ones, as they stand now. */
    public List<Silence> all() {
        List<Silence> all = new ArrayList<>(configured);
        all.addAll(added());
        return all;
    }

    private List<Silence> added() {
        try {
            return SilenceSet.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read silences " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(List<Silence> all) {
        try {
            SilenceSet.write(file, all);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write silences " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
