package io.watchfloor.cli;

import io.watchfloor.ingest.FolderSource.DatedFile;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * The replay's reading order: each article's publication date and file, then every file in publication order (then
 * id); a file given twice (in a folder and by name) is read once. Sorted in memory a run at a time; runs that do not
 * fit are written to files in the replay's scratch folder and merged as they are read, so a folder of any size is
 * ordered in bounded memory.
 */
final class ReplayOrder {
    /** Files sorted in memory at a time: a run of this many takes some tens of megabytes. */
    static final int RUN = 50_000;

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::published).thenComparing(Entry::id);

    private final Path folder;
    private final int run;
    private final List<Entry> pending = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private long added;

    /** A file to replay, and whether it was read whole to date it (its warnings given already). */
    record Entry(LocalDate published, String id, Path path, boolean read) { }

    /** @param folder where runs that do not fit in memory are written (the replay's scratch folder) */
    ReplayOrder(Path folder) {
        this(folder, RUN);
    }

    ReplayOrder(Path folder, int run) {
        this.folder = folder;
        this.run = run;
    }

    void add(DatedFile f) {
        pending.add(new Entry(f.published(), f.id(), f.path(), f.read()));
        added++;
        if (pending.size() >= run) {
            writeRun();
        }
    }

    /** Files recorded so far (a file given twice counts twice). */
    long size() {
        return added;
    }

    /** The files in publication order, merged from the runs as they are consumed. */
    Cursor inPublicationOrder() {
        pending.sort(ORDER);
        List<Iterator<Entry>> sources = new ArrayList<>();
        List<RunReader> readers = new ArrayList<>();
        try {
            for (Path r : runs) {
                RunReader reader = new RunReader(r);
                readers.add(reader);
                sources.add(reader);
            }
        } catch (UncheckedIOException e) {
            readers.forEach(RunReader::close);
            throw e;
        }
        sources.add(new ArrayList<>(pending).iterator());
        pending.clear();
        return new Cursor(sources, readers);
    }

    private void writeRun() {
        pending.sort(ORDER);
        Path file = folder.resolve("replay-order-" + runs.size() + ".run");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file),
                1 << 16))) {
            for (Entry e : pending) {
                out.writeLong(e.published().toEpochDay());
                out.writeUTF(e.id());
                out.writeUTF(e.path().toString());
                out.writeBoolean(e.read());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the replay order to " + file, e);
        }
        runs.add(file);
        pending.clear();
    }

    /** One run's entries, read back in its order. */
    private static final class RunReader implements Iterator<Entry>, AutoCloseable {
        private final Path file;
        private final DataInputStream in;
        private Entry next;

        RunReader(Path file) {
            this.file = file;
            try {
                this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the replay order from " + file, e);
            }
            advance();
        }

        private void advance() {
            try {
                long day = in.readLong();
                next = new Entry(LocalDate.ofEpochDay(day), in.readUTF(), Path.of(in.readUTF()), in.readBoolean());
            } catch (EOFException end) {
                next = null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the replay order from " + file, e);
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Entry next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            Entry e = next;
            advance();
            return e;
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                // read to the end or abandoned: nothing is lost
            }
        }
    }

    /** Files in order, each once; close it when done. */
    static final class Cursor implements Iterator<Entry>, AutoCloseable {
        private record Head(Entry entry, Iterator<Entry> source) { }

        private final PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing(Head::entry, ORDER));
        private final List<RunReader> readers;
        private String lastId;

        private Cursor(List<Iterator<Entry>> sources, List<RunReader> readers) {
            this.readers = readers;
            sources.forEach(this::push);
        }

        private void push(Iterator<Entry> source) {
            if (source.hasNext()) {
                heads.add(new Head(source.next(), source));
            }
        }

        @Override
        public boolean hasNext() {
            // The same id twice comes in a row (same date): the second is the same file.
            while (!heads.isEmpty() && heads.peek().entry().id().equals(lastId)) {
                Head h = heads.poll();
                push(h.source());
            }
            return !heads.isEmpty();
        }

        @Override
        public Entry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Head h = heads.poll();
            push(h.source());
            lastId = h.entry().id();
            return h.entry();
        }

        @Override
        public void close() {
            readers.forEach(RunReader::close);
        }
    }
}
