package io.watchfloor.alert;

/** A rule raised an alert with a value that is not allowed; the message names the rule. */
public class InvalidAlertException extends RuntimeException {
    public InvalidAlertException(String message) {
        super(message);
    }
}
