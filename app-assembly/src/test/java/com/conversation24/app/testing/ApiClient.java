package com.conversation24.app.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Talks to the deployed application over HTTP as a client would; keeps cookies per instance. */
public final class ApiClient {

  private final URI base;
  private final HttpClient http;

  public ApiClient(URL base) {
    String b = base.toString();
    this.base = URI.create(b.endsWith("/") ? b : b + "/");
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  public URI uri(String path) {
    return base.resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  public HttpResponse<String> get(String path, String token) {
    return send(request(path, token).GET().build());
  }

  /** A GET that asks for one media type. */
  public HttpResponse<String> get(String path, String token, String accept) {
    return send(request(path, token).header("Accept", accept).GET().build());
  }

  public HttpResponse<String> post(String path, String token, String contentType, String body) {
    return send(
        request(path, token)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  public HttpResponse<String> delete(String path, String token) {
    return send(request(path, token).DELETE().build());
  }

  /** Posts the console's sign-in form; the session cookie stays with this client. */
  public HttpResponse<String> signIn(String username, String password) {
    String form =
        "j_username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&j_password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return post("signin", null, "application/x-www-form-urlencoded", form);
  }

  public static JsonObject json(HttpResponse<String> response) {
    return json(response.body());
  }

  public static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  public static JsonArray jsonArray(String text) {
    return Json.createReader(new StringReader(text)).readArray();
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
