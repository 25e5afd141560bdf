package com.conversation24.campaigns.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address of the client behind a request, for rate limits (public links, sign-in) and the
 * access log. The peer's
 * address, unless the peer is one of the reverse proxies named in {@code EXPORTS_TRUSTED_PROXIES}:
 * then the right-most {@code X-Forwarded-For} entry that is not a trusted proxy. Entries further
 * left were written by the client and are never believed, so a client cannot pick its own address
 * to escape its limit.
 */
@ApplicationScoped
public class ClientAddresses {

  private static final Logger LOG = Logger.getLogger(ClientAddresses.class.getName());

  /** Only literals: resolving a host name would ask DNS on every request. */
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  @Inject
  @ConfigProperty(name = "EXPORTS_TRUSTED_PROXIES")
  Optional<String> trustedProxies;

  private Set<InetAddress> trusted = Set.of();

  @PostConstruct
  void readTrustedProxies() {
    Set<InetAddress> addresses = new HashSet<>();
    for (String entry : trustedProxies.orElse("").split(",")) {
      String address = entry.strip();
      if (address.isEmpty()) {
        continue;
      }
      Optional<InetAddress> parsed = parse(address);
      if (parsed.isPresent()) {
        addresses.add(parsed.get());
      } else {
        LOG.warning(() -> "EXPORTS_TRUSTED_PROXIES: not an IP address, ignored: " + address);
      }
    }
    trusted = Set.copyOf(addresses);
  }

  public String of(HttpServletRequest request) {
    String peer = request.getRemoteAddr();
    if (!isTrusted(peer)) {
      return peer;
    }
    List<String> hops = new ArrayList<>();
    for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
      for (String hop : header.split(",")) {
        if (!hop.isBlank()) {
          hops.add(hop.strip());
        }
      }
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      Optional<InetAddress> address = parse(hop);
      if (address.isEmpty()) {
        // Our proxy writes addresses; anything else means nothing here can be believed.
        return peer;
      }
      if (!trusted.contains(address.get())) {
        return address.get().getHostAddress();
      }
    }
    return peer;
  }

  private boolean isTrusted(String address) {
    return parse(address).map(trusted::contains).orElse(false);
  }

  private static Optional<InetAddress> parse(String text) {
    if (text == null || !IP_LITERAL.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(text));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
