package io.quarkiverse.alioss.deployment.devui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The extension's Dev UI deliveries page in Debian's headless {@code chromium}, read and clicked the way a user would:
 * through the rendered grid and buttons inside the page's shadow roots. No browser or driver is ever downloaded.
 */
final class DeliveriesPage implements AutoCloseable {

    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    /** Finds the page's web component through every shadow root on the way. */
    private static final String PAGE = """
            const find = (root) => {
                const hit = root.querySelector('qwc-alioss-deliveries');
                if (hit) return hit;
                for (const element of root.querySelectorAll('*')) {
                    if (element.shadowRoot) { const deeper = find(element.shadowRoot); if (deeper) return deeper; }
                }
                return null;
            };
            const page = find(document);
            """;

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    static boolean browserInstalled() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    DeliveriesPage(String devUiUrl, Path profiles) throws IOException {
        // Selenium reads this before it would ever ask Selenium Manager for a driver
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.toString());
        Files.createDirectories(profiles);
        ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--window-size=1400,900", "--user-data-dir=" + Files.createTempDirectory(profiles, "profile-"));
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().withTimeout(Duration.ofSeconds(30)).build(), options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(devUiUrl);
        wait.until(ignored -> Boolean.TRUE.equals(script("return page !== null && page.shadowRoot !== null")));
    }

    /** Fills the upload form and presses Upload, as a user would. */
    void upload(String key, String variablesJson) {
        script("page.shadowRoot.getElementById('key').value = arguments[0];"
                + "page.shadowRoot.getElementById('variables').value = arguments[1];"
                + "page.shadowRoot.querySelector('.upload vaadin-button').click();", key, variablesJson);
    }

    /** Presses the Replay button in the grid's first (newest) row. */
    void replayNewest() {
        script(ROWS + "rows()[0].cells.map(cell => cell.querySelector('vaadin-button')).find(button => button).click();");
    }

    /** The text of the message line above the grid. */
    String message() {
        return (String) script("return page.shadowRoot.querySelector('.message').textContent;");
    }

    /** The rendered text of the grid's rows, newest first: one list of cell texts per row. */
    @SuppressWarnings("unchecked")
    List<List<String>> rows() {
        return (List<List<String>>) script(ROWS + "return rows().map(row => row.texts);");
    }

    /** Waits until the rendered rows satisfy the condition, and returns them. */
    List<List<String>> waitForRows(Predicate<List<List<String>>> condition) {
        wait.until(ignored -> condition.test(rows()));
        return rows();
    }

    void waitForMessage(Predicate<String> condition) {
        wait.until(ignored -> condition.test(message()));
    }

    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }

    /**
     * The grid's visible rows in item order; Vaadin's grid renders each cell's content as a light-DOM element that the
     * row's cell shows through a named slot.
     */
    private static final String ROWS = """
            const rows = () => {
                const grid = page.shadowRoot.querySelector('vaadin-grid');
                return [...grid.shadowRoot.querySelectorAll('tbody tr')]
                    .filter(row => !row.hidden && row.index !== undefined && row._item)
                    .sort((a, b) => a.index - b.index)
                    .map(row => {
                        const cells = [...row.querySelectorAll('td:not([part~="details-cell"])')]
                            .map(td => td.querySelector('slot').assignedElements()[0])
                            .filter(cell => cell);
                        return { cells: cells, texts: cells.map(cell => cell.textContent.trim()) };
                    });
            };
            """;

    private Object script(String body, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(PAGE + body, arguments);
    }
}
