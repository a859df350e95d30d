package io.watchfloor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextDecoderTest {

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void plainUtf8IsDecodedWithoutWarnings() {
        DecodedText d = TextDecoder.decode("Iran’s minister – “talks”\n".getBytes(StandardCharsets.UTF_8), "a.txt");
        assertThat(d.text()).isEqualTo("Iran’s minister – “talks”\n");
        assertThat(d.charset()).isEqualTo("UTF-8");
        assertThat(d.warnings()).isEmpty();
    }

    @Test
    void utf8BomIsStripped() {
        byte[] b = concat(bytes(0xEF, 0xBB, 0xBF), "Title\nBody é\n".getBytes(StandardCharsets.UTF_8));
        DecodedText d = TextDecoder.decode(b, "bom.txt");
        assertThat(d.text()).isEqualTo("Title\nBody é\n");
        assertThat(d.charset()).isEqualTo("UTF-8");
        assertThat(d.warnings()).isEmpty();
    }

    @Test
    void utf16LittleEndianWithBom() {
        byte[] b = concat(bytes(0xFF, 0xFE), "Title\r\nBody “quoted” é\r\n".getBytes(StandardCharsets.UTF_16LE));
        DecodedText d = TextDecoder.decode(b, "le.txt");
        assertThat(d.text()).isEqualTo("Title\r\nBody “quoted” é\r\n");
        assertThat(d.charset()).isEqualTo("UTF-16LE");
        assertThat(d.warnings()).isEmpty();
    }

    @Test
    void utf16BigEndianWithBom() {
        byte[] b = concat(bytes(0xFE, 0xFF), "Title\nBody\n".getBytes(StandardCharsets.UTF_16BE));
        DecodedText d = TextDecoder.decode(b, "be.txt");
        assertThat(d.text()).isEqualTo("Title\nBody\n");
        assertThat(d.charset()).isEqualTo("UTF-16BE");
    }

    @Test
    void truncatedUtf16IsReadWithAWarning() {
        byte[] good = "Title\nBody\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] b = concat(bytes(0xFF, 0xFE), good, bytes('x'));   // odd number of bytes
        DecodedText d = TextDecoder.decode(b, "odd.txt");
        assertThat(d.text()).startsWith("Title\nBody\n");
        assertThat(d.warnings()).singleElement().asString().contains("odd.txt", "UTF-16LE");
    }

    @Test
    void windows1252FallbackDecodesCurlyQuotesAndAccentsAndNamesLineAndColumn() {
        // line 3: He said “Caf\xE9” — 0x93 at column 9 is the first byte that is not valid UTF-8
        byte[] b = concat("Title\n\n".getBytes(StandardCharsets.US_ASCII),
                "He said ".getBytes(StandardCharsets.US_ASCII), bytes(0x93),
                "Caf".getBytes(StandardCharsets.US_ASCII), bytes(0xE9, 0x94), "\n".getBytes(StandardCharsets.US_ASCII));
        DecodedText d = TextDecoder.decode(b, "seeds/x.txt");
        assertThat(d.text()).isEqualTo("Title\n\nHe said “Café”\n");
        assertThat(d.charset()).isEqualTo("windows-1252");
        assertThat(d.warnings()).containsExactly(
                "seeds/x.txt: not valid UTF-8 (first bad byte at line 3, column 9); read as windows-1252");
    }

    @Test
    void columnCountsCharactersNotBytesAndCrlfEndsLines() {
        // "é" is 2 bytes in UTF-8 but one column; CRLF and a lone CR both end a line
        byte[] b = concat("a\r\nb\rcé ".getBytes(StandardCharsets.UTF_8), bytes(0xE9));
        DecodedText d = TextDecoder.decode(b, "c.txt");
        assertThat(d.warnings()).singleElement().asString().contains("line 3, column 4");
    }

    @Test
    void windows1252FallbackIsLossless() {
        byte[] all = new byte[256 - 0x20];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) (i + 0x20);
        }
        DecodedText d = TextDecoder.decode(all, "all.txt");
        assertThat(d.charset()).isEqualTo("windows-1252");
        assertThat(d.text()).hasSize(all.length).doesNotContain("\uFFFD");
        // undefined windows-1252 bytes keep their ISO-8859-1 code point
        assertThat(d.text().charAt(0x81 - 0x20)).isEqualTo('\u0081');
        assertThat(d.text().charAt(0x9D - 0x20)).isEqualTo('\u009D');
        assertThat(d.text().charAt(0x80 - 0x20)).isEqualTo('€');
        // and re-encoding gives back every byte
        for (int i = 0; i < all.length; i++) {
            char c = d.text().charAt(i);
            byte back = (c < 0x100) ? (byte) c : new String(new char[] {c}).getBytes(java.nio.charset.Charset.forName("windows-1252"))[0];
            assertThat(back).as("byte %x", all[i] & 0xFF).isEqualTo(all[i]);
        }
    }

    @Test
    void truncatedUtf8SequenceAtEndFallsBack() {
        byte[] b = concat("Title\nBody ".getBytes(StandardCharsets.UTF_8), bytes(0xE2, 0x80));
        DecodedText d = TextDecoder.decode(b, "t.txt");
        assertThat(d.charset()).isEqualTo("windows-1252");
        assertThat(d.warnings()).singleElement().asString().contains("t.txt", "line 2, column 6");
    }

    @Test
    void pngHeaderWithNulsIsBinary() {
        byte[] png = bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 1, 0);
        assertThatThrownBy(() -> TextDecoder.decode(png, "img/picture.txt"))
                .isInstanceOf(BinaryFileException.class)
                .hasMessageContaining("img/picture.txt")
                .hasMessageContaining("binary")
                .satisfies(e -> assertThat(((BinaryFileException) e).name()).isEqualTo("img/picture.txt"));
    }

    @Test
    void manyControlCharactersIsBinary() {
        byte[] b = new byte[200];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i % 3 == 0 ? 0x01 : 'a');
        }
        assertThatThrownBy(() -> TextDecoder.decode(b, "ctl.txt"))
                .isInstanceOf(BinaryFileException.class)
                .hasMessageContaining("ctl.txt")
                .hasMessageContaining("control characters");
    }

    @Test
    void controlCharactersAreCountedInTheFirst8KiCharactersWhateverTheyAreWrittenIn() {
        // 900 controls in the first 8,192 chars is over a tenth: binary, whether the start is ASCII or not
        String controls = "\u0001".repeat(900) + "y".repeat(8192 - 900);
        for (String start : List.of("", "é")) {
            byte[] b = (start + controls).getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> TextDecoder.decode(b, "ctl.txt")).isInstanceOf(BinaryFileException.class)
                    .hasMessageContaining("900 control characters in the first 8192 characters");
        }
        // the same controls after the first 8,192 chars are not looked at
        for (String start : List.of("", "é")) {
            String late = start + "y".repeat(8192) + "\u0001".repeat(900);
            assertThat(TextDecoder.decode(late.getBytes(StandardCharsets.UTF_8), "late.txt").text()).isEqualTo(late);
        }
        // 819 is at most a tenth: text
        String fewer = "\u0001".repeat(819) + "y".repeat(8192 - 819);
        assertThat(TextDecoder.decode(fewer.getBytes(StandardCharsets.UTF_8), "ok.txt").text()).isEqualTo(fewer);
    }

    @Test
    void aStrayControlCharacterInLongTextIsFine() {
        String text = "Title\n\n" + "word ".repeat(100) + "\u001B" + "\f\tend\n";
        DecodedText d = TextDecoder.decode(text.getBytes(StandardCharsets.UTF_8), "ok.txt");
        assertThat(d.text()).isEqualTo(text);
    }

    @Test
    void aSingleNulAfterTheFirst8KiBDoesNotMakeTextBinary() {
        String text = "a".repeat(9000) + "\u0000" + "b";
        DecodedText d = TextDecoder.decode(text.getBytes(StandardCharsets.UTF_8), "late.txt");
        assertThat(d.text()).hasSize(9002);
    }

    @Test
    void utf16WithoutBomIsReportedAsBinaryWithAHint() {
        byte[] b = "Title\nBody\n".getBytes(StandardCharsets.UTF_16LE);
        assertThatThrownBy(() -> TextDecoder.decode(b, "nobom.txt"))
                .isInstanceOf(BinaryFileException.class)
                .hasMessageContaining("nobom.txt")
                .hasMessageContaining("byte order mark");
    }

    @Test
    void emptyInputIsEmptyText() {
        DecodedText d = TextDecoder.decode(new byte[0], "empty.txt");
        assertThat(d.text()).isEmpty();
        assertThat(d.charset()).isEqualTo("UTF-8");
        assertThat(d.warnings()).isEmpty();
    }

    @Test
    void aReplacementCharWrittenInTheFileIsText() {
        DecodedText d = TextDecoder.decode("Talks \uFFFD resumed.".getBytes(StandardCharsets.UTF_8), "x.txt");
        assertThat(d.text()).isEqualTo("Talks \uFFFD resumed.");
        assertThat(d.charset()).isEqualTo("UTF-8");
        assertThat(d.warnings()).isEmpty();
    }

    /** Valid text, stray bytes, cut and overlong sequences, encoded surrogates: strict UTF-8 decides each time. */
    @Test
    void randomBytesAreDecodedAsStrictUtf8DecidesOrAsWindows1252() throws Exception {
        byte[][] pieces = {"Iran ".getBytes(StandardCharsets.UTF_8), "café ".getBytes(StandardCharsets.UTF_8),
            "\u2019s ".getBytes(StandardCharsets.UTF_8), "\uD83D\uDE00".getBytes(StandardCharsets.UTF_8),
            "\uFFFD".getBytes(StandardCharsets.UTF_8), bytes(0xE9), bytes(0xE2, 0x80), bytes(0xC0, 0xAF),
            bytes(0xED, 0xA0, 0x80), bytes(0xF4, 0x90, 0x80, 0x80), bytes(0x92), "\n".getBytes(StandardCharsets.UTF_8)};
        Random random = new Random(1252);
        for (int n = 0; n < 3000; n++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0, k = 1 + random.nextInt(12); i < k; i++) {
                out.write(pieces[random.nextInt(pieces.length)]);
            }
            byte[] b = out.toByteArray();
            String strict;
            try {
                strict = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(b)).toString();
            } catch (CharacterCodingException e) {
                strict = null;
            }
            DecodedText d = TextDecoder.decode(b, "x.txt");
            if (strict != null) {
                assertThat(d.charset()).isEqualTo("UTF-8");
                assertThat(d.text()).isEqualTo(strict);
                assertThat(d.warnings()).isEmpty();
            } else {
                assertThat(d.charset()).isEqualTo("windows-1252");
                assertThat(d.text()).isEqualTo(TextDecoder.windows1252(b, 0, b.length));
            }
        }
    }
}
