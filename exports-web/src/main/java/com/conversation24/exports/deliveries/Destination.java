package com.conversation24.exports.deliveries;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/** Where a saved export's file goes: email to some addresses, or a webhook. */
public sealed interface Destination {

  /** What the delivery log shows for it: the addresses, or the URL. */
  String describe();

  /** Mail to these addresses (checked when saved), the file attached up to the configured size. */
  record Email(List<String> to) implements Destination {
    public Email {
      to = List.copyOf(to);
      if (to.isEmpty()) {
        throw new IllegalArgumentException("at least one address");
      }
    }

    @Override
    public String describe() {
      return "email " + String.join(", ", to);
    }
  }

  /**
   * A POST of the file to this URL, signed with the secret ({@link WebhookSignature}).
   *
   * @param secret shared with the receiver; shown to the admin when the saved export is created
   */
  record Webhook(URI url, String secret) implements Destination {
    public Webhook {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String describe() {
      return "webhook " + url;
    }

    @Override
    public String toString() {
      return "Webhook[url=" + url + "]";
    }
  }
}
