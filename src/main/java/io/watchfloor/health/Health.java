package io.watchfloor.health;

import java.util.List;

/** ok, or degraded with the reasons an operator should look at. */
public record Health(String status, List<String> reasons) {
    public Health {
        reasons = List.copyOf(reasons);
    }

    public boolean ok() {
        return reasons.isEmpty();
    }
}
