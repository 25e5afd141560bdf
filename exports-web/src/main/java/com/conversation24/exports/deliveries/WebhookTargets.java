package com.conversation24.exports.deliveries;

import com.conversation24.campaigns.platform.InvalidInputException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs a webhook may POST to. In production mode only https, and never this server, a
 * loopback, link-local (cloud metadata at 169.254.169.254) or unspecified address: a saved export
 * must not turn the server into a client of its own or its host's private endpoints. Checked when
 * saved and again before each attempt, because a name can resolve elsewhere later. Development
 * mode (tests, one's own machine) also takes http and the loopback.
 */
final class WebhookTargets {

  static final String FIELD = "destination.url";

  private WebhookTargets() {}

  static URI check(String text, boolean production, String publicBaseUrl) {
    URI url;
    try {
      url = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new InvalidInputException(FIELD, "not a URL: " + e.getReason());
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!url.isAbsolute() || url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new InvalidInputException(FIELD, "an absolute https URL with a host");
    }
    if (url.getUserInfo() != null) {
      throw new InvalidInputException(FIELD, "no user or password in the URL; the signature authenticates");
    }
    if (!production) {
      return url;
    }
    if (!scheme.equals("https")) {
      throw new InvalidInputException(FIELD, "https only");
    }
    String host = url.getHost();
    URI own = URI.create(publicBaseUrl);
    if (own.getHost() != null && own.getHost().equalsIgnoreCase(host)) {
      throw new InvalidInputException(FIELD, "not this server");
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new InvalidInputException(FIELD, "the host " + host + " does not resolve");
    }
    for (InetAddress address : addresses) {
      if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()) {
        throw new InvalidInputException(
            FIELD, "not a loopback, link-local or unspecified address (" + address.getHostAddress() + ")");
      }
      if (isOwn(address)) {
        throw new InvalidInputException(FIELD, "not this server (" + address.getHostAddress() + ")");
      }
    }
    return url;
  }

  private static boolean isOwn(InetAddress address) {
    try {
      return NetworkInterface.getByInetAddress(address) != null;
    } catch (SocketException e) {
      return false;
    }
  }
}
