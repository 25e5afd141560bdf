import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The clients of the fault test (cluster/fault-test.sh), JDK only: while ingest clients post every
 * batch of a simulator log twice at once through the load balancer (retrying whatever fails) and exporters
 * keep exporting, it kills the member holding a console session with kill -9, starts it again,
 * kills the Galera node being written to, starts it again, and measures what each client saw. It
 * also checks that the console session is still signed in after its member died and that a public
 * link's limit is one limit over all members. Prints the figures; exits 1 if a check fails.
 *
 * <p>Run: {@code java cluster/FaultTest.java <log.ndjson> <out-dir> <from> <to>} with the topology
 * of cluster/lib.sh running; every loop is bounded in count and time.
 */
public class FaultTest {

  static final String LB = "http://127.0.0.1:28080";
  static final String[] MEMBERS = {"http://127.0.0.1:28081", "http://127.0.0.1:28082", "http://127.0.0.1:28083"};
  static final String TOKEN = System.getenv().getOrDefault("CLUSTER_OPERATOR_TOKEN", "c24t_cluster-operator-token-0123456789abcd");
  static final String PASSWORD = System.getenv().getOrDefault("CLUSTER_OPERATOR_PASSWORD", "cluster-operator-password");
  static final int LINK_LIMIT = Integer.parseInt(System.getenv().getOrDefault("FAULT_LINK_LIMIT", "10"));
  static final int BATCH = Integer.parseInt(System.getenv().getOrDefault("FAULT_BATCH", "1000"));
  static final int EXPORTERS = Integer.parseInt(System.getenv().getOrDefault("FAULT_EXPORTERS", "2"));
  /** The ingest is spread over this long at least, so that the faults fall inside it. */
  static final Duration INGEST = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("FAULT_INGEST_SECONDS", "150")));
  static final Duration LIMIT = Duration.ofMinutes(6);
  static final String[] REPORTS = {
    "agent-activity", "agent-performance", "agents", "conversations",
    "automatic-invites", "hosts", "traffic", "slots"
  };
  static final Pattern COUNT = Pattern.compile("\"(accepted|duplicates)\"\\s*:\\s*(\\d+)");

  static final long T0 = System.nanoTime();
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(3)).build();
  static final List<String> failures = Collections.synchronizedList(new ArrayList<>());
  /** Each failed attempt of an ingest request: when it ended, seconds since the start. */
  static final ConcurrentLinkedQueue<Double> ingestFailures = new ConcurrentLinkedQueue<>();
  static final ConcurrentLinkedQueue<Double> exportFailures = new ConcurrentLinkedQueue<>();
  static final AtomicLong accepted = new AtomicLong();
  static final AtomicLong duplicates = new AtomicLong();
  static final AtomicLong rejected = new AtomicLong();
  static final AtomicLong ingestRequests = new AtomicLong();
  static final AtomicLong exportsOk = new AtomicLong();
  static final AtomicBoolean ingesting = new AtomicBoolean(true);

  public static void main(String[] args) {
    try {
      run(args);
    } catch (Throwable t) {
      // Exit whatever the clients' threads are doing: the script waits for this process.
      t.printStackTrace();
      System.exit(1);
    }
    System.exit(failures.isEmpty() ? 0 : 1);
  }

  static void run(String[] args) throws Exception {
    Path log = Path.of(args[0]);
    Path out = Path.of(args[1]);
    String from = args[2];
    String to = args[3];
    Files.createDirectories(out);
    List<byte[]> batches = batches(log);
    long lines = Files.lines(log).count();
    say("%d events in %d batches of %d; each batch posted twice at once through %s, the batches over %d s",
        lines, batches.size(), BATCH, LB, INGEST.toSeconds());

    Console console = Console.signIn();

    ExecutorService pool = Executors.newFixedThreadPool(3 + EXPORTERS);
    List<Future<?>> ingest = new ArrayList<>();
    ingest.add(pool.submit(() -> {
      ingestLoop(batches, pool);
      return null;
    }));
    for (int e = 0; e < EXPORTERS; e++) {
      int first = e;
      pool.submit(() -> exportLoop(first, from, to));
    }

    // Once the first batches (the accounts) are in: a public link, asked from the members in turn.
    sleepUntil(8);
    String link = publicLink();
    int allowed = hitLink(link, LINK_LIMIT * 3);
    say("public link, limit %d per token: %d of %d requests over the three members allowed", LINK_LIMIT, allowed, LINK_LIMIT * 3);
    check(allowed == LINK_LIMIT, "public link limit shared: " + allowed + " allowed, limit " + LINK_LIMIT);

    // The member serving the console session dies first.
    int victim = console.member();
    sleepUntil(20);
    double memberKilled = now();
    run("kill-member", victim);
    say("killed member%d (kill -9), the one holding the console session", victim);
    sleepUntil(memberKilled + 4);
    boolean signedIn = console.stillSignedIn();
    int served = console.member();
    say("console session after its member died: %s (served by member%d)", signedIn ? "still signed in" : "NOT signed in", served);
    check(signedIn && served != victim, "console session survives its member's death");
    int afterDeath = hitLink(link, LINK_LIMIT);
    say("public link after the death: %d of %d more requests allowed (the spent bucket survived)", afterDeath, LINK_LIMIT);
    check(afterDeath <= 1, "the link's bucket survives the member's death: " + afterDeath + " allowed");
    sleepUntil(memberKilled + 10);
    double memberRestart = now();
    run("start-member", victim);
    run("member-ready", victim);
    double memberBack = waitLb("members", "member" + victim, 120);
    say("member%d started again: serving through the load balancer %.1f s after its start (%.1f s after the kill)",
        victim, memberBack - memberRestart, memberBack - memberKilled);

    sleepUntil(Math.max(memberBack + 10, 75));
    int node = writtenNode();
    double nodeKilled = now();
    run("kill-galera", node);
    say("killed galera%d (kill -9), the node HAProxy writes to", node);
    sleepUntil(nodeKilled + 10);
    double nodeRestart = now();
    run("start-galera", node);
    double nodeBack = waitLb("galera", "galera" + node, 120);
    say("galera%d started again: synced and checked UP %.1f s after its start (%.1f s after the kill)",
        node, nodeBack - nodeRestart, nodeBack - nodeKilled);

    for (Future<?> client : ingest) {
      client.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
    }
    double ingestEnd = now();
    ingesting.set(false);
    pool.shutdown();
    pool.awaitTermination(2, TimeUnit.MINUTES);

    double memberGap = gap(ingestFailures, memberKilled, nodeKilled);
    double nodeGap = gap(ingestFailures, nodeKilled, ingestEnd);
    say("ingest: %d requests answered in %.1f s; accepted %d, duplicates %d, rejected %d (sent %d events twice: %d)",
        ingestRequests.get(), ingestEnd, accepted.get(), duplicates.get(), rejected.get(), lines, 2 * lines);
    say("ingest attempts that failed and were retried: %d (%d after the member's kill, %d after the node's)",
        ingestFailures.size(), count(ingestFailures, memberKilled, nodeKilled), count(ingestFailures, nodeKilled, ingestEnd));
    say("recovery: requests failed for %.1f s after the member's kill, %.1f s after the node's", memberGap, nodeGap);
    say("exports during the test: %d complete, %d failed (%d after the member's kill, %d after the node's)",
        exportsOk.get(), exportFailures.size(), count(exportFailures, memberKilled, nodeKilled), count(exportFailures, nodeKilled, Double.MAX_VALUE));
    check(rejected.get() == 0, "no event rejected");
    check(accepted.get() + duplicates.get() == 2 * lines, "every send answered: accepted + duplicates = 2 x events");
    check(exportsOk.get() > 0, "exports kept being answered");

    // The reports once everything is in, through the load balancer, for comparison with a single
    // member's (the script compares the bytes).
    for (String report : REPORTS) {
      Files.write(out.resolve(report + ".csv"), export(report, from, to));
    }
    say("eight reports exported to %s", out);
    Files.writeString(out.resolve("figures.txt"), String.format(Locale.ROOT,
        "accepted=%d%nduplicates=%d%nrejected=%d%nretried=%d%nmember_gap=%.1f%nnode_gap=%.1f%n",
        accepted.get(), duplicates.get(), rejected.get(), ingestFailures.size(), memberGap, nodeGap));
    if (!failures.isEmpty()) {
      failures.forEach(f -> System.out.println("FAILED: " + f));
      System.exit(1);
    }
    say("all client-side checks passed");
  }

  // ---- ingest and exports ----

  /**
   * The batches in order, each posted twice at the same moment by two clients (through the
   * balancer: to two members, as a platform resending after a timeout would); the next batch once
   * both are answered. Batches are not sent side by side: two batches touching one conversation at
   * once are a known race of the projection on any database (reported apart), not a fault.
   */
  static void ingestLoop(List<byte[]> batches, ExecutorService pool) throws Exception {
    for (int index = 0; index < batches.size(); index++) {
      sleepUntil(INGEST.toMillis() / 1000.0 * index / batches.size());
      int batch = index;
      Future<?> first = pool.submit(() -> post(batches, batch));
      Future<?> second = pool.submit(() -> post(batches, batch));
      first.get();
      second.get();
    }
  }

  static void post(List<byte[]> batches, int index) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(LB + "/api/events"))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "application/x-ndjson")
        .POST(HttpRequest.BodyPublishers.ofByteArray(batches.get(index))).build();
    String body = sendRetrying(request, ingestFailures, 240);
    ingestRequests.incrementAndGet();
    Matcher m = COUNT.matcher(body);
    while (m.find()) {
      (m.group(1).equals("accepted") ? accepted : duplicates).addAndGet(Long.parseLong(m.group(2)));
    }
    if (!body.contains("\"rejected\":[]")) {
      rejected.incrementAndGet();
      failures.add("batch " + index + " had rejections: " + body.substring(0, Math.min(300, body.length())));
    }
  }

  static void exportLoop(int first, String from, String to) {
    for (int i = first; ingesting.get() && now() < LIMIT.toSeconds(); i++) {
      try {
        export(REPORTS[i % REPORTS.length], from, to);
        exportsOk.incrementAndGet();
      } catch (IOException | RuntimeException e) {
        exportFailures.add(now());
        pause(500);
      }
    }
  }

  static byte[] export(String report, String from, String to) throws IOException {
    URI uri = URI.create(LB + "/api/exports/" + report + "?from=" + from + "&to=" + to + "&tz=Europe/Amsterdam");
    HttpResponse<byte[]> answer = send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
        .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    if (answer.statusCode() != 200) {
      throw new IOException(report + " answered " + answer.statusCode());
    }
    return answer.body();
  }

  /** Sends until a 200, at most {@code attempts} times, a second apart; failed attempts are noted. */
  static String sendRetrying(HttpRequest request, ConcurrentLinkedQueue<Double> failed, int attempts) {
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        HttpResponse<String> answer = send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200) {
          return answer.body();
        }
        if (answer.statusCode() < 500 && answer.statusCode() != 429) {
          failures.add(request.uri() + " answered " + answer.statusCode() + ": " + answer.body());
          return "";
        }
      } catch (IOException e) {
        // connection refused or reset: the member or its database went away mid-request
      }
      failed.add(now());
      pause(1000);
    }
    failures.add(request.uri() + ": no answer after " + attempts + " attempts");
    return "";
  }

  static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws IOException {
    try {
      return HTTP.send(request, body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  // ---- public link ----

  /** An admin of account 1 and its token, then a public link of the Traffic report. */
  static String publicLink() throws IOException {
    String admin = "fault-admin-" + System.currentTimeMillis();
    post("/api/admin/accounts/1/users", TOKEN,
        "{\"username\":\"" + admin + "\",\"password\":\"fault-admin-password-0123\",\"role\":\"admin\"}", 201);
    String token = field(post("/api/admin/accounts/1/tokens", TOKEN, "{\"label\":\"fault test\",\"role\":\"admin\"}", 201), "token");
    String url = field(post("/api/public-links", token,
        "{\"report\":\"traffic\",\"criteria\":{\"range\":\"last_7_days\",\"tz\":\"UTC\"},\"label\":\"fault test\"}", 201), "url");
    return url.substring(url.indexOf("/public/"));
  }

  /** Requests the link from the three members in turn; how many were answered (not 429). */
  static int hitLink(String path, int requests) throws IOException {
    int allowed = 0;
    for (int i = 0, member = 0; i < requests; member++) {
      String base = MEMBERS[member % MEMBERS.length];
      HttpResponse<String> answer;
      try {
        answer = send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (IOException dead) {
        if (member > requests * 3) {
          throw dead;
        }
        continue; // a member that is down: the next one
      }
      i++;
      if (answer.statusCode() == 200) {
        allowed++;
      } else if (answer.statusCode() != 429) {
        failures.add("public link answered " + answer.statusCode());
      }
    }
    return allowed;
  }

  static String post(String path, String token, String json, int expected) throws IOException {
    HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(LB + path))
        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != expected) {
      throw new IOException(path + " answered " + answer.statusCode() + ": " + answer.body());
    }
    return answer.body();
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }

  // ---- the console session ----

  /** A browser's sign-in through the load balancer: its cookies name the session and the member. */
  record Console(Map<String, String> cookies) {

    static Console signIn() throws IOException {
      Console console = new Console(new ConcurrentHashMap<>());
      console.get("/login.xhtml");
      String form = "j_username=operator&j_password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
      HttpResponse<String> answer = console.send(HttpRequest.newBuilder(URI.create(LB + "/signin"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)));
      if (answer.statusCode() != 302 || !console.stillSignedIn()) {
        throw new IOException("sign-in answered " + answer.statusCode());
      }
      say("console: signed in as operator through the load balancer, session on member%d", console.member());
      return console;
    }

    boolean stillSignedIn() throws IOException {
      HttpResponse<String> answer = get("/");
      return answer.statusCode() == 200 && signedIn(answer.body());
    }

    int member() {
      String member = cookies.get("EXPORTS_MEMBER");
      if (member == null) {
        throw new IllegalStateException("no EXPORTS_MEMBER cookie from the load balancer: " + cookies.keySet());
      }
      return Integer.parseInt(member.replace("member", ""));
    }

    HttpResponse<String> get(String path) throws IOException {
      return send(HttpRequest.newBuilder(URI.create(LB + path)).GET());
    }

    /** One request with the cookies so far; the cookies it sets are kept (no redirect followed). */
    HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
      if (!cookies.isEmpty()) {
        request.header("Cookie", cookies.entrySet().stream()
            .map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
      }
      HttpResponse<String> answer =
          FaultTest.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      for (String set : answer.headers().allValues("set-cookie")) {
        String pair = set.split(";", 2)[0];
        int eq = pair.indexOf('=');
        if (eq > 0) {
          cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
      }
      return answer;
    }

    /** The console's layout shows sign-out only to a signed-in user. */
    static boolean signedIn(String page) {
      return page.contains("Sign out") && !page.contains("j_password");
    }
  }

  // ---- the topology ----

  static void run(String verb, int n) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("bash", "cluster/node.sh", verb, Integer.toString(n))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      failures.add("node.sh " + verb + " " + n + " failed");
    }
  }

  static String lbState(String backend, String server) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("bash", "cluster/node.sh", "lb-state", backend, server).start();
    String state = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    p.waitFor(30, TimeUnit.SECONDS);
    return state;
  }

  /** When HAProxy sees the server UP again (seconds since the start); bounded. */
  static double waitLb(String backend, String server, int seconds) throws IOException, InterruptedException {
    for (int i = 0; i < seconds * 4; i++) {
      if (lbState(backend, server).startsWith("UP")) {
        return now();
      }
      Thread.sleep(250);
    }
    failures.add(server + " not UP in HAProxy after " + seconds + " s");
    return now();
  }

  /** The Galera node HAProxy sends the connections to: the first UP one (the others are backups). */
  static int writtenNode() throws IOException, InterruptedException {
    for (int n = 1; n <= 3; n++) {
      if (lbState("galera", "galera" + n).startsWith("UP")) {
        return n;
      }
    }
    throw new IllegalStateException("no Galera node UP");
  }

  // ---- helpers ----

  static List<byte[]> batches(Path log) throws IOException {
    List<byte[]> batches = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
      StringBuilder batch = new StringBuilder();
      int n = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        batch.append(line).append('\n');
        if (++n == BATCH) {
          batches.add(batch.toString().getBytes(StandardCharsets.UTF_8));
          batch.setLength(0);
          n = 0;
        }
      }
      if (n > 0) {
        batches.add(batch.toString().getBytes(StandardCharsets.UTF_8));
      }
    }
    return batches;
  }

  /** How long after {@code from} requests kept failing: the last failure before {@code to}. */
  static double gap(ConcurrentLinkedQueue<Double> failed, double from, double to) {
    return failed.stream().filter(t -> t >= from && t < to).mapToDouble(t -> t - from).max().orElse(0);
  }

  static long count(ConcurrentLinkedQueue<Double> failed, double from, double to) {
    return failed.stream().filter(t -> t >= from && t < to).count();
  }

  static double now() {
    return (System.nanoTime() - T0) / 1e9;
  }

  static void sleepUntil(double second) {
    long wait = (long) ((second - now()) * 1000);
    if (wait > 0) {
      pause(wait);
    }
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void check(boolean ok, String what) {
    if (!ok) {
      failures.add(what);
    }
  }

  static void say(String format, Object... args) {
    System.out.printf(Locale.ROOT, "%6.1f s  %s%n", now(), String.format(Locale.ROOT, format, args));
  }
}
