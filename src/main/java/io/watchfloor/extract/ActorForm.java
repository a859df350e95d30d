package io.watchfloor.extract;

import java.util.Objects;

/**
 * One surface form that names a country, as written in the catalog (matched case-sensitively).
 *
 * @param text the form as it appears in text ("the Kremlin")
 * @param code ISO 3166-1 alpha-3 code of the country it stands for
 * @param kind which list of the country it came from
 */
public record ActorForm(String text, String code, FormKind kind) {
    public ActorForm {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
    }
}
