package io.watchfloor.notify;

import io.watchfloor.model.Sha256;
import io.watchfloor.store.OutboxStore;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emails notices for admins (a rule change refused, with each problem at its file and line) to {@code email.admins},
 * through the outbox like any message, so an outage delays them and loses none. The same notice (same title and
 * problems) is sent once: a broken file saved ten times, or re-read at every restart, makes one email.
 */
public final class AdminMail {
    private static final Logger LOG = LoggerFactory.getLogger(AdminMail.class);

    private final List<String> admins;
    private final OutboxStore outbox;
    private final MessageRenderer renderer;
    private final MessageBuilder builder;
    private final Clock clock;

    public AdminMail(List<String> admins, OutboxStore outbox, MessageRenderer renderer, MessageBuilder builder,
                     Clock clock) {
        this.admins = List.copyOf(admins);
        this.outbox = outbox;
        this.renderer = renderer;
        this.builder = builder;
        this.clock = clock;
    }

    /**
     * Queues the notice for every admin who has not had it yet.
     *
     * @return how many messages were queued
     */
    public int queue(AdminNotice notice) {
        String key = "notice-" + digest(notice);
        int n = 0;
        for (String admin : admins) {
            Map<String, Object> model = new HashMap<>();
            model.put("title", notice.title());
            model.put("details", notice.details());
            model.put("severity", notice.severity());
            model.put("at", notice.at().toString());
            model.put("recipient", admin);
            Rendered r = renderer.render("admin", model, Map.of());
            String id = OutboxStore.newMessageId(OutboxStore.ADMIN, "notice");
            try {
                byte[] content = MessageBuilder.bytes(builder.build(admin, id, r, Map.of()));
                if (outbox.enqueueRendered(OutboxStore.ADMIN, admin, key, id, content, r.subject(),
                        clock.instant())) {
                    n++;
                }
            } catch (MessagingException | RuntimeException e) {
                LOG.error("cannot queue the notice '{}' for admin {}: {}", notice.title(), admin, e.getMessage());
            }
        }
        return n;
    }

    /** What makes two notices the same: their title and problems, not when they were seen. */
    static String digest(AdminNotice notice) {
        StringBuilder text = new StringBuilder(notice.title());
        for (String d : notice.details()) {
            text.append('\n').append(d);
        }
        return Sha256.hex(text.toString()).substring(0, 32);
    }
}
