package io.watchfloor.ingest.feed;

import java.io.IOException;

/** Every address of a host is one that feeds may not reach. */
final class AddressRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    AddressRefusedException(String message) {
        super(message);
    }
}
