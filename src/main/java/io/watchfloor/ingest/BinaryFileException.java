package io.watchfloor.ingest;

/** Thrown by {@link TextDecoder} when a file's content looks binary rather than text. */
public class BinaryFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String name;

    public BinaryFileException(String name, String reason) {
        super(name + ": looks like a binary file, not text (" + reason + ")");
        this.name = name;
    }

    /** The name of the file, as given to {@link TextDecoder#decode}. */
    public String name() {
        return name;
    }
}
