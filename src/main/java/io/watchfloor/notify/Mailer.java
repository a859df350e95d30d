package io.watchfloor.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Hands a finished message to its transport. Returns normally only once the message is accepted. */
public interface Mailer {
    void send(MimeMessage message) throws MessagingException;

    /** Where messages go, for logs and status ("smtp://mail.example.org:587", "files in var/outbox"). */
    String describe();
}
