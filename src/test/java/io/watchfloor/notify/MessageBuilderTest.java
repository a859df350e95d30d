package io.watchfloor.notify;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The message as bytes on the wire: long headers whole and folded, and a frozen message sent as it was. */
class MessageBuilderTest {
    private final MessageBuilder builder = new MessageBuilder(Session.getInstance(new Properties()),
            "watchfloor <watchfloor@example.org>");
    private final Rendered rendered = new Rendered("[CRITICAL] ESCALATION IRN-PAK: a strike", "text", "<p>html</p>",
            Map.of());

    @Test
    void aLongAlertsHeaderIsWholeAndFoldedIntoLinesOfAtMost78Characters() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            ids.add(String.format("%016x", 0x9e3779b97f4a7c15L * (i + 1)));
        }
        byte[] wire = MessageBuilder.bytes(builder.build("duty@example.org", "<alert.IRN-PAK.1@watchfloor>", rendered,
                Map.of("X-Watchfloor-Alerts", String.join(" ", ids))));

        String head = new String(wire, StandardCharsets.US_ASCII).split("\r\n\r\n", 2)[0];
        assertThat(head.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(78));
        assertThat(head).doesNotContain("…");
        MimeMessage read = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(wire));
        assertThat(MimeUtility.unfold(read.getHeader("X-Watchfloor-Alerts")[0]).split(" "))
                .containsExactlyElementsOf(ids);
    }

    @Test
    void aFrozenMessageKeepsItsMessageIdAndBytesWhenSentAgain() throws Exception {
        byte[] wire = MessageBuilder.bytes(builder.build("duty@example.org", "<alert.IRN-PAK.2@watchfloor>", rendered,
                Map.of()));
        MimeMessage again = builder.frozen(wire);
        again.saveChanges(); // what a transport does before sending
        assertThat(again.getMessageID()).isEqualTo("<alert.IRN-PAK.2@watchfloor>");
        assertThat(MessageBuilder.bytes(again)).isEqualTo(wire);
    }
}
