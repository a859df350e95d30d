package io.watchfloor.extract;

import java.util.List;
import java.util.Objects;

/**
 * A form that names more than one thing and must not be resolved to a country on its own
 * ("Punjab", "Congo"). With no candidates it names no country at all but contains a country
 * form ("Indian Ocean", "South China Sea"): listing it lets a longest-match extractor skip it.
 *
 * <p>When its entry says what it is ({@code kind}), an extractor resolves it per article: to the
 * one candidate the article also names by an unambiguous form ("Kinshasa", "DRC" make "Congo"
 * the DR Congo), else to {@code fallback} when the article names none of the candidates
 * otherwise, else not at all. Without a kind it is never resolved.
 *
 * @param form       the form as written in text
 * @param candidates codes it could mean; may be empty
 * @param kind       what the form is once resolved (a name, an adjective, a place ...); null: never resolved
 * @param fallback   the candidate meant when the article gives no clue; null when there is no such usage
 */
public record AmbiguousForm(String form, List<String> candidates, FormKind kind, String fallback) {
    public AmbiguousForm {
        if (fallback != null && kind == null) {
            throw new IllegalArgumentException("'" + form + "' has a default but no kind");
        }
        Objects.requireNonNull(form, "form");
        candidates = List.copyOf(candidates);
        if (fallback != null && !candidates.contains(fallback)) {
            throw new IllegalArgumentException("fallback " + fallback + " is not a candidate of '" + form + "'");
        }
    }

    public AmbiguousForm(String form, List<String> candidates) {
        this(form, candidates, null, null);
    }
}
