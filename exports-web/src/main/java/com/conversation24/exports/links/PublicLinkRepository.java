package com.conversation24.exports.links;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where public links and their access log are kept. Links are never deleted: a revoked link stays
 * listed (and its log readable), and its token hash keeps answering "revoked" in the log.
 */
public interface PublicLinkRepository {

  /** Accesses kept per link: the newest, as many as its log shows. */
  int KEPT_ACCESSES = 200;

  /** The values of a new link; the repository gives it its id. */
  record NewLink(
      long accountId,
      String report,
      LinkCriteria criteria,
      Optional<String> label,
      String tokenHash,
      String createdBy,
      Instant createdAt,
      Optional<Instant> expiresAt) {}

  PublicLink add(NewLink link);

  Optional<PublicLink> byId(long id);

  /** The link whose current token has this hash, whatever its state. */
  Optional<PublicLink> byTokenHash(String tokenHash);

  /** Newest first; empty account means every account. */
  List<PublicLink> list(OptionalLong accountId);

  /** Revokes it unless already revoked; whether it was live. */
  boolean revoke(long id, Instant at);

  /** Revokes every live link of the account; how many. */
  int revokeAll(long accountId, Instant at);

  /** Gives the link a new token; the old hash matches nothing from then on. */
  void replaceToken(long id, String tokenHash, Instant at);

  /** Counts a served request. */
  void recordUse(long id, Instant at);

  /** Logs an access to a link, keeping the link's newest {@link #KEPT_ACCESSES} only. */
  void recordAccess(LinkAccess access);

  /** The link's accesses, newest first, at most {@code limit}. */
  List<LinkAccess> accesses(long linkId, int limit);
}
