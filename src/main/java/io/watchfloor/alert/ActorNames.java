package io.watchfloor.alert;

/** Country names for titles: "Iran", "Iranian". */
public interface ActorNames {
    String name(String code);

    String adjective(String code);
}
