package com.conversation24.exports.links;

import com.conversation24.campaigns.platform.InvalidInputException;
import com.conversation24.exports.export.ExportCriteria;
import com.conversation24.exports.export.ExportCriteriaParser;
import com.conversation24.exports.export.ExportService;
import com.conversation24.exports.export.NotPermittedException;
import com.conversation24.exports.export.RequestLimiter;
import com.conversation24.exports.export.Requester;
import com.conversation24.exports.links.PublicLinkRepository.NewLink;
import com.conversation24.exports.reports.PublicBaseUrl;
import com.conversation24.exports.reports.Report;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Public links: admins create, list, rotate and revoke their account's links (operators list and
 * revoke every account's), and anyone holding a link's URL gets its report. The one service both
 * the REST API and the console call.
 *
 * <p>A link stores its criteria as export parameters and they are parsed again at each access by
 * {@link ExportService#criteria}, with the link's account as the requester: a relative range moves
 * with the clock, and the tenancy rules are the export API's own. Nothing of the public request
 * reaches the criteria, so a URL cannot widen them.
 */
@ApplicationScoped
public class PublicLinkService {

  /** How many accesses a link's log shows (and keeps) at most. */
  public static final int ACCESS_LOG_LIMIT = PublicLinkRepository.KEPT_ACCESSES;

  static final int LABEL_MAX = 190;

  private static final Logger LOG = Logger.getLogger(PublicLinkService.class.getName());

  @Inject PublicLinkRepository links;

  @Inject ExportService exports;

  @Inject Clock clock;

  /** Where the access log of a refused request is written: after the answer (see open). */
  @Inject Executor executor;
  /** Where the limits' buckets are kept: the cluster's data grid (decision 25). */
  @Inject ProxyManager<String> buckets;

  @Inject
  @ConfigProperty(name = "EXPORTS_PUBLIC_BASE_URL")
  String publicBaseUrl;

  @Inject
  @ConfigProperty(name = "EXPORTS_PUBLIC_LINK_LIMIT_PER_TOKEN", defaultValue = "30")
  int limitPerToken;

  @Inject
  @ConfigProperty(name = "EXPORTS_PUBLIC_LINK_LIMIT_PER_ADDRESS", defaultValue = "60")
  int limitPerAddress;

  @Inject
  @ConfigProperty(name = "EXPORTS_PUBLIC_LINK_LIMIT_PERIOD_SECONDS", defaultValue = "60")
  int limitPeriodSeconds;

  private RequestLimiter perToken;
  private RequestLimiter perAddress;

  @PostConstruct
  void startLimiters() {
    Duration period = Duration.ofSeconds(limitPeriodSeconds);
    perToken = new RequestLimiter(buckets, "public-link-token", limitPerToken, period);
    perAddress = new RequestLimiter(buckets, "public-link-address", limitPerAddress, period);
  }

  /**
   * Creates a link for the admin's account.
   *
   * @throws InvalidInputException naming the field or criterion at fault
   * @throws NotPermittedException for an operator: exposing an account's data is its admin's call
   */
  @Transactional
  public IssuedLink create(LinkRequest request, LinkManager manager) {
    if (manager.accountId().isEmpty()) {
      throw new NotPermittedException("public links are created by an admin of the account");
    }
    long account = manager.accountId().getAsLong();
    Report report = report(request.report());
    LinkCriteria criteria = criteria(report, request, account);
    Optional<String> label = label(request.label());
    Instant now = clock.instant();
    if (request.expiresAt().isPresent() && !request.expiresAt().get().isAfter(now)) {
      throw new InvalidInputException("expiresAt", "must be in the future");
    }
    PublicLinkToken token = PublicLinkToken.generate();
    PublicLink link =
        links.add(
            new NewLink(
                account,
                report.urlName(),
                criteria,
                label,
                token.hash(),
                manager.name(),
                now,
                request.expiresAt()));
    return new IssuedLink(link, url(token));
  }

  /**
   * The links the manager sees, newest first: an admin's account's, or an operator's choice (one
   * account, or all).
   *
   * @throws NotPermittedException when an admin asks for another account
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<PublicLink> list(LinkManager manager, OptionalLong account) {
    if (manager.operator()) {
      return links.list(account);
    }
    if (account.isPresent() && !account.equals(manager.accountId())) {
      throw new NotPermittedException("not your account");
    }
    return links.list(manager.accountId());
  }

  /** The link, if it exists and the manager manages it (a foreign link is as good as absent). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<PublicLink> find(long id, LinkManager manager) {
    return links.byId(id).filter(manager::manages);
  }

  /** Revokes the link at once; false when there is no such link for this manager. */
  @Transactional
  public boolean revoke(long id, LinkManager manager) {
    Optional<PublicLink> link = find(id, manager);
    link.ifPresent(l -> links.revoke(l.id(), clock.instant()));
    return link.isPresent();
  }

  /**
   * Revokes every live link of an account: the admin's own, or the one an operator names.
   *
   * @return how many were revoked
   */
  @Transactional
  public int revokeAll(LinkManager manager, OptionalLong account) {
    if (manager.operator()) {
      if (account.isEmpty()) {
        throw new InvalidInputException("accountId", "operators name the account whose links to revoke");
      }
      return links.revokeAll(account.getAsLong(), clock.instant());
    }
    if (account.isPresent() && !account.equals(manager.accountId())) {
      throw new NotPermittedException("not your account");
    }
    return links.revokeAll(manager.accountId().getAsLong(), clock.instant());
  }

  /**
   * Gives the link a new token, same settings; the old URL is dead from this commit on.
   *
   * @throws LinkRevokedException for a revoked link
   * @throws NotPermittedException for an operator: a new URL is a new publication, the admin's call
   */
  @Transactional
  public Optional<IssuedLink> rotate(long id, LinkManager manager) {
    if (manager.operator()) {
      throw new NotPermittedException("public links are rotated by an admin of the account");
    }
    Optional<PublicLink> found = find(id, manager);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    if (found.get().revokedAt().isPresent()) {
      throw new LinkRevokedException(id);
    }
    PublicLinkToken token = PublicLinkToken.generate();
    links.replaceToken(id, token.hash(), clock.instant());
    return Optional.of(new IssuedLink(links.byId(id).orElseThrow(), url(token)));
  }

  /** The link's most recent accesses, newest first; empty when not the manager's link. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<List<LinkAccess>> accesses(long id, LinkManager manager) {
    return find(id, manager).map(link -> links.accesses(link.id(), ACCESS_LOG_LIMIT));
  }

  /**
   * Answers a request for a public link, without credentials. The address is limited before
   * anything is read (guessing costs the guesser), then the token, whatever it names.
   *
   * <p>Only requests that name a link are logged (the log is the link's, for its admin), and the
   * log keeps each link's newest {@link #ACCESS_LOG_LIMIT}: unknown tokens and an address's 429s
   * cannot grow it. A refusal of a link that exists (revoked, expired, limited) is logged on
   * another thread, after the answer: a 404 for a revoked link then costs what one for a token
   * never issued costs, one lookup, and its time tells them apart no more than its bytes do.
   *
   * @param tokenText the last segment of the URL, as sent
   * @param clientAddress the client's IP address
   */
  @Transactional
  public PublicAnswer open(String tokenText, String clientAddress) {
    Optional<Duration> addressWait = perAddress.take(clientAddress);
    if (addressWait.isPresent()) {
      return new PublicAnswer.Limited(RequestLimiter.seconds(addressWait.get()));
    }
    Optional<PublicLinkToken> token = PublicLinkToken.parse(tokenText);
    if (token.isEmpty()) {
      return new PublicAnswer.NotFound();
    }
    String hash = token.get().hash();
    Optional<PublicLink> found = links.byTokenHash(hash);
    // Keyed by hash whether or not it names a link, so that 429 says nothing about the token.
    Optional<Duration> tokenWait = perToken.take(hash);
    if (tokenWait.isPresent()) {
      found.ifPresent(l -> logLater(l, AccessOutcome.RATE_LIMITED, clientAddress));
      return new PublicAnswer.Limited(RequestLimiter.seconds(tokenWait.get()));
    }
    if (found.isEmpty()) {
      return new PublicAnswer.NotFound();
    }
    PublicLink link = found.get();
    Instant now = clock.instant();
    LinkState state = link.stateAt(now);
    if (state != LinkState.ACTIVE) {
      logLater(
          link,
          state == LinkState.REVOKED ? AccessOutcome.REVOKED : AccessOutcome.EXPIRED,
          clientAddress);
      return new PublicAnswer.NotFound();
    }
    ExportCriteria export;
    try {
      export = resolve(link);
    } catch (InvalidInputException e) {
      // Checked at creation; only a rule changed since can land here. The holder cannot fix it.
      LOG.log(Level.WARNING, "public link " + link.id() + " has criteria no longer valid", e);
      logLater(link, AccessOutcome.FAILED, clientAddress);
      return new PublicAnswer.NotFound();
    }
    links.recordUse(link.id(), now);
    log(OptionalLong.of(link.id()), AccessOutcome.SERVED, clientAddress);
    return new PublicAnswer.Served(link, export);
  }

  /** Logs that a served report broke off while being written (the 200 was already sent). */
  @Transactional
  public void failed(PublicLink link, String clientAddress) {
    log(OptionalLong.of(link.id()), AccessOutcome.FAILED, clientAddress);
  }

  /** The link's criteria resolved now, exactly as its account's own export would resolve them. */
  ExportCriteria resolve(PublicLink link) {
    Report report =
        Report.named(link.report())
            .orElseThrow(() -> new InvalidInputException("report", "no report " + link.report()));
    return exports.criteria(
        report, link.criteria().parameters(), Requester.ofAccount(link.accountId()));
  }

  private void log(OptionalLong linkId, AccessOutcome outcome, String clientAddress) {
    links.recordAccess(new LinkAccess(linkId, clock.instant(), outcome, clientAddress));
  }

  /** A log entry written on another thread; a lost one (the process died) is only a log line. */
  private void logLater(PublicLink link, AccessOutcome outcome, String clientAddress) {
    LinkAccess access =
        new LinkAccess(OptionalLong.of(link.id()), clock.instant(), outcome, clientAddress);
    executor.execute(
        () -> {
          try {
            links.recordAccess(access);
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not log an access to public link " + link.id(), e);
          }
        });
  }

  private String url(PublicLinkToken token) {
    return PublicBaseUrl.withoutTrailingSlash(publicBaseUrl) + "/public/reports/" + token.value();
  }

  private static Report report(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("report", "required");
    }
    return Report.named(name)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "report",
                    "one of "
                        + Arrays.stream(Report.values())
                            .map(Report::urlName)
                            .collect(Collectors.joining(", "))));
  }

  /**
   * Only the report's own criteria, never {@code account_id}; then the export parser's rules, with
   * the account as requester, so that a link that would fail later fails now.
   */
  private LinkCriteria criteria(Report report, LinkRequest request, long account) {
    Set<String> allowed = Set.copyOf(report.criteria());
    for (String name : request.criteria().keySet()) {
      if (name.equals(ExportCriteriaParser.ACCOUNT_ID)) {
        throw new InvalidInputException(name, "a public link always covers its own account only");
      }
      if (!allowed.contains(name)) {
        throw new InvalidInputException(
            name, "not a criterion of the " + report.urlName() + " report");
      }
    }
    LinkCriteria criteria = new LinkCriteria(request.criteria());
    exports.criteria(report, criteria.parameters(), Requester.ofAccount(account));
    return criteria;
  }

  private static Optional<String> label(Optional<String> label) {
    Optional<String> trimmed = label.map(String::strip).filter(l -> !l.isEmpty());
    if (trimmed.isPresent() && trimmed.get().length() > LABEL_MAX) {
      throw new InvalidInputException("label", "at most " + LABEL_MAX + " characters");
    }
    return trimmed;
  }
}
