package io.watchfloor.evaluate.petrarch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads PETRARCH-2's unit-test records ({@code PETR.UnitTest.records.xml}): {@code <Sentence date="19950101"
 * id="DEMO-01">} elements, each with {@code <EventCoding>} elements and a {@code <Text>}; the parse trees and
 * comments are skipped. A DOCTYPE is refused, so no entity is ever expanded.
 */
public final class PetrarchReader {
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private PetrarchReader() { }

    /** @throws IllegalArgumentException naming the file and line when it cannot be read or is malformed */
    public static List<PetrarchRecord> read(Path file) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader x = f.createXMLStreamReader(in);
            try {
                return records(file, x);
            } finally {
                x.close();
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read (" + e.getMessage() + ")");
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            String msg = e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", "");
            throw new IllegalArgumentException(file + ":" + line + ": not well-formed XML (" + msg.strip() + ")");
        }
    }

    private static List<PetrarchRecord> records(Path file, XMLStreamReader x) throws XMLStreamException {
        List<PetrarchRecord> out = new ArrayList<>();
        while (x.hasNext()) {
            int ev = x.next();
            if (ev == XMLStreamConstants.DTD) {
                throw new IllegalArgumentException(file + ":" + x.getLocation().getLineNumber()
                        + ": a DOCTYPE is not accepted in unit-test records");
            }
            if (ev == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("Sentence")) {
                out.add(sentence(file, x));
            }
        }
        return out;
    }

    private static PetrarchRecord sentence(Path file, XMLStreamReader x) throws XMLStreamException {
        int line = x.getLocation().getLineNumber();
        String id = x.getAttributeValue(null, "id");
        String where = file + ":" + line;
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(where + ": <Sentence> without an id");
        }
        where += ": " + id;
        String dateText = x.getAttributeValue(null, "date");
        LocalDate date;
        try {
            date = LocalDate.parse(dateText == null ? "" : dateText.strip(), DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": date '" + dateText + "' is not YYYYMMDD");
        }
        List<PetrarchRecord.Coding> codings = new ArrayList<>();
        String text = null;
        int depth = 1;
        while (depth > 0) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String name = x.getLocalName();
                if (depth == 1 && name.equals("EventCoding")) {
                    codings.add(new PetrarchRecord.Coding(attr(x, "sourcecode"), attr(x, "targetcode"),
                            attr(x, "eventcode"), "true".equalsIgnoreCase(attr(x, "noevents")), attr(x, "error")));
                } else if (depth == 1 && name.equals("Text")) {
                    text = x.getElementText().strip().replaceAll("\\s+", " ");
                    continue; // getElementText leaves the reader on the end tag
                }
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException(where + ": no <Text>");
        }
        return new PetrarchRecord(id.strip(), date, text, codings, line);
    }

    private static String attr(XMLStreamReader x, String name) {
        String v = x.getAttributeValue(null, name);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
