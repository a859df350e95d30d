package io.watchfloor.alert;

import io.watchfloor.config.EmailConfig;
import io.watchfloor.config.EmailConfig.Recipient;
import io.watchfloor.model.Alert;
import io.watchfloor.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Who receives an alert: every recipient whose follows match (pairs, countries, regions; severity at or above their
 * minimum; their categories), and the default recipient when nobody else does, as Alertmanager's root route.
 */
public final class Router {
    private final List<Recipient> recipients;
    private final String defaultRecipient;
    private final Regions regions;

    public Router(EmailConfig email, Regions regions) {
        this.recipients = email.recipients();
        this.defaultRecipient = email.defaultRecipient();
        this.regions = regions;
    }

    /** Addresses in configuration order, each once. */
    public List<String> recipients(Alert a) {
        Set<String> out = new LinkedHashSet<>();
        for (Recipient r : recipients) {
            if (follows(r, a)) {
                out.add(r.address());
            }
        }
        if (out.isEmpty() && !defaultRecipient.isBlank()) {
            out.add(defaultRecipient);
        }
        return new ArrayList<>(out);
    }

    boolean follows(Recipient r, Alert a) {
        if (a.severity().compareTo(Severity.valueOf(r.minSeverity().toUpperCase(Locale.ROOT))) < 0) {
            return false;
        }
        if (!r.categories().isEmpty()
                && r.categories().stream().noneMatch(c -> c.equalsIgnoreCase(a.category().name()))) {
            return false;
        }
        if (r.pairs().isEmpty() && r.countries().isEmpty() && r.regions().isEmpty()) {
            return true;
        }
        for (String pair : r.pairs()) {
            String[] p = pair.toUpperCase(Locale.ROOT).split("-");
            if (a.actors().size() == 2 && a.actors().containsAll(List.of(p[0], p[1]))) {
                return true;
            }
        }
        for (String c : r.countries()) {
            if (a.actors().contains(c.toUpperCase(Locale.ROOT))) {
                return true;
            }
        }
        for (String region : r.regions()) {
            Set<String> members = regions.countries(region).orElse(Set.of());
            if (a.actors().stream().anyMatch(members::contains)) {
                return true;
            }
        }
        return false;
    }
}
