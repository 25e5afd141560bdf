package com.conversation24.app.runner;

import com.conversation24.app.simulator.EventPoster;
import com.conversation24.app.simulator.SimulationPlan;
import com.conversation24.app.simulator.Simulator;
import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The demo data of the run command: on the first start, the simulator's last two weeks up to now
 * (so that the default relative ranges show data), posted to the running server, and an admin of
 * the first account to sign in with. The sign-in kept in {@code data/demo-admin} marks it done.
 */
final class DemoData {

  static final String ADMIN = "demo-admin";
  private static final long ACCOUNT = 1;
  private static final int DAYS = 14;

  private final Path dataDir;
  private final String baseUrl;
  private final String token;

  DemoData(Path dataDir, String baseUrl, String token) {
    this.dataDir = dataDir;
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /** The demo sign-in ({@code user / password}), loading the data first when not done yet. */
  Optional<String> ensureLoaded() throws IOException, InterruptedException {
    Path marker = dataDir.resolve("demo-admin");
    if (Files.exists(marker)) {
      return Optional.of(Files.readString(marker).trim());
    }
    // The end is kept before posting: a start that fails half-way sends the same events again
    // (duplicates) instead of a second, different fortnight.
    Path untilFile = dataDir.resolve("demo-until");
    Instant until =
        Files.exists(untilFile) ? Instant.parse(Files.readString(untilFile).trim()) : Instant.now();
    Files.writeString(untilFile, until + "\n");
    SimulationPlan plan = plan(until);
    System.out.println("Loading the demo data: " + plan.start() + " to " + plan.end() + " ...");
    EventPoster poster = new EventPoster(baseUrl, token, 5_000);
    Simulator.Result result = Simulator.simulate(plan, poster, true);
    System.out.printf(
        Locale.ROOT,
        "Demo data: %,d events in %.1f s (accepted %,d, duplicates %,d, rejected %,d)%n",
        result.lines(), result.seconds(), poster.accepted(), poster.duplicates(), poster.rejected());
    poster.reasons().forEach(r -> System.out.println("  rejected: " + r));

    String password = password();
    if (!createAdmin(password)) {
      return Optional.empty();
    }
    String signIn = ADMIN + " / " + password;
    Files.writeString(marker, signIn + "\n");
    return Optional.of(signIn);
  }

  /**
   * The fortnight up to the start of the hour: runners started against one database within the
   * same hour (several members at once) simulate the same plan, so the second one's events are
   * duplicates of the first's instead of a second fortnight under other ids.
   */
  static SimulationPlan plan(Instant until) {
    Instant hour = until.truncatedTo(ChronoUnit.HOURS);
    LocalDate first = hour.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(DAYS - 1L);
    return SimulationPlan.days(SimulationPlan.DEFAULT_SEED, first, DAYS)
        .withSize(SimulationPlan.DEFAULT_ACCOUNTS, SimulationPlan.DEFAULT_AGENTS, 0.5)
        .until(hour);
  }

  private boolean createAdmin(String password) throws IOException, InterruptedException {
    String body =
        Json.createObjectBuilder()
            .add("username", ADMIN)
            .add("password", password)
            .add("role", "admin")
            .build()
            .toString();
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/api/admin/accounts/" + ACCOUNT + "/users"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() == 400 && answer.body().contains("already taken")) {
      System.out.println(
          "The demo admin exists already: another start against this database created it"
              + " (its sign-in is in that start's data/demo-admin).");
      return false;
    }
    if (answer.statusCode() != 201) {
      System.err.println(
          "Could not create the demo admin (" + answer.statusCode() + "): " + answer.body());
      return false;
    }
    return true;
  }

  /**
   * On the first start with the embedded mailbox: a saved export of account 1 (yesterday's
   * Conversations, every morning at 07:00 in Amsterdam, by mail to {@code address}) sent once at
   * once, so that the Deliveries page shows a delivery and the mail it made. {@code
   * data/demo-delivery} marks it done.
   */
  void deliverOnce(String address) throws IOException, InterruptedException {
    Path marker = dataDir.resolve("demo-delivery");
    if (Files.exists(marker)) {
      return;
    }
    HttpResponse<String> issued =
        post("/api/admin/accounts/" + ACCOUNT + "/tokens", token,
            "{\"label\":\"demo deliveries\",\"role\":\"admin\"}");
    if (issued.statusCode() != 201) {
      System.err.println("Could not make the demo delivery (" + issued.statusCode() + "): " + issued.body());
      return;
    }
    String admin = Json.createReader(new java.io.StringReader(issued.body())).readObject().getString("token");
    String body =
        Json.createObjectBuilder()
            .add("label", "Yesterday's conversations (demo)")
            .add("report", "conversations")
            .add("criteria", Json.createObjectBuilder().add("range", "yesterday").add("tz", "Europe/Amsterdam"))
            .add("format", "csv")
            .add("schedule", Json.createObjectBuilder().add("every", "daily").add("at", "07:00"))
            .add("destination", Json.createObjectBuilder().add("type", "email").add("to", Json.createArrayBuilder().add(address)))
            .build()
            .toString();
    HttpResponse<String> created = post("/api/saved-exports", admin, body);
    if (created.statusCode() != 201) {
      System.err.println("Could not create the demo saved export (" + created.statusCode() + "): " + created.body());
      return;
    }
    long id =
        Json.createReader(new java.io.StringReader(created.body())).readObject()
            .getJsonObject("savedExport").getJsonNumber("id").longValue();
    HttpResponse<String> sent = post("/api/saved-exports/" + id + "/send", admin, "");
    System.out.println(
        "Demo delivery: saved export " + id + " sent to " + address + " (" + sent.statusCode() + ")");
    Files.writeString(marker, id + "\n");
  }

  private HttpResponse<String> post(String path, String bearer, String body)
      throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static String password() {
    byte[] bytes = new byte[15];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
