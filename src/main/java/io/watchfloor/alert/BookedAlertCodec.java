package io.watchfloor.alert;

import io.watchfloor.model.Alert;
import io.watchfloor.model.Category;
import io.watchfloor.model.Evidence;
import io.watchfloor.model.Severity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@link BookedAlert} as bytes for the spill, and back: the alert as it shows, how many reports it holds, and every
 * report key and source. Read back only by the process that wrote it (a replay's scratch store), so the format has no
 * version.
 */
final class BookedAlertCodec {
    private BookedAlertCodec() { }

    static byte[] encode(BookedAlert b) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            Alert a = b.shown();
            writeText(out, a.id());
            writeText(out, a.rule());
            writeText(out, a.category().name());
            writeText(out, a.type());
            writeText(out, a.severity().name());
            out.writeInt(a.actors().size());
            for (String actor : a.actors()) {
                writeText(out, actor);
            }
            out.writeLong(a.eventDate().toEpochDay());
            writeText(out, a.title());
            writeText(out, a.summary());
            out.writeInt(a.sources());
            out.writeInt(a.evidence().size());
            for (Evidence e : a.evidence()) {
                writeText(out, e.sentence());
                writeText(out, e.articleId());
                writeText(out, e.articleTitle());
                writeText(out, e.link());
                out.writeLong(e.published().toEpochDay());
                writeText(out, e.sourceKey());
                out.writeBoolean(e.datedAtFetch());
            }
            out.writeInt(b.held());
            long[] keys = b.reports().toArray();
            out.writeInt(keys.length);
            for (long k : keys) {
                out.writeLong(k);
            }
            out.writeInt(b.sources().size());
            for (String s : b.sources()) {
                writeText(out, s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    static BookedAlert decode(byte[] state) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            String id = readText(in);
            String rule = readText(in);
            Category category = Category.valueOf(readText(in));
            String type = readText(in);
            Severity severity = Severity.valueOf(readText(in));
            List<String> actors = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                actors.add(readText(in));
            }
            LocalDate eventDate = LocalDate.ofEpochDay(in.readLong());
            String title = readText(in);
            String summary = readText(in);
            int sourceCount = in.readInt();
            List<Evidence> evidence = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                evidence.add(new Evidence(readText(in), readText(in), readText(in), readText(in),
                        LocalDate.ofEpochDay(in.readLong()), readText(in), in.readBoolean()));
            }
            int held = in.readInt();
            ReportKeys reports = new ReportKeys();
            for (int i = in.readInt(); i > 0; i--) {
                reports.add(in.readLong());
            }
            Set<String> sources = new HashSet<>();
            for (int i = in.readInt(); i > 0; i--) {
                sources.add(readText(in));
            }
            Alert shown = new Alert(id, rule, category, type, severity, actors, eventDate, title, summary, evidence,
                    sourceCount);
            return new BookedAlert(shown, held, reports, sources);
        } catch (IOException e) {
            throw new UncheckedIOException("a spilled alert cannot be read back", e);
        }
    }

    /** Length-prefixed UTF-8, null as -1: {@code writeUTF} stops at 64 KB. */
    private static void writeText(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readText(DataInputStream in) throws IOException {
        int n = in.readInt();
        return n < 0 ? null : new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }
}
