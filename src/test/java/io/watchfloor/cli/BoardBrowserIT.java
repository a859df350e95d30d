package io.watchfloor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.watchfloor.TestFiles;
import io.watchfloor.alert.SilenceSet;
import io.watchfloor.board.PasswordHash;
import io.watchfloor.config.ConfigLoader;
import io.watchfloor.config.EmailConfig.Silence;
import io.watchfloor.config.WatchfloorConfig;
import io.watchfloor.model.Severity;
import io.watchfloor.store.AcknowledgementStore;
import io.watchfloor.store.Database;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The situation board in a real browser (Debian's chromium through its chromedriver, both by path, so nothing is
 * downloaded), served by the daemon as a process: the first seed gives the strikes, the tit-for-tat and the visit;
 * the open board redraws itself when the second seed corroborates them; the pair page shows the timeline; an officer signs in, acknowledges the tit-for-tat and
 * silences the pair and rule through the pages; the daemon's store and silences file show it. Screenshots go to
 * target/screenshots/.
 */
class BoardBrowserIT {
    private static final Path CHROMIUM = Path.of(System.getProperty("board.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("board.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dir;

    @Test
    void anOfficerSeesThePairAcknowledgesAndSilencesThroughThePages() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER), "browser test skipped: no "
                + CHROMIUM + " or " + DRIVER + " (apt-get install chromium chromium-driver; .ci/run does)");
        Path rules = TestFiles.copy("rules", dir);
        Path inbox = Files.createDirectory(dir.resolve("inbox"));
        Path cfg = dir.resolve("watchfloor.yaml");
        Files.writeString(cfg, "dataDir: " + dir.resolve("var") + "\nrulesDir: " + rules
                + "\nrules:\n  freshnessDays: 3650\nsources:\n  scanInterval: 1s\n  folders: [" + inbox + "]\n"
                + "email:\n  smtp: {host: 127.0.0.1, port: " + Daemons.freeLoopbackPort() + ", security: none}\n"
                + "  groupWait: 0s\n  deliveryInterval: 1s\nhttp:\n  port: 0\n  board:\n    users:\n"
                + "      - {name: duty, passwordHash: '" + PasswordHash.hash("watch floor".toCharArray()) + "'}\n");
        // The seeds are from 2024: a freshness window of ten years makes them news (CRITICAL, not INFO).
        seed("000_89c3de90ed6096f9.txt", inbox);

        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(Daemons.command("run", "--config", cfg.toString()))
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(err.toFile()).start();
        String titForTat;
        WebDriver browser = null;
        try {
            Daemons.waitFor(() -> Files.readString(err).contains("watchfloor started"), p, err);
            Matcher m = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+)/health").matcher(Files.readString(err));
            assertThat(m.find()).isTrue();
            String base = "http://127.0.0.1:" + m.group(1);
            Path alerts = dir.resolve("var/alerts.jsonl");
            Daemons.waitFor(() -> Files.exists(alerts) && Files.readString(alerts).contains("tit-for-tat"), p, err);

            browser = chromium();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            browser.get(base + "/");
            By row = By.id("pair-IRN-PAK");
            wait.until(ExpectedConditions.visibilityOfElementLocated(row));
            assertThat(browser.findElement(row).findElement(By.className("latest-up")).getText())
                    .contains("RETALIATION").contains("2024-01-18").contains("CRITICAL");
            String unacknowledged = browser.findElement(By.cssSelector("#pair-IRN-PAK .unacked")).getText();
            shoot(browser, "board-first-seed");

            // The second seed arrives while the page is open: it redraws itself (more alerts), without a reload.
            ((JavascriptExecutor) browser).executeScript("window.sameDocument = true;");
            Files.copy(Path.of("seeds/002_333d6fb679bd7709.txt.meta.yaml"),
                    inbox.resolve("002_333d6fb679bd7709.txt.meta.yaml"));
            seed("002_333d6fb679bd7709.txt", inbox);
            wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(
                    By.cssSelector("#pair-IRN-PAK .unacked"), unacknowledged)));
            assertThat(((JavascriptExecutor) browser).executeScript("return window.sameDocument === true;"))
                    .isEqualTo(true);
            assertThat(browser.findElement(By.cssSelector("#pair-IRN-PAK .latest-down")).getText())
                    .contains("2024-01-29");
            shoot(browser, "board");

            browser.findElement(By.cssSelector("#pair-IRN-PAK a.pair-link")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("timeline")));
            String timeline = browser.findElement(By.id("timeline")).getText();
            assertThat(timeline).contains("Iranian visit to Pakistan").contains("VISIT, rule deescalation-after")
                    .contains("VISIT IRN → PAK").contains("STRIKE PAK → IRN").contains("rule tit-for-tat")
                    .contains("000_89c3de90ed6096f9.txt").contains("002_333d6fb679bd7709.txt");
            shoot(browser, "pair");

            // Signing in, then the tit-for-tat alert from the board.
            browser.get(base + "/");
            browser.findElement(By.id("login")).click();
            browser.findElement(By.id("login-name")).sendKeys("duty");
            browser.findElement(By.id("login-password")).sendKeys("watch floor");
            browser.findElement(By.id("login-submit")).click();
            wait.until(ExpectedConditions.textToBe(By.id("user"), "duty"));
            browser.findElement(By.cssSelector("#pair-IRN-PAK .latest-up a")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ack-form")));
            assertThat(browser.findElement(By.id("rule")).getText()).isEqualTo("tit-for-tat");
            titForTat = browser.getCurrentUrl().replaceAll(".*/alert/", "").replaceAll("[?#].*", "");
            browser.findElement(By.id("ack-note")).sendKeys("Desk informed; watching the border.");
            browser.findElement(By.id("ack-submit")).click();
            wait.until(ExpectedConditions.textToBe(By.id("notice"), "Acknowledged."));
            assertThat(browser.findElement(By.id("acknowledgement")).getText()).contains("Acknowledged by duty")
                    .contains("Desk informed; watching the border.");
            shoot(browser, "alert-acknowledged");

            browser.findElement(By.id("silence-link")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("silence-form")));
            assertThat(browser.findElement(By.id("silence-pair-field")).getAttribute("value")).isEqualTo("IRN-PAK");
            assertThat(browser.findElement(By.id("silence-rule-field")).getAttribute("value"))
                    .isEqualTo("tit-for-tat");
            browser.findElement(By.id("silence-for")).clear();
            browser.findElement(By.id("silence-for")).sendKeys("6h");
            browser.findElement(By.id("silence-comment")).sendKeys("talks under way");
            browser.findElement(By.id("silence-submit")).click();
            wait.until(ExpectedConditions.textToBe(By.id("notice"), "Silence added."));
            assertThat(browser.findElement(By.id("silences")).getText()).contains("active")
                    .contains("pair IRN-PAK rule tit-for-tat").contains("talks under way").contains("duty");
            shoot(browser, "silences");

            browser.get(base + "/");
            wait.until(ExpectedConditions.visibilityOfElementLocated(row));
            assertThat(browser.findElement(By.cssSelector("#pair-IRN-PAK .acks")).getText()).contains("duty");
        } finally {
            if (browser != null) {
                // What the browser last showed, for a failure's post-mortem.
                shoot(browser, "last");
                Files.writeString(SHOTS.resolve("last.html"), browser.getPageSource());
                browser.quit();
            }
            p.destroy();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }

        // The daemon stopped, its store and silences file hold what the officer did.
        WatchfloorConfig config = new ConfigLoader().load(cfg);
        try (Database db = Database.open(config.databaseUrl(), config.database().user(), "")) {
            AcknowledgementStore.Acknowledgement ack = new AcknowledgementStore(db).find(titForTat).orElseThrow();
            assertThat(ack.author()).isEqualTo("duty");
            assertThat(ack.note()).isEqualTo("Desk informed; watching the border.");
            assertThat(ack.severity()).isEqualTo(Severity.CRITICAL);
        }
        List<Silence> silences = SilenceSet.read(config.silencesFile());
        assertThat(silences).singleElement().satisfies(s -> {
            assertThat(s.pair()).isEqualTo("IRN-PAK");
            assertThat(s.rule()).isEqualTo("tit-for-tat");
            assertThat(s.author()).isEqualTo("duty");
            assertThat(s.until()).isAfter(Instant.now().plus(Duration.ofHours(5)));
        });
    }

    private static void seed(String name, Path inbox) throws Exception {
        // Copied beside the folder then moved in, so the daemon never reads half a file.
        Path part = inbox.resolveSibling(name);
        Files.copy(Path.of("seeds", name), part, StandardCopyOption.REPLACE_EXISTING);
        Files.move(part, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static WebDriver chromium() {
        // Both paths given: Selenium Manager has nothing to look up or download.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void shoot(WebDriver browser, String name) throws Exception {
        Files.createDirectories(SHOTS);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
