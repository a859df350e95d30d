package io.watchfloor.bench;

import io.watchfloor.ingest.ArticleMeta;
import io.watchfloor.ingest.ArticleParser;
import io.watchfloor.ingest.ParseResult;
import io.watchfloor.ingest.TextDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing alone: one decoded article text to an Article (title, date lines, furniture, paragraphs) per operation,
 * cycling through the input set. Reading the file and decoding its bytes are done once, in the setup.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class ParseBench {
    private static final LocalDate FALLBACK = LocalDate.of(2024, 1, 1);

    @Param({Inputs.CORPUS, Inputs.GENERATED})
    public String input;

    private final ArticleParser parser = new ArticleParser();
    private String[] ids;
    private String[] texts;
    private int next;

    @Setup
    public void setup() throws IOException {
        List<Path> files = Inputs.files(input);
        ids = new String[files.size()];
        texts = new String[files.size()];
        for (int k = 0; k < files.size(); k++) {
            ids[k] = files.get(k).getFileName().toString();
            texts[k] = TextDecoder.decode(Files.readAllBytes(files.get(k)), ids[k]).text();
            if (parser.parse(ids[k], texts[k], FALLBACK, ArticleMeta.NONE).article().isEmpty()) {
                throw new IllegalStateException(files.get(k) + ": not an article");
            }
        }
        Map<String, Object> stats = Inputs.stats();
        stats.put("articles", files.size());
        stats.put("bytes", Inputs.bytes(files));
        Inputs.writeStats("parse-" + input, stats);
    }

    @Benchmark
    public ParseResult parse() {
        int k = next;
        next = k + 1 == ids.length ? 0 : k + 1;
        return parser.parse(ids[k], texts[k], FALLBACK, ArticleMeta.NONE);
    }
}
