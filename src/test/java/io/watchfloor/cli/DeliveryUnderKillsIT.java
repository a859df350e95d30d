package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every alert reaches its officers exactly once while the daemon is killed with SIGKILL over and over: a few hundred
 * alerts from generated articles, six kills (two of them the instant the SMTP server has taken a message, before the
 * daemon could record it), a restart after each. A repeat of a message under its own Message-ID is allowed (and
 * counted); an alert under two Message-IDs, or none, is not. The longer soak is {@code bench/soak.sh}.
 */
class DeliveryUnderKillsIT {
    @Test
    void everyAlertOnRecordReachesEachOfItsRecipientsOnceThroughSixKills(@TempDir Path dir) throws Exception {
        KillLoop.Verdict v = KillLoop.run(dir, new KillLoop.Settings(40, 6, 12, "0s", 120));
        System.out.println(v.summary());
        assertThat(v.alerts()).as("a few hundred alerts").isGreaterThan(250);
        assertThat(v.problems()).as(v.summary()).isEmpty();
        assertThat(v.lost()).isZero();
        assertThat(v.sentTwice()).isZero();
        assertThat(v.acceptanceKills()).as("kills between the server's acceptance and the daemon's record")
                .isPositive();
    }
}
