package io.watchfloor.model;

import java.util.List;

/** The signal types of the contract, with their category, direction and CAMEO roots. */
public enum SignalType {
    STRIKE(Category.ESCALATION, true, List.of("190", "194", "195")),
    CLASH(Category.ESCALATION, false, List.of("193", "190")),
    ATTACK(Category.ESCALATION, true, List.of("18")),
    THREAT(Category.ESCALATION, true, List.of("13", "138")),
    MOBILIZATION(Category.ESCALATION, true, List.of("15")),
    DIPLOMATIC_DOWNGRADE(Category.ESCALATION, true, List.of("16")),
    PROTEST(Category.ESCALATION, true, List.of("11")),
    VISIT(Category.DEESCALATION, true, List.of("042", "043")),
    TALKS(Category.DEESCALATION, false, List.of("040", "046")),
    PLEDGE(Category.DEESCALATION, true, List.of("03")),
    CEASEFIRE(Category.DEESCALATION, false, List.of("0871")),
    RESTORE_RELATIONS(Category.DEESCALATION, false, List.of("05")),
    RELEASE(Category.DEESCALATION, true, List.of("0841")),
    AGREEMENT(Category.DEESCALATION, false, List.of("057"));

    private final Category category;
    private final boolean directed;
    private final List<String> cameo;

    SignalType(Category category, boolean directed, List<String> cameo) {
        this.category = category;
        this.directed = directed;
        this.cameo = cameo;
    }

    public Category category() { return category; }

    /** Undirected types report actor and target in alphabetical order. */
    public boolean directed() { return directed; }

    public List<String> cameo() { return cameo; }

    public boolean escalation() { return category == Category.ESCALATION; }

    /** Every type's name, in declaration order. */
    public static List<String> names() {
        return java.util.Arrays.stream(values()).map(Enum::name).toList();
    }
}
