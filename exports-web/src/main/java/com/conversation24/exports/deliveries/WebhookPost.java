package com.conversation24.exports.deliveries;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * POSTs a delivery to a webhook: the body (the file, or a JSON document with the link past the
 * attachment size), the delivery's id (the same on every attempt, for the receiver to drop
 * repeats), the attempt's number, the timestamp and the signature over both. Redirects are not
 * followed: the URL checked is the URL called. Any 2xx is taken as delivered.
 */
@ApplicationScoped
public class WebhookPost {

  public static final String DELIVERY = "X-C24-Delivery";
  public static final String ATTEMPT = "X-C24-Attempt";
  public static final String TIMESTAMP = "X-C24-Timestamp";
  public static final String SIGNATURE = "X-C24-Signature";

  static final int ANSWER_KEPT = 2000;

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  record Outgoing(URI url, byte[] body, String contentType, String deliveryId, int attempt, long timestamp, String secret) {}

  DeliveryAnswer send(Outgoing post) {
    HttpRequest request =
        HttpRequest.newBuilder(post.url())
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", post.contentType())
            .header("User-Agent", "Conversation24-Deliveries")
            .header(DELIVERY, post.deliveryId())
            .header(ATTEMPT, Integer.toString(post.attempt()))
            .header(TIMESTAMP, Long.toString(post.timestamp()))
            .header(SIGNATURE, new WebhookSignature(post.secret()).sign(post.timestamp(), post.body()))
            .POST(HttpRequest.BodyPublishers.ofByteArray(post.body()))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      String body = response.body() == null ? "" : response.body();
      String kept = body.length() <= ANSWER_KEPT ? body : body.substring(0, ANSWER_KEPT);
      int status = response.statusCode();
      return new DeliveryAnswer(status / 100 == 2, OptionalInt.of(status), Optional.of(kept));
    } catch (IOException e) {
      return DeliveryAnswer.none("no answer: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DeliveryAnswer.none("interrupted");
    }
  }
}
