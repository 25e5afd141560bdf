package com.conversation24.exports.reports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The base of the links the application prints or exports ({@code EXPORTS_PUBLIC_BASE_URL}): the
 * Conversations report's {@code transcriptUrl}, the public links' URLs.
 */
@ApplicationScoped
public class PublicBaseUrl {

  @Inject
  @ConfigProperty(name = "EXPORTS_PUBLIC_BASE_URL")
  String configured;

  /** A base set here rather than by configuration. */
  public static PublicBaseUrl of(String url) {
    PublicBaseUrl base = new PublicBaseUrl();
    base.configured = url;
    return base;
  }

  /** The base without a trailing {@code /}. */
  public String value() {
    return withoutTrailingSlash(configured);
  }

  public static String withoutTrailingSlash(String url) {
    return url.replaceAll("/+$", "");
  }
}
