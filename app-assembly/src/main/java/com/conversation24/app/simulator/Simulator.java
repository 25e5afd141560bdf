package com.conversation24.app.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

/**
 * The simulator's command line (see the README): generates a simulated operation as EVENTS.md
 * events into an NDJSON file or straight into a running server.
 */
public final class Simulator {

  static final String USAGE =
      """
      Usage: simulate [options] (--out FILE | --post URL)
        --seed N          random seed; the same options give the same events (default 24)
        --days N          days to simulate (default 7)
        --start DATE      first day, YYYY-MM-DD in UTC (default: DAYS days before today)
        --accounts N      accounts; from 2 on, the last is a contact-center account (default 4)
        --agents N        agents per account (default 6)
        --scale X         visitor traffic, 1 = about 300 visits per campaign and day (default 1)
        --late P          share of events delivered late, out of order (default 0)
        --duplicates P    share of events delivered twice (default 0)
        --limit N         stop after N events
        --out FILE        write NDJSON to FILE ('-' for stdout)
        --post URL        post to a running server (http://localhost:8080) in batches
        --token T         ingest token for --post (default: $EXPORTS_OPERATOR_TOKEN)
        --batch N         events per request for --post, at most 10000 (default 5000)
        --quiet           no progress bar
      Nothing later than now is generated.""";

  /** What a run did. */
  public record Result(long lines, double seconds) {
    public double linesPerSecond() {
      return seconds > 0 ? lines / seconds : 0;
    }
  }

  private Simulator() {}

  /** Simulates the plan into the output (and closes it). */
  public static Result simulate(SimulationPlan plan, NdjsonOutput out, boolean progressBar)
      throws IOException {
    ProgressBar progress = progressBar ? ProgressBar.onStderr() : ProgressBar.none();
    long lines;
    try (out) {
      Delivery delivery = new Delivery(plan, out, progress);
      new Simulation(plan).run(delivery);
      lines = delivery.finish();
    }
    return new Result(lines, progress.elapsedSeconds());
  }

  public static void main(String[] args) throws IOException {
    System.exit(run(args, Clock.systemUTC(), System.getenv(), System.err));
  }

  static int run(String[] args, Clock clock, Map<String, String> env, PrintStream err)
      throws IOException {
    Map<String, String> options;
    try {
      options = options(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    }
    if (options.containsKey("help")) {
      err.println(USAGE);
      return 0;
    }
    SimulationPlan plan;
    try {
      plan = plan(options, clock.instant());
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    }
    boolean quiet = options.containsKey("quiet");
    if (options.containsKey("out") == options.containsKey("post")) {
      err.println("Name one of --out FILE and --post URL.");
      err.println(USAGE);
      return 2;
    }
    err.printf(
        Locale.ROOT,
        "Simulating %s to %s: seed %d, %d accounts, %d agents each, scale %s%n",
        plan.start(), plan.end(), plan.seed(), plan.accounts(), plan.agentsPerAccount(), plan.scale());
    if (options.containsKey("out")) {
      String file = options.get("out");
      NdjsonOutput out = file.equals("-") ? NdjsonFile.of(System.out) : NdjsonFile.create(Path.of(file));
      Result result = simulate(plan, out, !quiet);
      err.printf(
          Locale.ROOT,
          "Wrote %,d events to %s in %.1f s (%,.0f events/s)%n",
          result.lines(), file, result.seconds(), result.linesPerSecond());
      return 0;
    }
    String token = options.getOrDefault("token", env.get("EXPORTS_OPERATOR_TOKEN"));
    if (token == null || token.isBlank()) {
      err.println("--post needs --token (or EXPORTS_OPERATOR_TOKEN): a token with the ingest role.");
      return 2;
    }
    EventPoster poster =
        new EventPoster(options.get("post"), token, Integer.parseInt(options.getOrDefault("batch", "5000")));
    Result result = simulate(plan, poster, !quiet);
    err.printf(
        Locale.ROOT,
        "Posted %,d events to %s in %.1f s (%,.0f events/s): accepted %,d, duplicates %,d, rejected %,d%n",
        result.lines(), options.get("post"), result.seconds(), result.linesPerSecond(),
        poster.accepted(), poster.duplicates(), poster.rejected());
    poster.reasons().forEach(r -> err.println("  rejected: " + r));
    return poster.rejected() == 0 ? 0 : 1;
  }

  static SimulationPlan plan(Map<String, String> options, Instant now) {
    int days = Integer.parseInt(options.getOrDefault("days", "7"));
    if (days < 1 || days > 3660) {
      throw new IllegalArgumentException("--days: 1 to 3660");
    }
    LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
    LocalDate first =
        options.containsKey("start") ? LocalDate.parse(options.get("start")) : today.minusDays(days - 1L);
    if (!first.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(now)) {
      throw new IllegalArgumentException("--start must be in the past: nothing later than now is generated");
    }
    return SimulationPlan.days(Long.parseLong(options.getOrDefault("seed", Long.toString(SimulationPlan.DEFAULT_SEED))), first, days)
        .withSize(
            Integer.parseInt(options.getOrDefault("accounts", Integer.toString(SimulationPlan.DEFAULT_ACCOUNTS))),
            Integer.parseInt(options.getOrDefault("agents", Integer.toString(SimulationPlan.DEFAULT_AGENTS))),
            Double.parseDouble(options.getOrDefault("scale", "1")))
        .withDisorder(
            Double.parseDouble(options.getOrDefault("late", "0")),
            Double.parseDouble(options.getOrDefault("duplicates", "0")))
        .withLimit(Long.parseLong(options.getOrDefault("limit", "0")))
        .until(now);
  }

  private static final java.util.Set<String> FLAGS = java.util.Set.of("quiet", "help");
  private static final java.util.Set<String> VALUED =
      java.util.Set.of("seed", "days", "start", "accounts", "agents", "scale", "late", "duplicates",
          "limit", "out", "post", "token", "batch");

  static Map<String, String> options(String[] args) {
    Map<String, String> options = new java.util.LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("-h")) {
        arg = "--help";
      }
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("Unexpected argument: " + arg);
      }
      String name = arg.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (FLAGS.contains(name)) {
        options.put(name, "");
      } else if (VALUED.contains(name)) {
        if (value == null) {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException("--" + name + " needs a value");
          }
          value = args[++i];
        }
        options.put(name, value);
      } else {
        throw new IllegalArgumentException("Unknown option: --" + name);
      }
    }
    return options;
  }
}
