package io.watchfloor.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplatesTest {
    @Test
    void theShippedTemplatesAreTheBuiltInOnes() throws Exception {
        for (String name : List.of("alert-subject.mustache", "alert.txt.mustache", "alert.html.mustache",
                "digest-subject.mustache", "digest.txt.mustache", "digest.html.mustache", "admin-subject.mustache",
                "admin.txt.mustache", "admin.html.mustache")) {
            try (InputStream in = TemplatesTest.class.getResourceAsStream("/io/watchfloor/notify/templates/" + name)) {
                assertThat(in).as(name).isNotNull();
                assertThat(Files.readString(Path.of("config/templates", name)))
                        .as("config/templates/%s matches the built-in copy", name)
                        .isEqualTo(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void subjectsAreOneLineOfPrintableText() {
        assertThat(MessageRenderer.oneLine("a\r\nBcc: x@y\u0000\u2028b\t c")).isEqualTo("a Bcc: x@y b c");
        assertThat(MessageRenderer.oneLine("x".repeat(500))).hasSize(200).endsWith("…");
    }
}
