package io.watchfloor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The rule examples in README.md compile exactly as shown: an admin copies them into a file and expects that. */
class ReadmeRuleExamplesTest {
    private static final Pattern BLOCK = Pattern.compile("(?ms)^```(drl|dslr)\\n(.*?)^```");

    private static List<String[]> examples() throws Exception {
        Matcher m = BLOCK.matcher(Files.readString(Path.of("README.md")));
        List<String[]> out = new ArrayList<>();
        while (m.find()) {
            out.add(new String[] {m.group(1), m.group(2)});
        }
        return out;
    }

    @Test
    void everyDrlAndDslrExampleCompilesAsShown() throws Exception {
        List<String[]> examples = examples();
        assertThat(examples).extracting(e -> e[0]).contains("drl", "dslr");
        String phrases = Files.readString(Path.of("rules/watchfloor.dsl"));
        for (String[] e : examples) {
            Map<String, String> sources = new LinkedHashMap<>();
            sources.put("README-example." + e[0], e[1]);
            if (e[0].equals("dslr")) {
                sources.put("rules/watchfloor.dsl", phrases);
            }
            CompileResult r = new RuleCompiler().compile(sources);
            assertThat(r.errors()).as("README %s example:%n%s", e[0], e[1]).isEmpty();
            assertThat(r.rules().orElseThrow().ruleNames()).as(e[1]).isNotEmpty();
        }
    }
}
