package io.watchfloor.extract;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A person who served a state, with the names news gives them and the times they served.
 *
 * @param names      full names ("Vladimir Putin"), the first one shown
 * @param shorts     names used alone: the surname, or the family name in Chinese and Korean names ("Putin", "Xi")
 * @param introduced the short forms that stand for the person only once the article has named them in full or with
 *                   a title: they are also common words ("Bush", "May")
 * @param terms      when and what they served
 * @param source     where the entry comes from ("people.tsv:12")
 */
public record Person(List<String> names, List<String> shorts, Set<String> introduced, List<Term> terms,
                     String source) {
    public Person {
        names = List.copyOf(names);
        shorts = List.copyOf(shorts);
        introduced = Set.copyOf(introduced);
        terms = List.copyOf(terms);
        Objects.requireNonNull(source, "source");
        if (names.isEmpty()) {
            throw new IllegalArgumentException(source + ": a person needs a name");
        }
    }

    public String name() {
        return names.get(0);
    }

    /** The terms that cover {@code date}. */
    public List<Term> termsOn(LocalDate date) {
        return terms.stream().filter(t -> t.covers(date)).toList();
    }
}
