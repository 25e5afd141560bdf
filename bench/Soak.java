import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak's clients (bench/soak.sh): for a given time, at once, ingestion at a given rate,
 * exports, public link requests, console sign-ins, and slow readers of a large export; then per kind
 * the requests, the answers by status, p50, p99 and the longest. A slow reader reads its export at
 * a fixed rate until the time is up (then drops it); one refused with 429 waits its Retry-After.
 *
 * <p>The clients speak HTTP/1.1, a connection per request in flight, unless {@code SOAK_HTTP=2}:
 * then, as Java's HttpClient does by default, they ask for HTTP/2 on the plain port, and Payara
 * carries all of them over one connection (decision 38: that case fails the targets today).
 *
 * <pre>
 * java bench/Soak.java max BASE TOKEN SECONDS
 * java bench/Soak.java soak BASE TOKEN SECONDS RATE EXPORT_PATH LINK_PATH PASSWORD SLOW_PATH READERS KiB_PER_S ADMIN_TOKEN...
 * </pre>
 */
public class Soak {

  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version("2".equals(System.getenv("SOAK_HTTP")) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  static final Map<String, List<Long>> LATENCIES = new ConcurrentHashMap<>();
  static final Map<String, Map<Integer, Long>> STATUSES = new ConcurrentHashMap<>();
  static final AtomicLong EVENTS = new AtomicLong();
  static final AtomicLong SLOW_BYTES = new AtomicLong();

  static URI base;
  static String token;
  static long deadline;

  public static void main(String[] args) throws Exception {
    base = URI.create(args[1].replaceAll("/$", "") + "/");
    token = args[2];
    long seconds = Long.parseLong(args[3]);
    deadline = System.nanoTime() + seconds * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    if (args[0].equals("max")) {
      for (int i = 0; i < 2; i++) {
        threads.add(start("ingest", () -> ingest(0, 5_000)));
      }
      join(threads);
      System.out.printf("max ingest rate: %.0f events/s%n", EVENTS.get() / (double) seconds);
      return;
    }
    double rate = Double.parseDouble(args[4]);
    String exportPath = args[5];
    String linkPath = args[6];
    String password = args[7];
    String slowPath = args[8];
    int readers = Integer.parseInt(args[9]);
    int kibPerSecond = Integer.parseInt(args[10]);
    List<String> admins = List.of(args).subList(11, args.length);
    threads.add(start("ingest", () -> ingest(rate / 2, 500)));
    threads.add(start("ingest", () -> ingest(rate / 2, 500)));
    threads.add(start("export", () -> loop("export", () -> get(exportPath, token), 200)));
    threads.add(start("export", () -> loop("export", () -> get(exportPath, token), 200)));
    threads.add(start("public-link", () -> loop("public-link", () -> get(linkPath, null), 500)));
    threads.add(start("sign-in", () -> loop("sign-in", () -> signIn(password), 1000)));
    for (int i = 0; i < readers; i++) {
      String admin = admins.get(i % admins.size());
      threads.add(start("slow-reader", () -> slowReader(slowPath, admin, kibPerSecond)));
    }
    join(threads);
    System.out.printf("events ingested %d (%.0f/s), slow readers read %.1f MiB%n",
        EVENTS.get(), EVENTS.get() / (double) seconds, SLOW_BYTES.get() / 1048576.0);
    System.out.printf("%-12s %9s %9s %9s %9s  %s%n", "kind", "requests", "p50 ms", "p99 ms", "max ms", "statuses");
    long fiveXx = 0;
    for (String kind : new TreeMap<>(LATENCIES).keySet()) {
      List<Long> l = new ArrayList<>(LATENCIES.get(kind));
      Collections.sort(l);
      Map<Integer, Long> statuses = new TreeMap<>(STATUSES.getOrDefault(kind, Map.of()));
      fiveXx += statuses.entrySet().stream().filter(e -> e.getKey() >= 500 || e.getKey() < 100).mapToLong(Map.Entry::getValue).sum();
      System.out.printf("%-12s %9d %9d %9d %9d  %s%n", kind, l.size(), pct(l, 50), pct(l, 99), l.isEmpty() ? 0 : l.get(l.size() - 1), statuses);
    }
    System.out.println("5xx or broken: " + fiveXx);
  }

  static long pct(List<Long> sorted, int p) {
    return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  static Thread start(String name, Runnable work) {
    Thread t = new Thread(work, name);
    t.start();
    return t;
  }

  static void join(List<Thread> threads) throws InterruptedException {
    for (Thread t : threads) {
      t.join();
    }
  }

  static boolean running() {
    return System.nanoTime() < deadline;
  }

  static void record(String kind, long nanos, int status) {
    LATENCIES.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>())).add(nanos / 1_000_000);
    STATUSES.computeIfAbsent(kind, k -> new ConcurrentHashMap<>()).merge(status, 1L, Long::sum);
  }

  interface Call {
    int status() throws Exception;
  }

  /** Calls until the time is up, at most one call per {@code everyMillis}. */
  static void loop(String kind, Call call, long everyMillis) {
    while (running()) {
      long start = System.nanoTime();
      int status;
      try {
        status = call.status();
      } catch (Exception e) {
        status = 0; // a broken connection
      }
      long took = System.nanoTime() - start;
      record(kind, took, status);
      sleep(everyMillis - took / 1_000_000);
    }
  }

  static int get(String path, String bearer) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(base.resolve(path.replaceAll("^/", ""))).timeout(Duration.ofSeconds(60));
    if (bearer != null) {
      r.header("Authorization", "Bearer " + bearer);
    }
    return HTTP.send(r.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  static int signIn(String password) throws Exception {
    String form = "j_username=operator&j_password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpRequest r =
        HttpRequest.newBuilder(base.resolve("signin"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    return HTTP.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  static final AtomicLong NEXT_ID = new AtomicLong();

  /** Page views of 2019 with ids of this run: {@code perSecond} (0: as fast as answered). */
  static void ingest(double perSecond, int batch) {
    String run = Long.toString(System.currentTimeMillis(), 36);
    long started = System.nanoTime();
    long sent = 0;
    while (running()) {
      StringBuilder body = new StringBuilder(batch * 200);
      for (int i = 0; i < batch; i++) {
        long n = NEXT_ID.incrementAndGet();
        body.append("{\"id\":\"soak-").append(run).append('-').append(n)
            .append("\",\"type\":\"page.viewed\",\"at\":\"2019-07-").append(String.format("%02d", 1 + n % 28))
            .append("T10:00:00.").append(String.format("%03d", n % 1000)).append("Z\",\"data\":{\"chatcampaign_id\":")
            .append(1 + n % 20).append(",\"visitor_id\":\"sv-").append(n % 10_000).append("\",\"url\":\"https://shop.example/p/")
            .append(n % 500).append("\"}}\n");
      }
      HttpRequest r =
          HttpRequest.newBuilder(base.resolve("api/events"))
              .timeout(Duration.ofSeconds(60))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/x-ndjson")
              .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
              .build();
      long start = System.nanoTime();
      int status;
      try {
        status = HTTP.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (Exception e) {
        status = 0;
      }
      record("ingest", System.nanoTime() - start, status);
      if (status == 200) {
        EVENTS.addAndGet(batch);
      }
      sent += batch;
      if (perSecond > 0) {
        long due = started + (long) (sent / perSecond * 1e9);
        sleep((due - System.nanoTime()) / 1_000_000);
      }
    }
  }

  /** Reads the export at {@code kibPerSecond} until the time is up; waits out a 429. */
  static void slowReader(String path, String bearer, int kibPerSecond) {
    while (running()) {
      HttpRequest r =
          HttpRequest.newBuilder(base.resolve(path.replaceAll("^/", "")))
              .header("Authorization", "Bearer " + bearer)
              .build();
      long start = System.nanoTime();
      try {
        HttpResponse<InputStream> response = HTTP.send(r, HttpResponse.BodyHandlers.ofInputStream());
        record("slow-reader", System.nanoTime() - start, response.statusCode());
        try (InputStream in = response.body()) {
          if (response.statusCode() != 200) {
            in.readAllBytes();
            long wait = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(5L);
            sleep(wait * 1000);
            continue;
          }
          byte[] chunk = new byte[kibPerSecond * 1024 / 10];
          while (running()) {
            int n = in.readNBytes(chunk, 0, chunk.length);
            if (n <= 0) {
              break;
            }
            SLOW_BYTES.addAndGet(n);
            sleep(100);
          }
        }
      } catch (IOException e) {
        record("slow-reader", System.nanoTime() - start, 0);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  static void sleep(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(Math.min(millis, Math.max(0, (deadline - System.nanoTime()) / 1_000_000)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
