package io.watchfloor.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.activation.DataHandler;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Date;
import java.util.Map;

/** Builds a multipart message (plain text and HTML, inline images) with a stable Message-ID. */
public final class MessageBuilder {
    private final Session session;
    private final InternetAddress from;

    public MessageBuilder(Session session, String from) {
        this.session = session;
        try {
            this.from = new InternetAddress(from, true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("not an email address: " + from, e);
        }
    }

    public MimeMessage build(String to, String messageId, Rendered r, Map<String, String> headers)
            throws MessagingException {
        MimeMessage m = new StableIdMessage(session, messageId);
        m.setFrom(from);
        m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to, true));
        m.setSubject(r.subject(), "UTF-8");
        m.setSentDate(new Date());
        for (Map.Entry<String, String> h : headers.entrySet()) {
            m.setHeader(h.getKey(), folded(h.getKey(), h.getValue()));
        }
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(r.text(), "UTF-8", "plain");
        alternative.addBodyPart(text);
        MimeBodyPart html = new MimeBodyPart();
        if (r.images().isEmpty()) {
            html.setText(r.html(), "UTF-8", "html");
        } else {
            MimeMultipart related = new MimeMultipart("related");
            MimeBodyPart page = new MimeBodyPart();
            page.setText(r.html(), "UTF-8", "html");
            related.addBodyPart(page);
            for (Map.Entry<String, byte[]> img : r.images().entrySet()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(img.getValue(), "image/png")));
                part.setContentID("<" + img.getKey() + ">");
                part.setDisposition(MimeBodyPart.INLINE);
                part.setFileName(img.getKey());
                related.addBodyPart(part);
            }
            html.setContent(related);
        }
        alternative.addBodyPart(html);
        m.setContent(alternative);
        m.saveChanges();
        return m;
    }

    /**
     * A header value whole, however long: control characters become spaces, and a line longer than RFC 5322's 78
     * characters is folded at its spaces (a reader unfolds it back to the same words).
     */
    static String folded(String name, String value) {
        return MimeUtility.fold(name.length() + 2, MessageRenderer.flat(value));
    }

    /** The bytes a message is sent as, frozen in the outbox. */
    public static byte[] bytes(MimeMessage m) throws MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            m.writeTo(out);
        } catch (IOException e) {
            throw new MessagingException("cannot write message: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** A frozen message, to send again exactly as it was first written. */
    public MimeMessage frozen(byte[] content) throws MessagingException {
        return new FrozenMessage(session, content);
    }

    /** A message whose Message-ID survives saveChanges(): a repeat after a crash is recognisable. */
    private static final class StableIdMessage extends MimeMessage {
        private final String id;

        StableIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
