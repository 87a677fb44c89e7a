package io.sincro.web.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver), one for a whole test class:
 * register it as a static extension. Without chromium the tests skip, unless
 * SINCRO_BROWSER_REQUIRED is set (as CI sets it), when they fail saying what to install.
 * {@link #screenshot} saves the page under the module's target/screenshots/ for review.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, AfterTestExecutionCallback {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private ChromeDriver driver;
    private String testClass;

    @Override
    public void beforeAll(ExtensionContext context) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!installed) {
            String missing = "Debian's chromium and chromium-driver (" + CHROMIUM + ", " + DRIVER + ") are not installed;"
                    + " apt-get install chromium chromium-driver";
            if (System.getenv("SINCRO_BROWSER_REQUIRED") != null) {
                throw new IllegalStateException(missing + " (SINCRO_BROWSER_REQUIRED is set)");
            }
            Assumptions.abort(missing);
        }
        testClass = context.getRequiredTestClass().getSimpleName();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // CI runs as root, where Chromium's sandbox cannot start
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
        }
    }

    /** A test that failed leaves the page it failed on, as a screenshot and as HTML, beside the others. */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (driver != null && context.getExecutionException().isPresent()) {
            String name = "failed-" + context.getRequiredTestMethod().getName();
            Path html = screenshot(name).resolveSibling(testClass + "-" + name + ".html");
            try {
                Files.writeString(html, driver.getPageSource());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot save the page " + html, e);
            }
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Waits (up to 10 s) for what the page does after a click: a sync, an htmx swap. */
    public WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    /** Clicks what {@code button} finds and waits until the page it leads to replaced this one. */
    public void clickThrough(By button) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(button).click();
        // gone: Chromium says so as a stale element or, when the new page came fast, as a node of another document
        waiting().until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
    }

    /** Waits up to {@code most} for what takes longer: a sync through the mailbox. */
    public WebDriverWait waiting(Duration most) {
        return new WebDriverWait(driver, most);
    }

    /** Opens {@code path} (such as "/orders") on the server {@code startAddress} belongs to. */
    public void open(URI startAddress, String path) {
        driver.get(startAddress.resolve(path).toString());
    }

    /** Saves the page as it is now to target/screenshots/CLASS-NAME.png. */
    public Path screenshot(String name) {
        Path file = Path.of("target", "screenshots", testClass + "-" + name + ".png");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the screenshot " + file, e);
        }
        return file;
    }
}
