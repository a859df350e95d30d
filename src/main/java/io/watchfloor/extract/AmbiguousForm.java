package io.watchfloor.extract;

import java.util.List;
import java.util.Objects;

/**
 * A form that names more than one thing and must not be resolved to a country on its own
 * ("Punjab", "Congo"). With no candidates it names no country at all but contains a country
 * form ("Indian Ocean", "South China Sea"): listing it lets a longest-match extractor skip it.
 *
 * @param form       the form as written in text
 * @param candidates codes it could mean; may be empty
 */
public record AmbiguousForm(String form, List<String> candidates) {
    public AmbiguousForm {
        Objects.requireNonNull(form, "form");
        candidates = List.copyOf(candidates);
    }
}
