package io.watchfloor.ruletest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;

/**
 * One rule test file ({@code rules/tests/*.yaml}): input articles and/or signals, the alerts that must follow and
 * the ones that must not.
 */
public record RuleTestCase(String name, List<ArticleInput> articles, List<SignalInput> signals,
                           List<AlertExpectation> expect, List<AlertExpectation> absent) {
    public RuleTestCase {
        articles = articles == null ? List.of() : List.copyOf(articles);
        signals = signals == null ? List.of() : List.copyOf(signals);
        expect = expect == null ? List.of() : List.copyOf(expect);
        absent = absent == null ? List.of() : List.copyOf(absent);
    }

    /** An article from a file (relative to the test file) or written inline; the first line is the title. */
    public record ArticleInput(String file, String text, LocalDate published, String source) { }

    /** A signal given directly, to test rules without depending on extraction. */
    public record SignalInput(String type, String actor, String target, LocalDate eventDate, Boolean planned,
                              LocalDate published, String source, String evidence) { }

    /** Fields an alert must have; the ones left out are not compared. */
    public record AlertExpectation(String rule, String type, String category, String severity, List<String> actors,
                                   LocalDate eventDate, Integer sources,
                                   @JsonProperty("titleContains") String titleContains) { }
}
