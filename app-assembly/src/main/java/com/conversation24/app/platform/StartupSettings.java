package com.conversation24.app.platform;

import com.conversation24.campaigns.access.application.AccessService;
import com.conversation24.campaigns.platform.InvalidInputException;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Checks the settings (README "Configuration") before anything starts, and stops the process when
 * one is invalid: Payara Micro keeps running with the application undeployed after a failed start,
 * answering 404 to everything, which an orchestrator takes for a live server. Declared first in
 * web.xml, so it runs before the migrations and the bootstrap that would fail on the same value
 * later and less clearly. Exit status 2, the setting and the rule in the log.
 */
public class StartupSettings implements ServletContextListener {

  private static final Logger LOG = Logger.getLogger(StartupSettings.class.getName());

  static final int EXIT_STATUS = 2;

  private static final List<String> POSITIVE_INTEGERS =
      List.of(
          "EXPORTS_PUBLIC_LINK_LIMIT_PER_TOKEN",
          "EXPORTS_PUBLIC_LINK_LIMIT_PER_ADDRESS",
          "EXPORTS_PUBLIC_LINK_LIMIT_PERIOD_SECONDS",
          "EXPORTS_EXPORT_LIMIT_PER_ACCOUNT",
          "EXPORTS_EXPORT_LIMIT_TOTAL",
          "EXPORTS_EXPORT_STALL_SECONDS",
          "EXPORTS_EXPORT_MAX_SECONDS",
          "EXPORTS_JOB_LIMIT_PER_ACCOUNT",
          "EXPORTS_JOB_KEEP_SECONDS",
          "EXPORTS_JOB_WORKERS",
          "EXPORTS_SMTP_PORT",
          "EXPORTS_DELIVERY_ATTACHMENT_MAX_BYTES",
          "EXPORTS_DELIVERY_RETRY_SECONDS");

  /** Settings that take one of a few words. */
  private static final Map<String, List<String>> CHOICES =
      Map.of(
          "EXPORTS_MODE", List.of("production", "development"),
          "EXPORTS_SMTP_TLS", List.of("none", "starttls", "tls"));

  @Override
  public void contextInitialized(ServletContextEvent start) {
    List<String> problems = problems(ConfigProvider.getConfig(StartupSettings.class.getClassLoader()));
    if (problems.isEmpty()) {
      return;
    }
    problems.forEach(p -> LOG.severe("invalid setting " + p));
    LOG.severe("stopping: the application cannot start with these settings");
    stopTheProcess();
    throw new IllegalStateException("invalid settings: " + String.join("; ", problems));
  }

  /** Every invalid setting, as {@code KEY: rule}. */
  static List<String> problems(Config config) {
    List<String> problems = new ArrayList<>();
    value(config, "EXPORTS_OPERATOR_PASSWORD")
        .filter(p -> !p.isBlank())
        .ifPresent(
            password -> {
              try {
                AccessService.requirePassword("EXPORTS_OPERATOR_PASSWORD", password);
              } catch (InvalidInputException e) {
                problems.add(e.getMessage());
              }
            });
    for (String key : POSITIVE_INTEGERS) {
      value(config, key)
          .ifPresent(
              text -> {
                try {
                  if (Long.parseLong(text.strip()) < 1) {
                    problems.add(key + ": a positive whole number, not " + text);
                  }
                } catch (NumberFormatException e) {
                  problems.add(key + ": a positive whole number, not " + text);
                }
              });
    }
    value(config, "EXPORTS_PUBLIC_BASE_URL")
        .ifPresent(
            url -> {
              try {
                URI uri = URI.create(url.strip());
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null) {
                  problems.add("EXPORTS_PUBLIC_BASE_URL: an http or https URL, not " + url);
                }
              } catch (IllegalArgumentException e) {
                problems.add("EXPORTS_PUBLIC_BASE_URL: an http or https URL, not " + url);
              }
            });
    CHOICES.forEach(
        (key, words) ->
            value(config, key)
                .filter(text -> !words.contains(text.strip()))
                .ifPresent(text -> problems.add(key + ": one of " + String.join(", ", words) + ", not " + text)));
    return problems;
  }

  private static Optional<String> value(Config config, String key) {
    return config.getOptionalValue(key, String.class);
  }

  /**
   * Exits on another thread (this one is Payara's deployment, which the shutdown waits for), and
   * halts if the orderly exit has not ended the process within half a minute.
   */
  private static void stopTheProcess() {
    Thread exit =
        new Thread(
            () -> {
              Thread halt =
                  new Thread(
                      () -> {
                        try {
                          Thread.sleep(30_000);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                        Runtime.getRuntime().halt(EXIT_STATUS);
                      },
                      "invalid-settings-halt");
              halt.setDaemon(true);
              halt.start();
              try {
                System.exit(EXIT_STATUS);
              } catch (SecurityException e) {
                LOG.log(Level.SEVERE, "cannot exit", e);
              }
            },
            "invalid-settings-exit");
    exit.start();
  }
}
