package io.quarkiverse.alioss.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A person's path through the demo page in a real browser: pick a PNG, the page gets a signed PostObject form, posts
 * the file straight to the emulator, and shows what the callback method returned. The screenshot stays in
 * {@code target/browser-upload.png}.
 */
@QuarkusTest
class BrowserUploadTest {

    private static final Path TARGET = Path.of("target");
    private static final Path SCREENSHOT = TARGET.resolve("browser-upload.png");
    private static final int WIDTH = 123;
    private static final int HEIGHT = 45;

    @TestHTTPResource("/")
    URL page;

    private ChromeDriver browser;

    @BeforeEach
    void startBrowser() {
        String missing = "The browser test needs Debian's chromium and chromium-driver: apt-get install chromium chromium-driver";
        if (System.getenv("CI") != null) {
            // .ci/run installs the browser, so in CI a missing one is a broken setup, not a reason to skip
            Assertions.assertTrue(HeadlessChromium.installed(), missing);
        } else {
            Assumptions.assumeTrue(HeadlessChromium.installed(), missing);
        }
        browser = HeadlessChromium.start(TARGET.resolve("chromium"));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void pngUploadedFromThePageShowsItsRealSize() throws Exception {
        Path png = TestImages.pngFile(TARGET.resolve("browser-upload"), "sunset.png", WIDTH, HEIGHT);

        browser.get(page.toString());
        browser.findElement(By.id("file")).sendKeys(png.toAbsolutePath().toString());
        browser.findElement(By.id("upload")).click();

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        try {
            wait.until(ExpectedConditions.or(
                    ExpectedConditions.visibilityOfElementLocated(By.id("result")),
                    ExpectedConditions.visibilityOfElementLocated(By.id("error"))));
        } finally {
            screenshot();
        }
        WebElement error = browser.findElement(By.id("error"));
        assertThat(error.isDisplayed()).as("error shown by the page: %s", error.getText()).isFalse();

        assertThat(text("result-width")).isEqualTo(String.valueOf(WIDTH));
        assertThat(text("result-height")).isEqualTo(String.valueOf(HEIGHT));
        assertThat(text("result-size")).isEqualTo(String.valueOf(Files.size(png)));
        assertThat(text("result-type")).isEqualTo("image/png");
        assertThat(text("result-object")).startsWith("uploads/").endsWith("-sunset.png");
        assertThat(text("result-source")).isEqualTo("browser");

        // the listing on the same page picks the new object up
        String key = text("result-object");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("objects"), key));
        screenshot();
    }

    @Test
    void emptyFileRefusedByOssShowsAReadableMessage() throws Exception {
        // the form's policy allows 1 byte and more, so OSS itself refuses the upload
        Path empty = Files.createDirectories(TARGET.resolve("browser-upload")).resolve("empty.txt");
        Files.write(empty, new byte[0]);

        browser.get(page.toString());
        browser.findElement(By.id("file")).sendKeys(empty.toAbsolutePath().toString());
        browser.findElement(By.id("upload")).click();

        WebElement error = new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertThat(error.getText()).startsWith("The upload to OSS failed: ").contains("EntityTooSmall")
                .doesNotContain("<Error>").doesNotContain("Exception");
        assertThat(browser.findElement(By.id("result")).isDisplayed()).isFalse();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void screenshot() throws Exception {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
    }
}
