package com.conversation24.app.fuzz;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Posts mutated events to a running server's {@code POST /api/events} and checks every answer
 * against what each line must get: never a 5xx, every valid line accepted, every broken line
 * rejected with its line number and the field at fault. Also times each batch, so that the cost
 * per MiB of each mutation shows (bench/fuzz.sh).
 *
 * <pre>
 * java -cp ... com.conversation24.app.fuzz.Fuzz --post http://127.0.0.1:8080 --token c24t_... \
 *     --lines 1000000 [--seed 24] [--by-kind]
 * </pre>
 */
public final class Fuzz {

  private static final int BATCH_LINES = 1_000;
  private static final int BATCH_BYTES = 2 << 20;
  private static final int MISMATCHES_KEPT = 20;

  /** What one mutation cost: lines, bytes and seconds of its batches. */
  public static final class KindFigures {
    long lines;
    long bytes;
    double seconds;
    double worstSecondsPerMiB;

    public long lines() {
      return lines;
    }

    public double secondsPerMiB() {
      return bytes == 0 ? 0 : seconds / (bytes / 1048576.0);
    }

    public double worstBatchSecondsPerMiB() {
      return worstSecondsPerMiB;
    }
  }

  /** A run's outcome. */
  public static final class Figures {
    long lines;
    long batches;
    long bytes;
    double seconds;
    final Map<Integer, Long> statuses = new TreeMap<>();
    long mismatches;
    final List<String> firstMismatches = new ArrayList<>();
    final Map<String, KindFigures> kinds = new TreeMap<>();
    final Set<String> validIds = new HashSet<>();
    long rejected;

    public long lines() {
      return lines;
    }

    public Map<Integer, Long> statuses() {
      return statuses;
    }

    public long mismatches() {
      return mismatches;
    }

    public List<String> firstMismatches() {
      return firstMismatches;
    }

    public Set<String> validIds() {
      return validIds;
    }

    public long rejected() {
      return rejected;
    }

    public Map<String, KindFigures> kinds() {
      return kinds;
    }

    /** The slowest mutation, as seconds per MiB of its lines. */
    public Map.Entry<String, KindFigures> worstKind() {
      return kinds.entrySet().stream()
          .max((a, b) -> Double.compare(a.getValue().secondsPerMiB(), b.getValue().secondsPerMiB()))
          .orElseThrow();
    }

    public String report() {
      StringBuilder out = new StringBuilder();
      out.append(String.format("lines %d in %d batches, %.1f MiB, %.1f s%n", lines, batches, bytes / 1048576.0, seconds));
      out.append("statuses ").append(statuses).append('\n');
      out.append(String.format("valid lines %d, rejected %d, answers not as expected %d%n", validIds.size(), rejected, mismatches));
      firstMismatches.forEach(m -> out.append("  ").append(m).append('\n'));
      out.append(String.format("%-32s %9s %9s %9s %12s%n", "mutation", "lines", "MiB", "s/MiB", "worst batch"));
      kinds.forEach(
          (kind, k) ->
              out.append(String.format("%-32s %9d %9.1f %9.3f %12.3f%n", kind, k.lines, k.bytes / 1048576.0, k.secondsPerMiB(), k.worstSecondsPerMiB)));
      if (!kinds.isEmpty()) {
        Map.Entry<String, KindFigures> worst = worstKind();
        out.append(String.format("worst seconds per MiB of line: %.3f (%s)%n", worst.getValue().secondsPerMiB(), worst.getKey()));
      }
      return out.toString();
    }
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI events;
  private final String token;

  public Fuzz(URI server, String token) {
    String base = server.toString().endsWith("/") ? server.toString() : server + "/";
    this.events = URI.create(base + "api/events");
    this.token = token;
  }

  /**
   * Posts {@code lines} mutated lines.
   *
   * @param byKind each batch of one mutation (for its cost), else mutations mixed with valid lines
   */
  public Figures run(long lines, long seed, String prefix, boolean byKind) throws IOException, InterruptedException {
    MutatedEvents generator = new MutatedEvents(seed, prefix);
    List<String> kinds = MutatedEvents.kinds();
    Figures figures = new Figures();
    int kindIndex = 0;
    // By kind, a short run still visits every mutation.
    long perBatch = byKind ? Math.max(10, Math.min(BATCH_LINES, lines / kinds.size())) : BATCH_LINES;
    while (figures.lines < lines) {
      String kind = byKind ? kinds.get(kindIndex++ % kinds.size()) : null;
      List<MutatedLine> batch = new ArrayList<>();
      long bytes = 0;
      while (batch.size() < perBatch && bytes < BATCH_BYTES && figures.lines + batch.size() < lines) {
        MutatedLine line = kind == null ? generator.next() : generator.next(kind);
        batch.add(line);
        bytes += line.text().length() + 1;
      }
      post(batch, figures, kind);
    }
    return figures;
  }

  private void post(List<MutatedLine> batch, Figures figures, String kind) throws IOException, InterruptedException {
    StringBuilder body = new StringBuilder();
    for (MutatedLine line : batch) {
      body.append(line.text()).append('\n');
    }
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(events)
            .timeout(Duration.ofMinutes(5))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/x-ndjson")
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build();
    long start = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    double seconds = (System.nanoTime() - start) / 1e9;
    figures.batches++;
    figures.lines += batch.size();
    figures.bytes += bytes.length;
    figures.seconds += seconds;
    figures.statuses.merge(response.statusCode(), 1L, Long::sum);
    if (kind != null) {
      KindFigures k = figures.kinds.computeIfAbsent(kind, x -> new KindFigures());
      k.lines += batch.size();
      k.bytes += bytes.length;
      k.seconds += seconds;
      k.worstSecondsPerMiB = Math.max(k.worstSecondsPerMiB, seconds / (bytes.length / 1048576.0));
    }
    if (response.statusCode() != 200) {
      mismatch(figures, "batch answered " + response.statusCode() + ": " + shorten(response.body()));
      figures.mismatches += batch.size() - 1;
      return;
    }
    check(batch, Json.createReader(new StringReader(response.body())).readObject(), figures);
  }

  private static void check(List<MutatedLine> batch, JsonObject answer, Figures figures) {
    Map<Integer, JsonObject> rejected = new HashMap<>();
    for (JsonValue entry : answer.getJsonArray("rejected")) {
      JsonObject r = entry.asJsonObject();
      rejected.put(r.getInt("line"), r);
    }
    figures.rejected += rejected.size();
    int valid = 0;
    for (int i = 0; i < batch.size(); i++) {
      MutatedLine line = batch.get(i);
      JsonObject r = rejected.get(i + 1);
      if (line.valid()) {
        valid++;
        figures.validIds.add(line.id());
        if (r != null) {
          mismatch(figures, line.kind() + ": a valid line was rejected: " + r);
        }
      } else if (r == null) {
        mismatch(figures, line.kind() + ": not rejected: " + shorten(line.text()));
      } else if (!line.field().equals(r.getString("field", null))) {
        mismatch(figures, line.kind() + ": rejected naming " + r.getString("field", null) + ", not " + line.field() + ": " + r.getString("reason"));
      }
    }
    if (answer.getInt("accepted") != valid) {
      mismatch(figures, "accepted " + answer.getInt("accepted") + " of " + valid + " valid lines");
    }
  }

  private static void mismatch(Figures figures, String what) {
    figures.mismatches++;
    if (figures.firstMismatches.size() < MISMATCHES_KEPT) {
      figures.firstMismatches.add(what);
    }
  }

  private static String shorten(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "...";
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    Set<String> flags = new HashSet<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--by-kind")) {
        flags.add(args[i]);
      } else if (args[i].startsWith("--") && i + 1 < args.length) {
        options.put(args[i], args[++i]);
      } else {
        throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Fuzz fuzz = new Fuzz(URI.create(options.get("--post")), options.get("--token"));
    Figures figures =
        fuzz.run(
            Long.parseLong(options.getOrDefault("--lines", "1000000")),
            Long.parseLong(options.getOrDefault("--seed", "24")),
            options.getOrDefault("--prefix", "fz" + System.currentTimeMillis()),
            flags.contains("--by-kind"));
    System.out.print(figures.report());
    boolean fiveXx = figures.statuses.keySet().stream().anyMatch(s -> s >= 500);
    System.exit(fiveXx || figures.mismatches > 0 ? 1 : 0);
  }
}
