package io.watchfloor.extract;

import io.watchfloor.model.SignalType;
import java.util.List;

/**
 * What one trigger tells: the type it is signalled as, whether it is announced rather than done, and the parties.
 *
 * @param type    the signal type (a strike said to come is a THREAT)
 * @param planned announced or planned, not yet done
 * @param parties one or more pairs (a list of parties gives every pair)
 */
record Reading(SignalType type, boolean planned, List<Party> parties) {
    Reading {
        parties = List.copyOf(parties);
    }
}
