package com.conversation24.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.app.testing.TestDatabase;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Payara Micro with the built WAR and an invalid setting, as the README deploys it: the process
 * ends by itself with a non-zero status and says which setting, instead of staying up with the
 * application undeployed and answering 404 to everything.
 */
@ExtendWith(TestDatabase.class)
class SettingsIT {

  @Test
  void anOperatorPasswordUnderTwelveCharactersStopsTheServer() throws Exception {
    Path dir = Path.of(System.getProperty("exports.testDir", "target/it"), "settings");
    Path tmp = dir.resolve("tmp");
    Files.createDirectories(tmp);
    File log = dir.resolve("payara.log").toFile();
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Djava.io.tmpdir=" + tmp.toAbsolutePath(),
                "-jar",
                System.getProperty("payara.microJar", "target/payara-micro.jar"),
                "--deploy",
                System.getProperty("exports.war", "target/exports.war"),
                "--contextroot",
                "/",
                "--nocluster",
                "--autoBindHttp")
            .redirectErrorStream(true)
            .redirectOutput(log);
    // A database of its own, empty: a start that got past the settings would create the operator
    // from the short password and fail there, later and less clearly.
    try (var server = TestDatabase.connect();
        var s = server.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS exports_settings_it");
      s.execute("CREATE DATABASE exports_settings_it CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }
    TestDatabase.DatabaseAccount db = TestDatabase.account("exports_settings_it");
    builder.environment().put("EXPORTS_DB_URL", db.url() + "?connectTimeout=2000");
    builder.environment().put("EXPORTS_DB_USER", db.user());
    builder.environment().put("EXPORTS_DB_PASSWORD", db.password());
    builder.environment().put("EXPORTS_OPERATOR_PASSWORD", "short");
    Process payara = builder.start();
    try {
      assertThat(payara.waitFor(3, TimeUnit.MINUTES)).as("ended by itself; see " + log).isTrue();
      assertThat(payara.exitValue()).isNotZero();
      assertThat(Files.readString(log.toPath()))
          .contains("invalid setting EXPORTS_OPERATOR_PASSWORD: at least 12 characters");
    } finally {
      payara.destroyForcibly();
      try (var server = TestDatabase.connect();
          var s = server.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS exports_settings_it");
      }
    }
  }
}
