package com.conversation24.app.simulator;

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
import java.util.List;

/**
 * Posts the lines to a running server's {@code POST /api/events} as NDJSON batches, with a token
 * of the {@code ingest} role, and adds up its answers. A batch that fails in transport or with a
 * 5xx is sent again (resending is always safe: the events come back as duplicates).
 */
public final class EventPoster implements NdjsonOutput {

  private static final int ATTEMPTS = 5;
  private static final int REASONS_KEPT = 10;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI events;
  private final String token;
  private final int batchSize;
  private final StringBuilder batch = new StringBuilder(1 << 20);
  private int inBatch;
  private long accepted;
  private long duplicates;
  private long rejected;
  private final List<String> reasons = new ArrayList<>();

  /**
   * @param server the server's base URL ({@code http://localhost:8080}) or its events URL
   * @param batchSize events per request, at most 10,000 (the server's limit)
   */
  public EventPoster(String server, String token, int batchSize) {
    if (batchSize < 1 || batchSize > 10_000) {
      throw new IllegalArgumentException("batch: 1 to 10000 events");
    }
    String base = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
    this.events = URI.create(base.endsWith("/api/events") ? base : base + "/api/events");
    this.token = token;
    this.batchSize = batchSize;
  }

  @Override
  public void write(String line) throws IOException {
    batch.append(line).append('\n');
    if (++inBatch >= batchSize) {
      flush();
    }
  }

  @Override
  public void close() throws IOException {
    flush();
  }

  public long accepted() {
    return accepted;
  }

  public long duplicates() {
    return duplicates;
  }

  public long rejected() {
    return rejected;
  }

  /** The first rejections' reasons as the server gave them. */
  public List<String> reasons() {
    return List.copyOf(reasons);
  }

  private void flush() throws IOException {
    if (inBatch == 0) {
      return;
    }
    byte[] body = batch.toString().getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(events)
            .timeout(Duration.ofMinutes(5))
            .header("Content-Type", "application/x-ndjson")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    HttpResponse<String> answer = send(request);
    JsonObject json = Json.createReader(new StringReader(answer.body())).readObject();
    accepted += json.getInt("accepted");
    duplicates += json.getInt("duplicates");
    for (JsonValue r : json.getJsonArray("rejected")) {
      rejected++;
      if (reasons.size() < REASONS_KEPT) {
        reasons.add(r.toString());
      }
    }
    batch.setLength(0);
    inBatch = 0;
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException {
    IOException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200) {
          return answer;
        }
        IOException failure =
            new IOException(events + " answered " + answer.statusCode() + ": " + answer.body());
        if (answer.statusCode() < 500) {
          throw failure; // the same request would get the same answer
        }
        last = failure;
      } catch (java.net.ConnectException | java.net.http.HttpTimeoutException e) {
        last = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      pause(attempt);
    }
    throw last;
  }

  private static void pause(int attempt) throws IOException {
    try {
      Thread.sleep(1000L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
