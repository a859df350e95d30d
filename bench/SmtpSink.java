import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

/**
 * A local SMTP server for bench/latency.sh: GreenMail on 127.0.0.1:PORT, printing one line per message as it is
 * accepted: "received EPOCH_MILLIS SUBJECT". Runs until killed.
 * usage: java -cp GREENMAIL_CLASSPATH bench/SmtpSink.java PORT
 */
public class SmtpSink {
    public static void main(String[] args) throws Exception {
        GreenMail mail = new GreenMail(new ServerSetup(Integer.parseInt(args[0]), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
        mail.start();
        System.out.println("listening " + args[0]);
        System.out.flush();
        int seen = 0;
        while (true) {
            // Woken by each accepted message (GreenMail notifies its waiters), not by polling at an interval.
            mail.waitForIncomingEmail(60_000, seen + 1);
            long now = System.currentTimeMillis();
            MimeMessage[] all = mail.getReceivedMessages();
            for (int i = seen; i < all.length; i++) {
                System.out.println("received " + now + " " + all[i].getSubject());
            }
            System.out.flush();
            seen = all.length;
        }
    }
}
