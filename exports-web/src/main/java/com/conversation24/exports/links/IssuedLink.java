package com.conversation24.exports.links;

import java.util.Objects;

/**
 * A link just created or rotated, with its URL: the only moment the URL (it holds the token) can
 * be shown, since only the token's hash is stored.
 */
public record IssuedLink(PublicLink link, String url) {

  public IssuedLink {
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(url, "url");
  }

  @Override
  public String toString() {
    return "IssuedLink[link=" + link.id() + ", url=hidden]";
  }
}
