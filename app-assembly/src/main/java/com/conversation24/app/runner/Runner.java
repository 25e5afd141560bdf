package com.conversation24.app.runner;

import com.conversation24.campaigns.platform.SecretToken;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The README's run command. Uses the MariaDB named by EXPORTS_DB_URL, or starts an embedded one
 * with its data under {@code data/mariadb}; then starts Payara Micro with the WAR at the root
 * context, exactly as an operator would, waits until the console answers, and prints where to sign
 * in. On the first start it loads the simulator's demo data (see {@link DemoData}). Ctrl-C stops
 * Payara Micro and then the embedded database.
 */
public final class Runner {

  private static final Duration STARTUP = Duration.ofMinutes(4);

  public static void main(String[] args) throws Exception {
    Path war = Path.of(System.getProperty("exports.war"));
    Path microJar = Path.of(System.getProperty("exports.microJar"));
    Path dataDir = Path.of(System.getProperty("exports.dataDir")).toAbsolutePath();
    Files.createDirectories(dataDir);
    Map<String, String> env = System.getenv();

    EmbeddedMariaDb embedded = null;
    List<String> childEnv = new ArrayList<>();
    String dbDescription;
    if (blank(env.get("EXPORTS_DB_URL"))) {
      System.out.println("No EXPORTS_DB_URL: starting the embedded MariaDB in " + dataDir.resolve("mariadb"));
      embedded = EmbeddedMariaDb.start(dataDir.resolve("mariadb"), true);
      embedded.createDatabase("exports");
      childEnv.add("EXPORTS_DB_URL=" + embedded.jdbcUrl("exports"));
      childEnv.add("EXPORTS_DB_USER=root");
      childEnv.add("EXPORTS_DB_PASSWORD=");
      dbDescription = "embedded MariaDB on port " + embedded.port() + ", data in " + dataDir.resolve("mariadb");
    } else {
      dbDescription = env.get("EXPORTS_DB_URL");
    }

    // No SMTP server named: deliveries go to an embedded one, whose inbox the console shows.
    EmbeddedMailbox mailbox = null;
    String mailDescription;
    if (blank(env.get("EXPORTS_SMTP_HOST"))) {
      mailbox = EmbeddedMailbox.start();
      childEnv.add("EXPORTS_SMTP_HOST=127.0.0.1");
      childEnv.add("EXPORTS_SMTP_PORT=" + mailbox.smtpPort());
      childEnv.add("EXPORTS_DEMO_MAILBOX=" + mailbox.imapUrl());
      mailDescription = "embedded SMTP on 127.0.0.1:" + mailbox.smtpPort() + " (its inbox: the Deliveries page)";
    } else {
      mailDescription = env.get("EXPORTS_SMTP_HOST");
    }

    String operatorPassword = operatorPassword(env, dataDir);
    childEnv.add("EXPORTS_OPERATOR_PASSWORD=" + operatorPassword);
    // The runner's own automation token (loads the demo data); a new secret on every start.
    String operatorToken =
        blank(env.get("EXPORTS_OPERATOR_TOKEN")) ? SecretToken.generate("c24t_").value() : env.get("EXPORTS_OPERATOR_TOKEN");
    childEnv.add("EXPORTS_OPERATOR_TOKEN=" + operatorToken);
    int port = httpPort(env);
    String baseUrl = Optional.ofNullable(env.get("EXPORTS_PUBLIC_BASE_URL")).filter(v -> !blank(v))
        .orElse("http://localhost:" + port);
    childEnv.add("EXPORTS_PUBLIC_BASE_URL=" + baseUrl);

    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx2g",
        "-Djava.io.tmpdir=" + Files.createDirectories(dataDir.resolve("tmp")),
        "-jar", microJar.toString(),
        "--deploy", war.toString(),
        "--contextroot", "/",
        "--port", Integer.toString(port),
        "--nocluster",
        "--rootdir", dataDir.resolve("payara").toString());
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    for (String entry : childEnv) {
      int eq = entry.indexOf('=');
      builder.environment().put(entry.substring(0, eq), entry.substring(eq + 1));
    }
    Process payara = builder.start();
    EmbeddedMariaDb database = embedded;
    EmbeddedMailbox embeddedMailbox = mailbox;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stop(payara, database);
                  if (embeddedMailbox != null) {
                    embeddedMailbox.close();
                  }
                },
                "stop"));

    String localUrl = "http://localhost:" + port;
    if (awaitConsole(localUrl, payara)) {
      Optional<String> demoAdmin = Optional.empty();
      if (!"false".equalsIgnoreCase(env.getOrDefault("EXPORTS_DEMO_DATA", "true").trim())) {
        try {
          DemoData demo = new DemoData(dataDir, localUrl, operatorToken);
          demoAdmin = demo.ensureLoaded();
          if (embeddedMailbox != null) {
            demo.deliverOnce(EmbeddedMailbox.ADDRESS);
          }
        } catch (IOException | RuntimeException e) {
          System.err.println("The demo data could not be loaded: " + e);
        }
      }
      System.out.println();
      System.out.println("==============================================================");
      System.out.println(" Conversation24 exports is running");
      System.out.println(" Console:  " + baseUrl + "/");
      System.out.println(" Sign in:  operator / " + operatorPassword);
      demoAdmin.ifPresent(signIn -> System.out.println(" Demo admin: " + signIn + " (account 1)"));
      System.out.println(" Database: " + dbDescription);
      System.out.println(" Mail:     " + mailDescription);
      System.out.println(" Stop:     Ctrl-C");
      System.out.println("==============================================================");
    }
    System.exit(payara.waitFor());
  }

  private static boolean awaitConsole(String base, Process payara) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(STARTUP);
    while (Instant.now().isBefore(deadline) && payara.isAlive()) {
      try {
        HttpResponse<Void> answer = http.send(
            HttpRequest.newBuilder(URI.create(base + "/login.xhtml")).build(),
            HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 200) {
          return true;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(1000);
    }
    System.err.println("The console did not answer within " + STARTUP.toMinutes() + " minutes; see the log above.");
    return false;
  }

  private static void stop(Process payara, EmbeddedMariaDb database) {
    try {
      if (payara.isAlive()) {
        payara.destroy();
        if (!payara.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
          payara.destroyForcibly();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (database != null) {
        database.close();
        System.out.println("Embedded MariaDB stopped.");
      }
    }
  }

  /** The configured password, else one generated on the first run and kept in the data folder. */
  private static String operatorPassword(Map<String, String> env, Path dataDir) throws IOException {
    if (!blank(env.get("EXPORTS_OPERATOR_PASSWORD"))) {
      return env.get("EXPORTS_OPERATOR_PASSWORD");
    }
    Path file = dataDir.resolve("operator-password");
    if (Files.exists(file)) {
      return Files.readString(file).trim();
    }
    byte[] bytes = new byte[15];
    new SecureRandom().nextBytes(bytes);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Files.writeString(file, password + "\n");
    return password;
  }

  private static int httpPort(Map<String, String> env) {
    if (!blank(env.get("EXPORTS_HTTP_PORT"))) {
      return Integer.parseInt(env.get("EXPORTS_HTTP_PORT").trim());
    }
    try (ServerSocket probe = new ServerSocket(8080)) {
      return 8080;
    } catch (IOException busy) {
      return EmbeddedMariaDb.freePort();
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private Runner() {}
}
