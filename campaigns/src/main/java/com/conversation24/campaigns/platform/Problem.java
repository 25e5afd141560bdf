package com.conversation24.campaigns.platform;

/**
 * An RFC 9457 problem document. {@code field} (an extension member) names the field or parameter
 * at fault when there is one.
 */
public record Problem(String type, String title, int status, String detail, String field) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public static Problem of(int status, String title, String detail) {
    return new Problem("about:blank", title, status, detail, null);
  }

  public static Problem invalid(String field, String detail) {
    return new Problem("about:blank", "Invalid input", 400, detail, field);
  }
}
