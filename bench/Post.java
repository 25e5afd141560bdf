import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts an NDJSON file to {@code POST /api/events} in batches, from a few client threads, and
 * prints what the server answered and how long it took. Every batch must answer 200; the totals are
 * the server's own counts. Run: {@code java bench/Post.java <base-url> <token> <file> [batch]
 * [threads]}.
 */
public class Post {

  static final Pattern COUNT = Pattern.compile("\"(accepted|duplicates)\"\\s*:\\s*(\\d+)");

  public static void main(String[] args) throws Exception {
    URI events = URI.create(args[0].replaceAll("/$", "") + "/api/events");
    String token = args[1];
    Path file = Path.of(args[2]);
    int batchSize = args.length > 3 ? Integer.parseInt(args[3]) : 5_000;
    int threads = args.length > 4 ? Integer.parseInt(args[4]) : 2;

    List<byte[]> batches = new ArrayList<>();
    long lines = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      ByteArrayOutputStream batch = new ByteArrayOutputStream(batchSize * 256);
      int inBatch = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        batch.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        lines++;
        if (++inBatch == batchSize) {
          batches.add(batch.toByteArray());
          batch.reset();
          inBatch = 0;
        }
      }
      if (inBatch > 0) {
        batches.add(batch.toByteArray());
      }
    }

    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    AtomicInteger next = new AtomicInteger();
    long[] accepted = new long[threads];
    long[] duplicates = new long[threads];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long started = System.nanoTime();
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < threads; w++) {
      int worker = w;
      workers.add(
          pool.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < batches.size(); i = next.getAndIncrement()) {
                  HttpResponse<String> answer =
                      http.send(
                          HttpRequest.newBuilder(events)
                              .timeout(Duration.ofMinutes(5))
                              .header("Authorization", "Bearer " + token)
                              .header("Content-Type", "application/x-ndjson")
                              .POST(HttpRequest.BodyPublishers.ofByteArray(batches.get(i)))
                              .build(),
                          HttpResponse.BodyHandlers.ofString());
                  if (answer.statusCode() != 200) {
                    throw new IOException(
                        "batch " + i + " answered " + answer.statusCode() + ": " + answer.body());
                  }
                  Matcher m = COUNT.matcher(answer.body());
                  while (m.find()) {
                    long n = Long.parseLong(m.group(2));
                    if (m.group(1).equals("accepted")) {
                      accepted[worker] += n;
                    } else {
                      duplicates[worker] += n;
                    }
                  }
                }
                return null;
              }));
    }
    for (Future<?> worker : workers) {
      try {
        worker.get();
      } catch (java.util.concurrent.ExecutionException failed) {
        // The other workers would go on posting: stop them and say so.
        pool.shutdownNow();
        System.err.println("FAILED: " + failed.getCause());
        System.exit(1);
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    pool.shutdown();
    long acceptedTotal = java.util.Arrays.stream(accepted).sum();
    long duplicatesTotal = java.util.Arrays.stream(duplicates).sum();
    System.out.printf(
        "lines=%d batches=%d batch=%d threads=%d accepted=%d duplicates=%d rejected=%d"
            + " seconds=%.2f events_per_s=%.0f%n",
        lines, batches.size(), batchSize, threads, acceptedTotal, duplicatesTotal,
        lines - acceptedTotal - duplicatesTotal, seconds, lines / seconds);
  }
}
