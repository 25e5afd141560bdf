import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes an NDJSON log of EVENTS.md events for the ingest benchmark: a realistic mix (mostly
 * conversation messages, page views and presence), unique ids, all in the past, deterministic for
 * a seed. Run: {@code java bench/Gen.java <events> <file> [seed] [id-prefix]}.
 *
 * <p>The directory comes first (accounts, campaigns, entry points, hosts, agents), then visits:
 * each visitor views pages and entry points, some get an invite, some chat. Agents log in, go
 * online and offline in campaigns, and log out.
 */
public class Gen {

  static final String[] WORDS = {
    "hello", "order", "delivery", "invoice", "refund", "thanks", "please", "account", "password",
    "shipping", "tracking", "size", "colour", "price", "discount", "coupon", "return", "week",
    "Grüße", "Bestellung", "commande", "livraison", "¿dónde", "está", "пакет", "заказ", "注文",
    "配送", "=SUM(A1)", "+31 20 555", "ok", "yes", "no", "maybe", "today", "tomorrow"
  };
  static final String[] OUTCOMES = {
    "matched", "shown", "accepted", "declined", "cancelled", "no_availability", "expired", "ignored"
  };

  final SplittableRandom random;
  final String idPrefix;
  final BufferedWriter out;
  final long limit;
  long written;
  long nextId;
  final int accounts = 12;
  final int campaigns = 40;
  final int entryPoints = 120;
  final int hosts = 30;
  final int agents = 300;

  Gen(long limit, BufferedWriter out, long seed, String idPrefix) {
    this.idPrefix = idPrefix;
    this.limit = limit;
    this.out = out;
    this.random = new SplittableRandom(seed);
  }

  public static void main(String[] args) throws IOException {
    long count = Long.parseLong(args[0]);
    Path file = Path.of(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261125L;
    String idPrefix = args.length > 3 ? args[3] : "bench";
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      new Gen(count, out, seed, idPrefix).run();
    }
  }

  void run() throws IOException {
    // Ends an hour ago and spans 30 days: nothing is in the future of the server clock.
    Instant end = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    Instant start = end.minus(30, ChronoUnit.DAYS);
    directory(start.minus(1, ChronoUnit.DAYS));
    long spanMs = end.toEpochMilli() - start.toEpochMilli();
    long visits = 0;
    while (written < limit) {
      // Visits spread evenly over the span in generation order; times inside a visit grow.
      long t = start.toEpochMilli() + (visits * 7_919L % 10_000L) * (spanMs / 10_000L)
          + random.nextLong(spanMs / 10_000L);
      visits++;
      if (random.nextInt(10) == 0) {
        shift(t);
      } else {
        visit(t);
      }
    }
  }

  void directory(Instant at) throws IOException {
    long t = at.toEpochMilli();
    for (int a = 1; a <= accounts; a++) {
      emit("account.updated", t, "\"account_id\":" + a + ",\"name\":\"Account " + a + "\"");
    }
    for (int c = 1; c <= campaigns; c++) {
      emit("campaign.updated", t, "\"chatcampaign_id\":" + c + ",\"account_id\":" + account(c)
          + ",\"name\":\"Campaign " + c + "\"");
    }
    for (int e = 1; e <= entryPoints; e++) {
      emit("entrypoint.updated", t, "\"entrypoint_id\":" + e + ",\"chatcampaign_id\":"
          + campaignOf(e) + ",\"name\":\"Entry " + e + "\",\"type\":\""
          + (e % 3 == 0 ? "invite" : "button") + "\"");
    }
    for (int h = 1; h <= hosts; h++) {
      emit("host.updated", t, "\"host_id\":" + h + ",\"account_id\":" + (1 + h % accounts)
          + ",\"hostname\":\"shop" + h + ".example.com\"");
    }
    for (int g = 1; g <= agents; g++) {
      emit("agent.updated", t, "\"agent_id\":" + g + ",\"account_id\":" + (1 + g % accounts)
          + ",\"username\":\"agent" + g + "@acct" + (1 + g % accounts) + "\",\"firstname\":\"Agent\","
          + "\"lastname\":\"No " + g + "\",\"email\":\"agent" + g + "@example.com\",\"max_chats\":"
          + (1 + g % 5));
    }
  }

  /** A work shift: login, online in a few campaigns, some toggles, offline, logout. */
  void shift(long t) throws IOException {
    int agent = 1 + random.nextInt(agents);
    String shiftId = "ws-" + (nextId + 1);
    emit("agent.logged_in", t, "\"agent_id\":" + agent + ",\"workshift_id\":\"" + shiftId + "\"");
    int changes = 4 + random.nextInt(8);
    for (int i = 0; i < changes; i++) {
      t += 1_000 + random.nextInt(600_000);
      emit("agent.state_changed", t, "\"agent_id\":" + agent + ",\"chatcampaign_id\":"
          + (1 + random.nextInt(campaigns)) + ",\"state\":\""
          + (i % 2 == 0 ? "online" : "offline") + "\"");
    }
    t += 1_000 + random.nextInt(600_000);
    emit("agent.logged_out", t, "\"agent_id\":" + agent + ",\"workshift_id\":\"" + shiftId + "\"");
  }

  /** A visitor: pages, entry points, maybe an invite, maybe a chat. */
  void visit(long t) throws IOException {
    String visitor = "v-" + Long.toString(nextId, 36) + "-" + random.nextInt(1_000_000);
    int campaign = 1 + random.nextInt(campaigns);
    int entryPoint = entryPointOf(campaign);
    int host = 1 + random.nextInt(hosts);
    int pages = 1 + random.nextInt(4);
    for (int p = 0; p < pages; p++) {
      t += 500 + random.nextInt(60_000);
      emit("page.viewed", t, "\"chatcampaign_id\":" + campaign + ",\"visitor_id\":\"" + visitor
          + "\",\"host_id\":" + host + ",\"url\":\"https://shop" + host + ".example.com/p/"
          + random.nextInt(5_000) + "?ref=mail\",\"entrypoint_ids\":[" + entryPoint + "]");
    }
    long shown = t;
    emit("entrypoint.viewed", t, "\"entrypoint_id\":" + entryPoint + ",\"visitor_id\":\""
        + visitor + "\"");
    if (entryPoint % 3 == 0) {
      t += 200 + random.nextInt(5_000);
      emit("invite.outcome", t, "\"entrypoint_id\":" + entryPoint + ",\"visitor_id\":\"" + visitor
          + "\",\"outcome\":\"" + OUTCOMES[random.nextInt(OUTCOMES.length)] + "\"");
    }
    if (random.nextInt(3) != 0) {
      return;
    }
    t += 200 + random.nextInt(20_000);
    emit("entrypoint.clicked", t, "\"entrypoint_id\":" + entryPoint + ",\"visitor_id\":\""
        + visitor + "\"");
    chat(t, visitor, campaign, entryPoint, host, shown);
  }

  void chat(long t, String visitor, int campaign, int entryPoint, int host, long shown)
      throws IOException {
    String session = "s-" + Long.toString(nextId, 36);
    int agent = 1 + random.nextInt(agents);
    t += 500 + random.nextInt(5_000);
    emit("conversation.started", t, "\"session_id\":\"" + session + "\",\"chatcampaign_id\":"
        + campaign + ",\"visitor_id\":\"" + visitor + "\",\"entrypoint_id\":" + entryPoint
        + ",\"host_id\":" + host + ",\"visitor_identifier\":\"" + visitor + "@mail.example\","
        + "\"entrypoint_shown_at\":\"" + Instant.ofEpochMilli(shown) + "\"");
    t += 100 + random.nextInt(3_000);
    emit("conversation.message", t, "\"session_id\":\"" + session
        + "\",\"author\":\"system\",\"text\":\"Welcome! An agent will be with you shortly.\"");
    t += 1_000 + random.nextInt(30_000);
    emit("conversation.assigned", t, "\"session_id\":\"" + session + "\",\"agent_id\":" + agent);
    int messages = 4 + random.nextInt(14);
    for (int m = 0; m < messages; m++) {
      t += 2_000 + random.nextInt(60_000);
      boolean byAgent = m % 2 == 1;
      emit("conversation.message", t, "\"session_id\":\"" + session + "\",\"author\":\""
          + (byAgent ? "agent\",\"agent_id\":" + agent + "," : "visitor\",")
          + "\"text\":\"" + sentence() + "\"");
    }
    if (random.nextInt(8) == 0) {
      agent = 1 + random.nextInt(agents);
      t += 1_000 + random.nextInt(10_000);
      emit("conversation.assigned", t, "\"session_id\":\"" + session + "\",\"agent_id\":" + agent);
    }
    if (random.nextInt(4) == 0) {
      t += 1_000;
      emit("conversation.success_code_set", t, "\"session_id\":\"" + session
          + "\",\"code\":\"SC-" + random.nextInt(20) + "\"");
    }
    if (random.nextInt(5) == 0) {
      t += 1_000;
      emit("conversation.goal_reached", t, "\"session_id\":\"" + session + "\",\"goal\":\"order\","
          + "\"value\":" + random.nextInt(50_000) / 100.0);
    }
    t += 1_000 + random.nextInt(20_000);
    emit("conversation.closed", t, "\"session_id\":\"" + session + "\",\"agent_id\":" + agent);
    if (random.nextInt(3) == 0) {
      t += 5_000;
      emit("conversation.survey_submitted", t, "\"session_id\":\"" + session + "\",\"result\":\""
          + (random.nextBoolean() ? "good" : random.nextBoolean() ? "moderate" : "bad")
          + "\",\"comment\":\"" + sentence() + "\"");
    }
  }

  String sentence() {
    int words = 3 + random.nextInt(25);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        s.append(' ');
      }
      s.append(WORDS[random.nextInt(WORDS.length)]);
    }
    return s.append('.').toString();
  }

  void emit(String type, long atMs, String data) throws IOException {
    if (written >= limit) {
      return;
    }
    nextId++;
    out.write("{\"id\":\"" + idPrefix + "-" + Long.toString(nextId, 36) + "\",\"type\":\"" + type
        + "\",\"at\":\"" + Instant.ofEpochMilli(atMs) + "\",\"data\":{" + data + "}}\n");
    written++;
  }

  int account(int campaign) {
    return 1 + campaign % accounts;
  }

  int campaignOf(int entryPoint) {
    return 1 + entryPoint % campaigns;
  }

  int entryPointOf(int campaign) {
    // Entry points e with 1 + e % campaigns == campaign.
    int base = campaign - 1 == 0 ? campaigns : campaign - 1;
    return base + campaigns * random.nextInt(entryPoints / campaigns);
  }
}
