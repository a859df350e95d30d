package io.watchfloor.cli;

/** Bad usage found after parsing (a missing input, say): exit 2 with this one line. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
