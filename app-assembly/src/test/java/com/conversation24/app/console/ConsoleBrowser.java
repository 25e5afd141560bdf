package com.conversation24.app.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven by Debian's chromedriver (never Selenium Manager: these machines have
 * no web), with the browser in Europe/Amsterdam, downloads into a folder of the test's, and the
 * console log kept so that tests can check no Content-Security-Policy violation happened.
 */
final class ConsoleBrowser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final String BROWSER_ZONE = "Europe/Amsterdam";
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  final ChromeDriver driver;
  final Path downloads;
  private final String base;

  /** Why the browser tests cannot run here, if they cannot. */
  static Optional<String> unavailable() {
    if (!Files.isExecutable(CHROMIUM)) {
      return Optional.of(CHROMIUM + " is missing (apt-get install chromium chromium-driver; .ci/run does)");
    }
    if (!Files.isExecutable(CHROMEDRIVER)) {
      return Optional.of(CHROMEDRIVER + " is missing (apt-get install chromium-driver; .ci/run does)");
    }
    return Optional.empty();
  }

  ConsoleBrowser(String base) {
    this.base = base.endsWith("/") ? base : base + "/";
    try {
      Path root = Files.createDirectories(Path.of("target", "browser"));
      this.downloads = Files.createTempDirectory(root, "downloads");
      Path profile = Files.createTempDirectory(root, "profile");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toString());
      options.addArguments(
          "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage", "--window-size=1440,1000", "--lang=en-US",
          "--user-data-dir=" + profile.toAbsolutePath());
      options.setExperimentalOption(
          "prefs",
          Map.of(
              "download.default_directory", downloads.toAbsolutePath().toString(),
              "download.prompt_for_download", false,
              "download.directory_upgrade", true));
      options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(CHROMEDRIVER.toFile())
              .usingAnyFreePort()
              .withEnvironment(Map.of("TZ", BROWSER_ZONE))
              .build();
      this.driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
      driver.executeCdpCommand(
          "Browser.setDownloadBehavior",
          Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void open(String path) {
    driver.get(base + (path.startsWith("/") ? path.substring(1) : path));
    waitForAjax();
  }

  void signIn(String username, String password) {
    driver.manage().deleteAllCookies();
    open("login.xhtml");
    driver.findElement(By.id("j_username")).sendKeys(username);
    driver.findElement(By.id("j_password")).sendKeys(password);
    driver.findElement(By.id("signin-submit")).click();
    waitUntil(d -> !d.findElements(By.id("caller")).isEmpty());
    waitForAjax();
  }

  WebElement byId(String id) {
    return driver.findElement(By.id(id));
  }

  WebElement css(String selector) {
    return driver.findElement(By.cssSelector(selector));
  }

  List<WebElement> all(String selector) {
    return driver.findElements(By.cssSelector(selector));
  }

  void click(WebElement element) {
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(element));
    element.click();
    waitForAjax();
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** Picks a PrimeFaces selectOneMenu item by its label. */
  void selectOne(String menuId, String label) {
    click(byId(menuId));
    WebElement item =
        new WebDriverWait(driver, Duration.ofSeconds(20))
            .until(
                ExpectedConditions.elementToBeClickable(
                    By.cssSelector(
                        "[id='" + menuId + "_panel'] li.ui-selectonemenu-item[data-label='" + label + "']")));
    item.click();
    waitForAjax();
  }

  void waitForAjax() {
    waitUntil(
        d ->
            Boolean.TRUE.equals(
                ((JavascriptExecutor) d)
                    .executeScript(
                        "return document.readyState === 'complete'"
                            + " && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty())"
                            + " && (!window.jQuery || jQuery.active === 0);")));
  }

  <T> T waitUntil(java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(60)).until(condition::apply);
  }

  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Console messages that report a Content-Security-Policy violation since the last call. */
  List<String> cspViolations() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
        .collect(Collectors.toList());
  }

  @Override
  public void close() {
    driver.quit();
  }
}
