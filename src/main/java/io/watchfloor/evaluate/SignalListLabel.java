package io.watchfloor.evaluate;

import io.watchfloor.model.Signal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's labels of one article (src/test/resources/corpus/labels-*.yaml): exactly the signals a careful
 * analyst would list. A signal matches a label on type, actor, target, eventDate and planned.
 *
 * @param file    the article's path relative to the evaluated folder ("001_india_pakistan_balakot.txt")
 * @param trap    a trap article: it must yield no escalation signal at all
 * @param note    what the article tests
 * @param signals exactly the signals a careful analyst would list
 * @param source  the labels file and entry, for messages
 */
public record SignalListLabel(String file, boolean trap, String note, List<ExpectedSignal> signals, String source)
        implements ArticleLabel {
    public SignalListLabel {
        signals = List.copyOf(signals);
    }

    @Override
    public String key() {
        return file;
    }

    @Override
    public Naming naming() {
        return Naming.PATH;
    }

    @Override
    public Judgement judge(List<Signal> got) {
        Map<ExpectedSignal.Key, Signal> extracted = new LinkedHashMap<>();
        for (Signal s : got) {
            extracted.putIfAbsent(ExpectedSignal.keyOf(s), s);
        }
        Map<ExpectedSignal.Key, ExpectedSignal> expected = new LinkedHashMap<>();
        for (ExpectedSignal e : signals) {
            expected.putIfAbsent(e.key(), e);
        }
        List<String> hits = new ArrayList<>();
        List<Finding> misses = new ArrayList<>();
        List<Finding> falseAlarms = new ArrayList<>();
        List<Finding> wrongEvidence = new ArrayList<>();
        for (Map.Entry<ExpectedSignal.Key, ExpectedSignal> e : expected.entrySet()) {
            Signal s = extracted.get(e.getKey());
            String kind = e.getKey().type().name();
            if (s == null) {
                misses.add(new Finding(file, kind, e.getKey().toString(), null, trap));
                continue;
            }
            hits.add(kind);
            String want = e.getValue().evidence();
            if (want != null && !s.evidence().contains(want)) {
                wrongEvidence.add(new Finding(file, kind, e.getKey().toString(), s.evidence(), trap));
            }
        }
        for (Map.Entry<ExpectedSignal.Key, Signal> e : extracted.entrySet()) {
            if (!expected.containsKey(e.getKey())) {
                falseAlarms.add(new Finding(file, e.getKey().type().name(), e.getKey().toString(),
                        e.getValue().evidence(), trap));
            }
        }
        return new Judgement(hits, misses, falseAlarms, wrongEvidence);
    }
}
