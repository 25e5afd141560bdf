package com.conversation24.app.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
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
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(50);
  /** Loaded; no AJAX queued or in flight; no CSS-transitioned overlay, no jQuery effect running. */
  private static final String SETTLED =
      "return document.readyState === 'complete'"
          + " && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty())"
          + " && (!window.jQuery || (jQuery.active === 0"
          + "     && (!jQuery.expr.pseudos.animated || jQuery(':animated').length === 0)))"
          + " && !document.querySelector('.ui-connected-overlay-enter, .ui-connected-overlay-enter-active,"
          + "     .ui-connected-overlay-exit, .ui-connected-overlay-exit-active');";
  /** The element lies wholly inside the viewport. */
  private static final String IN_VIEW =
      "var r = arguments[0].getBoundingClientRect();"
          + " return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight"
          + "   && r.right <= window.innerWidth;";

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
    settle();
  }

  void signIn(String username, String password) {
    driver.manage().deleteAllCookies();
    open("login.xhtml");
    type(By.id("j_username"), username);
    type(By.id("j_password"), password);
    click(By.id("signin-submit"));
    waitUntil("the console to greet " + username, d -> !d.findElements(By.id("caller")).isEmpty());
    settle();
  }

  // --- reading: always from a settled page -------------------------------------------------

  WebElement byId(String id) {
    return find(By.id(id));
  }

  WebElement css(String selector) {
    return find(By.cssSelector(selector));
  }

  WebElement find(By by) {
    settle();
    return driver.findElement(by);
  }

  List<WebElement> all(String selector) {
    settle();
    return driver.findElements(By.cssSelector(selector));
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  // --- acting: on a settled page, on an element that can take it, then settle again ---------

  /** Clicks the element found afresh once it is displayed and enabled; waits for what follows. */
  void click(By by) {
    interactable(by).click();
    settle();
  }

  /** Types into the element found afresh once it is displayed and enabled. */
  void type(By by, CharSequence... keys) {
    interactable(by).sendKeys(keys);
    settle();
  }

  /** Empties a text field, as its select-all-and-delete would. */
  void clear(By by) {
    interactable(by).clear();
    settle();
  }

  /**
   * Picks a PrimeFaces selectOneMenu item by its label, as people do: open the menu, click the
   * item once the panel stands still, then wait until the menu shows it and its select (what the
   * form submits) holds it.
   */
  void selectOne(String menuId, String label) {
    click(By.cssSelector("[id='" + menuId + "'] .ui-selectonemenu-trigger"));
    click(
        By.cssSelector(
            "[id='" + menuId + "_panel'] li.ui-selectonemenu-item[data-label='" + label + "']"));
    waitUntil(
        menuId + " to show " + label + " with its panel closed",
        d ->
            Boolean.TRUE.equals(
                script(
                    "var menu = document.getElementById(arguments[0]);"
                        + " var panel = document.getElementById(arguments[0] + '_panel');"
                        + " var chosen = menu && menu.querySelector('select option:checked');"
                        + " return !!chosen && chosen.textContent === arguments[1]"
                        + "   && menu.querySelector('.ui-selectonemenu-label').textContent === arguments[1]"
                        + "   && (!panel || panel.getClientRects().length === 0);",
                    menuId,
                    label)));
  }

  // --- waiting: the one way -------------------------------------------------------------------

  /**
   * Waits until the page is at rest: loaded, no PrimeFaces AJAX request queued or in flight (so
   * its partial update is in the DOM), and no overlay panel opening or closing. PrimeFaces binds
   * an overlay's handlers only once its opening transition ended (and moves the focus then), and
   * items clicked while a panel still scales in may be missed or leave the panel half-closed: so
   * every action starts and ends on a settled page.
   */
  void settle() {
    waitUntil("the page to settle (AJAX done, overlays still)", d -> Boolean.TRUE.equals(script(SETTLED)));
  }

  /**
   * Found afresh on every try (a partial update replaces elements), displayed and enabled, and in
   * view: scrolling closes PrimeFaces' open overlays, so an element out of view is centred (and
   * the page settled) before anything is clicked, rather than scrolled to in the middle of a click.
   */
  WebElement interactable(By by) {
    settle();
    WebElement element =
        waitUntil(by + " to be displayed and enabled", ExpectedConditions.elementToBeClickable(by));
    if (Boolean.TRUE.equals(script(IN_VIEW, element))) {
      return element;
    }
    script("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
    settle();
    return waitUntil(by + " to be displayed and enabled", ExpectedConditions.elementToBeClickable(by));
  }

  <T> T waitUntil(String what, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, PATIENCE, POLL)
        .withMessage("waiting for " + what)
        .ignoring(StaleElementReferenceException.class)
        .until(condition::apply);
  }

  /** The viewport of a laptop (1440x900) or of a phone (390x844, a mobile viewport). */
  void viewport(int width, int height) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    settle();
  }

  /** Back to the browser's own window size. */
  void wholeWindow() {
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    settle();
  }

  /** The page as it is, at 1440x900 and at 390x844: {@code <name>-1440.png}, {@code <name>-390.png}. */
  void screenshots(String name) {
    viewport(1440, 900);
    screenshot(name + "-1440");
    viewport(390, 844);
    screenshot(name + "-390");
    wholeWindow();
  }

  /** Whether the element lies wholly inside the viewport. */
  boolean inView(WebElement element) {
    return Boolean.TRUE.equals(script(IN_VIEW, element));
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

  // --- the keyboard alone ---------------------------------------------------------------------

  /** Sends keys to whatever has the focus, as a keyboard does, then waits for what follows. */
  void press(CharSequence... keys) {
    settle();
    driver.switchTo().activeElement().sendKeys(keys);
    settle();
  }

  /** Whether the element found by {@code by} has the focus. */
  boolean focused(By by) {
    List<WebElement> found = driver.findElements(by);
    return !found.isEmpty()
        && Boolean.TRUE.equals(script("return document.activeElement === arguments[0];", found.get(0)));
  }

  /** What has the focus, in a few words (tag, id, class, text) for failure messages. */
  String focusedElement() {
    return String.valueOf(
        script(
            "var e = document.activeElement; if (!e) return 'nothing';"
                + " return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
                + "   + (e.className && e.className.baseVal === undefined ? '.' + e.className.split(' ').join('.') : '')"
                + "   + ' \"' + (e.textContent || e.value || '').trim().slice(0, 30) + '\"';"));
  }

  /**
   * Presses Tab (Shift+Tab backwards) until the element found by {@code by} has the focus, at most
   * {@code most} times; fails naming every stop on the way when it never does.
   */
  int tabTo(By by, boolean backwards, int most) {
    List<String> stops = new ArrayList<>();
    for (int i = 1; i <= most; i++) {
      press(backwards ? Keys.chord(Keys.SHIFT, Keys.TAB) : Keys.TAB);
      if (focused(by)) {
        return i;
      }
      stops.add(focusedElement());
    }
    throw new AssertionError(
        by + " not reached with " + most + (backwards ? " Shift+Tab" : " Tab") + " presses; the focus went "
            + String.join(" -> ", stops));
  }

  // --- accessibility: axe-core ------------------------------------------------------------------

  /** axe-core's script, fetched from the npm registry and checked by the build (app-assembly's pom). */
  static final Path AXE_SCRIPT = Path.of(System.getProperty("console.axeScript", "target/axe/package/axe.min.js"));

  private static String axeSource;

  /**
   * axe-core's violations of impact serious or critical on the page as it is now, one line each:
   * rule, impact, what it asks, and each offending element with axe's summary of the failure.
   */
  @SuppressWarnings("unchecked")
  List<String> seriousAccessibilityViolations() {
    settle();
    if (axeSource == null) {
      if (!Files.isReadable(AXE_SCRIPT)) {
        throw new AssertionError(
            "axe-core is missing at " + AXE_SCRIPT.toAbsolutePath()
                + ": the build fetches it (maven-antrun-plugin in app-assembly's pre-integration-test)");
      }
      try {
        axeSource = Files.readString(AXE_SCRIPT);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (!Boolean.TRUE.equals(script("return typeof window.axe === 'object';"))) {
      script(axeSource);
    }
    driver.manage().timeouts().scriptTimeout(PATIENCE);
    Object found =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + " axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                    + "   done(r.violations.filter(function (v) {"
                    + "     return v.impact === 'serious' || v.impact === 'critical'; })"
                    + "   .map(function (v) {"
                    + "     return v.id + ' (' + v.impact + '): ' + v.help + ': ' + v.nodes.map(function (n) {"
                    + "       return n.target.join(' ') + ' [' + (n.failureSummary || '').replace(/\s+/g, ' ') + ']';"
                    + "     }).join('; '); }));"
                    + " }, function (e) { done(['axe-core failed to run: ' + e]); });");
    return (List<String>) found;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
