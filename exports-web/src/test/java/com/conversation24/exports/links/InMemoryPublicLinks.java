package com.conversation24.exports.links;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The repository in a map, to test the service's rules without a database. */
final class InMemoryPublicLinks implements PublicLinkRepository {

  private final Map<Long, PublicLink> links = new LinkedHashMap<>();
  private final Map<Long, String> hashes = new LinkedHashMap<>();
  final List<LinkAccess> accesses = new ArrayList<>();
  private long nextId = 1;

  /** What is stored for the link instead of its token. */
  String storedHash(long id) {
    return hashes.get(id);
  }

  @Override
  public PublicLink add(NewLink link) {
    PublicLink stored =
        new PublicLink(
            nextId++,
            link.accountId(),
            link.report(),
            link.criteria(),
            link.label(),
            link.createdBy(),
            link.createdAt(),
            link.expiresAt(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            0);
    links.put(stored.id(), stored);
    hashes.put(stored.id(), link.tokenHash());
    return stored;
  }

  @Override
  public Optional<PublicLink> byId(long id) {
    return Optional.ofNullable(links.get(id));
  }

  @Override
  public Optional<PublicLink> byTokenHash(String tokenHash) {
    return hashes.entrySet().stream()
        .filter(e -> e.getValue().equals(tokenHash))
        .map(e -> links.get(e.getKey()))
        .findFirst();
  }

  @Override
  public List<PublicLink> list(OptionalLong accountId) {
    return links.values().stream()
        .filter(l -> accountId.isEmpty() || l.accountId() == accountId.getAsLong())
        .sorted(Comparator.comparingLong(PublicLink::id).reversed())
        .toList();
  }

  @Override
  public boolean revoke(long id, Instant at) {
    PublicLink l = links.get(id);
    if (l == null || l.revokedAt().isPresent()) {
      return false;
    }
    links.put(id, with(l, l.rotatedAt(), Optional.of(at), l.lastUsedAt(), l.useCount()));
    return true;
  }

  @Override
  public int revokeAll(long accountId, Instant at) {
    int revoked = 0;
    for (PublicLink l : List.copyOf(links.values())) {
      if (l.accountId() == accountId && revoke(l.id(), at)) {
        revoked++;
      }
    }
    return revoked;
  }

  @Override
  public void replaceToken(long id, String tokenHash, Instant at) {
    PublicLink l = links.get(id);
    hashes.put(id, tokenHash);
    links.put(id, with(l, Optional.of(at), l.revokedAt(), l.lastUsedAt(), l.useCount()));
  }

  @Override
  public void recordUse(long id, Instant at) {
    PublicLink l = links.get(id);
    links.put(id, with(l, l.rotatedAt(), l.revokedAt(), Optional.of(at), l.useCount() + 1));
  }

  @Override
  public void recordAccess(LinkAccess access) {
    accesses.add(access);
  }

  @Override
  public List<LinkAccess> accesses(long linkId, int limit) {
    List<LinkAccess> of =
        accesses.stream()
            .filter(a -> a.linkId().isPresent() && a.linkId().getAsLong() == linkId)
            .toList();
    List<LinkAccess> newestFirst = new ArrayList<>(of);
    java.util.Collections.reverse(newestFirst);
    return newestFirst.subList(0, Math.min(limit, newestFirst.size()));
  }

  private static PublicLink with(
      PublicLink l,
      Optional<Instant> rotatedAt,
      Optional<Instant> revokedAt,
      Optional<Instant> lastUsedAt,
      long useCount) {
    return new PublicLink(
        l.id(),
        l.accountId(),
        l.report(),
        l.criteria(),
        l.label(),
        l.createdBy(),
        l.createdAt(),
        l.expiresAt(),
        rotatedAt,
        revokedAt,
        lastUsedAt,
        useCount);
  }
}
