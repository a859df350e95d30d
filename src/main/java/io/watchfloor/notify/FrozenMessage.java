package io.watchfloor.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;

/**
 * A message as the outbox froze it, sent byte for byte on every try: its Message-ID, date and content are those it
 * was given when first rendered. Saving changes (every transport does it first) would give it a new Message-ID.
 */
final class FrozenMessage extends MimeMessage {
    FrozenMessage(Session session, byte[] content) throws MessagingException {
        super(session, new ByteArrayInputStream(content));
    }

    @Override
    public void saveChanges() {
        // Saved once, when it was frozen.
    }
}
