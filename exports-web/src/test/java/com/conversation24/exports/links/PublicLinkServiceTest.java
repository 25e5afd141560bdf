package com.conversation24.exports.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.conversation24.campaigns.platform.InvalidInputException;
import com.conversation24.campaigns.platform.SecretToken;
import com.conversation24.exports.export.ExportCriteria;
import com.conversation24.exports.export.ExportCriteriaParser;
import com.conversation24.exports.export.ExportService;
import com.conversation24.exports.export.NotPermittedException;
import com.conversation24.exports.export.Requester;
import com.conversation24.exports.reports.AccountScope;
import com.conversation24.exports.reports.Report;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.testing.BucketsInMemory;
import com.conversation24.exports.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The rules of public links, with the links in memory and a clock the test moves: 2026-03-15 10:00
 * UTC to start with, a fortnight before Amsterdam's clocks go forward.
 */
class PublicLinkServiceTest {

  private static final Instant START = Instant.parse("2026-03-15T10:00:00Z");
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final LinkManager ADMIN_7 = LinkManager.admin("alice", 7);
  private static final LinkManager ADMIN_8 = LinkManager.admin("bob", 8);
  private static final LinkManager OPERATOR = LinkManager.operator("operator");
  private static final String CLIENT = "198.51.100.7";

  private MovableClock clock;
  /** What the service hands to another thread; the tests run it when they choose. */
  private final List<Runnable> later = new java.util.ArrayList<>();
  private InMemoryPublicLinks store;
  private PublicLinkService service;

  @BeforeEach
  void newService() {
    clock = new MovableClock(START);
    store = new InMemoryPublicLinks();
    service = service(100, 100);
  }

  private PublicLinkService service(int perToken, int perAddress) {
    PublicLinkService s = new PublicLinkService();
    s.links = store;
    s.clock = clock;
    s.executor = later::add;
    // The export service's own parsing, on this test's clock.
    s.exports =
        new ExportService() {
          @Override
          public ExportCriteria criteria(
              Report report, Map<String, List<String>> parameters, Requester requester) {
            return new ExportCriteriaParser(PublicLinkServiceTest.this.clock)
                .parse(report, parameters, requester);
          }
        };
    s.publicBaseUrl = "https://reports.example.com/";
    s.limitPerToken = perToken;
    s.limitPerAddress = perAddress;
    s.limitPeriodSeconds = 60;
    s.buckets = BucketsInMemory.on(clock);
    s.startLimiters();
    return s;
  }

  private IssuedLink create(LinkManager manager, String report, Map<String, List<String>> criteria) {
    return service.create(
        new LinkRequest(report, criteria, Optional.of("weekly"), Optional.empty()), manager);
  }

  private static String token(IssuedLink issued) {
    return issued.url().substring(issued.url().lastIndexOf('/') + 1);
  }

  private ReportCriteria served(String token) {
    PublicAnswer answer = service.open(token, CLIENT);
    assertThat(answer).isInstanceOf(PublicAnswer.Served.class);
    return ((PublicAnswer.Served) answer).export().criteria();
  }

  private static Instant local(String dateTime) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(dateTime), AMSTERDAM).toInstant();
  }

  private AccessOutcome lastOutcome() {
    later.forEach(Runnable::run);
    later.clear();
    return store.accesses.get(store.accesses.size() - 1).outcome();
  }

  @Test
  void theUrlIsThePublicBaseAndAPrefixedTokenWithAtLeast128RandomBits() {
    IssuedLink issued = create(ADMIN_7, "conversations", Map.of("range", List.of("today")));
    assertThat(issued.url()).startsWith("https://reports.example.com/public/reports/c24p_");
    // 32 base64url characters after the prefix: 192 bits.
    assertThat(token(issued)).hasSize("c24p_".length() + 32);
    assertThat(token(create(ADMIN_7, "hosts", Map.of()))).isNotEqualTo(token(issued));
  }

  @Test
  void theStoredValueIsTheTokensSha256NotTheToken() {
    IssuedLink issued = create(ADMIN_7, "conversations", Map.of("range", List.of("today")));
    String stored = store.storedHash(issued.link().id());
    assertThat(stored).isNotEqualTo(token(issued)).doesNotContain(token(issued).substring(5));
    assertThat(stored).isEqualTo(new SecretToken(token(issued)).hash()).hasSize(64);
    assertThat(issued.toString()).doesNotContain(token(issued));
  }

  @Test
  void aRelativeRangeMovesWithTheClock() {
    IssuedLink issued =
        create(
            ADMIN_7,
            "conversations",
            Map.of("range", List.of("last_7_days"), "tz", List.of("Europe/Amsterdam")));

    ReportCriteria march = served(token(issued));
    assertThat(march.from()).isEqualTo(local("2026-03-08T00:00"));
    assertThat(march.to()).isEqualTo(local("2026-03-15T00:00"));

    clock.set(Instant.parse("2026-04-20T10:00:00Z"));
    ReportCriteria april = served(token(issued));
    // Same link, same criteria, resolved against the new now (and the summer offset).
    assertThat(april.from()).isEqualTo(local("2026-04-13T00:00"));
    assertThat(april.to()).isEqualTo(local("2026-04-20T00:00"));
    assertThat(april.zone()).isEqualTo(AMSTERDAM);
  }

  @Test
  void aFixedRangeStaysFixed() {
    IssuedLink issued =
        create(
            ADMIN_7,
            "traffic",
            Map.of("from", List.of("2026-03-01"), "to", List.of("2026-03-08")));
    clock.advance(Duration.ofDays(40));
    ReportCriteria criteria = served(token(issued));
    assertThat(criteria.from()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    assertThat(criteria.to()).isEqualTo(Instant.parse("2026-03-08T00:00:00Z"));
  }

  @Test
  void theLinkSeesOnlyItsAccountAndItsStoredFilters() {
    IssuedLink issued =
        create(
            ADMIN_7,
            "traffic",
            Map.of("range", List.of("this_month"), "chatcampaign_id", List.of("11", "13")));
    ReportCriteria criteria = served(token(issued));
    assertThat(criteria.scope()).isEqualTo(AccountScope.only(Set.of(7L)));
    assertThat(criteria.campaignIds()).containsExactlyInAnyOrder(11L, 13L);
  }

  @Test
  void servingCountsTheUseAndLogsTheAccess() {
    IssuedLink issued = create(ADMIN_7, "hosts", Map.of());
    served(token(issued));
    clock.advance(Duration.ofMinutes(5));
    served(token(issued));

    PublicLink link = service.find(issued.link().id(), ADMIN_7).orElseThrow();
    assertThat(link.useCount()).isEqualTo(2);
    assertThat(link.lastUsedAt()).contains(START.plus(Duration.ofMinutes(5)));
    List<LinkAccess> log = service.accesses(link.id(), ADMIN_7).orElseThrow();
    assertThat(log).hasSize(2);
    assertThat(log.get(0).at()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    assertThat(log.get(0).outcome()).isEqualTo(AccessOutcome.SERVED);
    assertThat(log.get(0).clientAddress()).isEqualTo(CLIENT);
  }

  @Test
  void anExpiredLinkIsNotFound() {
    IssuedLink issued =
        service.create(
            new LinkRequest(
                "hosts", Map.of(), Optional.empty(), Optional.of(START.plus(Duration.ofHours(1)))),
            ADMIN_7);
    served(token(issued));
    clock.advance(Duration.ofHours(1));
    assertThat(service.open(token(issued), CLIENT)).isInstanceOf(PublicAnswer.NotFound.class);
    assertThat(lastOutcome()).isEqualTo(AccessOutcome.EXPIRED);
  }

  @Test
  void aRevokedLinkIsNotFoundAtOnce() {
    IssuedLink issued = create(ADMIN_7, "hosts", Map.of());
    assertThat(service.revoke(issued.link().id(), ADMIN_7)).isTrue();
    assertThat(service.open(token(issued), CLIENT)).isInstanceOf(PublicAnswer.NotFound.class);
    assertThat(lastOutcome()).isEqualTo(AccessOutcome.REVOKED);
  }

  @Test
  void anUnknownOrMalformedTokenIsNotFoundAndLeavesNoRow() {
    assertThat(service.open(PublicLinkToken.generate().value(), CLIENT))
        .isInstanceOf(PublicAnswer.NotFound.class);
    assertThat(service.open("../../etc/passwd", CLIENT)).isInstanceOf(PublicAnswer.NotFound.class);
    assertThat(later).isEmpty();
    assertThat(store.accesses).isEmpty();
  }

  @Test
  void aRevokedLinksNotFoundIsAnsweredBeforeItsAccessIsWritten() {
    IssuedLink issued = create(ADMIN_7, "hosts", Map.of());
    service.revoke(issued.link().id(), ADMIN_7);

    assertThat(service.open(token(issued), CLIENT)).isInstanceOf(PublicAnswer.NotFound.class);
    // Nothing written while answering: the same work as for a token never issued.
    assertThat(store.accesses).isEmpty();
    assertThat(later).hasSize(1);
    assertThat(lastOutcome()).isEqualTo(AccessOutcome.REVOKED);
  }

  @Test
  void anAddressOverItsLimitLeavesNoRowHoweverOftenItAsks() {
    service = service(100, 2);
    for (int i = 0; i < 50; i++) {
      service.open(PublicLinkToken.generate().value(), CLIENT);
    }
    later.forEach(Runnable::run);
    assertThat(store.accesses).isEmpty();
  }

  @Test
  void anOperatorCannotRotateALink() {
    IssuedLink issued = create(ADMIN_7, "hosts", Map.of());
    assertThatThrownBy(() -> service.rotate(issued.link().id(), OPERATOR))
        .isInstanceOf(NotPermittedException.class);
    served(token(issued));
  }

  @Test
  void rotationKeepsTheSettingsAndKillsTheOldToken() {
    IssuedLink first = create(ADMIN_7, "conversations", Map.of("range", List.of("yesterday")));
    IssuedLink second = service.rotate(first.link().id(), ADMIN_7).orElseThrow();

    assertThat(token(second)).isNotEqualTo(token(first));
    assertThat(second.link().id()).isEqualTo(first.link().id());
    assertThat(second.link().criteria()).isEqualTo(first.link().criteria());
    assertThat(second.link().rotatedAt()).contains(START);
    assertThat(service.open(token(first), CLIENT)).isInstanceOf(PublicAnswer.NotFound.class);
    served(token(second));
  }

  @Test
  void aRevokedLinkCannotBeRotatedBackToLife() {
    IssuedLink issued = create(ADMIN_7, "hosts", Map.of());
    service.revoke(issued.link().id(), ADMIN_7);
    assertThatThrownBy(() -> service.rotate(issued.link().id(), ADMIN_7))
        .isInstanceOf(LinkRevokedException.class);
  }

  @Test
  void revokeAllRevokesTheAccountsLinksOnly() {
    IssuedLink mine1 = create(ADMIN_7, "hosts", Map.of());
    IssuedLink mine2 = create(ADMIN_7, "agents", Map.of());
    IssuedLink theirs = create(ADMIN_8, "hosts", Map.of());

    assertThat(service.revokeAll(ADMIN_7, OptionalLong.empty())).isEqualTo(2);
    assertThat(service.open(token(mine1), CLIENT)).isInstanceOf(PublicAnswer.NotFound.class);
    assertThat(service.open(token(mine2), CLIENT)).isInstanceOf(PublicAnswer.NotFound.class);
    served(token(theirs));
  }

  @Nested
  class Tenancy {

    @Test
    void anAdminNeverSeesOrTouchesAnotherAccountsLink() {
      IssuedLink theirs = create(ADMIN_8, "hosts", Map.of());
      long id = theirs.link().id();

      assertThat(service.list(ADMIN_7, OptionalLong.empty())).isEmpty();
      assertThat(service.find(id, ADMIN_7)).isEmpty();
      assertThat(service.revoke(id, ADMIN_7)).isFalse();
      assertThat(service.rotate(id, ADMIN_7)).isEmpty();
      assertThat(service.accesses(id, ADMIN_7)).isEmpty();
      assertThat(service.revokeAll(ADMIN_7, OptionalLong.empty())).isZero();
      assertThatThrownBy(() -> service.list(ADMIN_7, OptionalLong.of(8)))
          .isInstanceOf(NotPermittedException.class);
      assertThatThrownBy(() -> service.revokeAll(ADMIN_7, OptionalLong.of(8)))
          .isInstanceOf(NotPermittedException.class);
      served(token(theirs));
    }

    @Test
    void anOperatorListsAndRevokesAcrossAccountsButCreatesNone() {
      IssuedLink a = create(ADMIN_7, "hosts", Map.of());
      IssuedLink b = create(ADMIN_8, "hosts", Map.of());
      assertThat(service.list(OPERATOR, OptionalLong.empty()))
          .extracting(PublicLink::id)
          .containsExactly(b.link().id(), a.link().id());
      assertThat(service.list(OPERATOR, OptionalLong.of(8)))
          .extracting(PublicLink::id)
          .containsExactly(b.link().id());
      assertThat(service.revoke(a.link().id(), OPERATOR)).isTrue();
      assertThatThrownBy(() -> service.revokeAll(OPERATOR, OptionalLong.empty()))
          .isInstanceOf(InvalidInputException.class);
      assertThat(service.revokeAll(OPERATOR, OptionalLong.of(8))).isEqualTo(1);
      assertThatThrownBy(() -> create(OPERATOR, "hosts", Map.of()))
          .isInstanceOf(NotPermittedException.class);
    }
  }

  @Nested
  class Validation {

    private void assertInvalid(String field, LinkRequest request) {
      assertThatThrownBy(() -> service.create(request, ADMIN_7))
          .isInstanceOf(InvalidInputException.class)
          .extracting(e -> ((InvalidInputException) e).field())
          .isEqualTo(field);
      assertThat(service.list(ADMIN_7, OptionalLong.empty())).isEmpty();
    }

    private LinkRequest request(String report, Map<String, List<String>> criteria) {
      return new LinkRequest(report, criteria, Optional.empty(), Optional.empty());
    }

    @Test
    void theReportMustExist() {
      assertInvalid("report", request("sales", Map.of()));
      assertInvalid("report", request(null, Map.of()));
    }

    @Test
    void aLinkCannotNameAnAccount() {
      assertInvalid(
          "account_id",
          request("conversations", Map.of("range", List.of("today"), "account_id", List.of("8"))));
    }

    @Test
    void onlyTheReportsOwnCriteria() {
      assertInvalid("range", request("hosts", Map.of("range", List.of("today"))));
      assertInvalid("agent_id", request("traffic", Map.of("range", List.of("today"), "agent_id", List.of("1"))));
      assertInvalid("sort", request("traffic", Map.of("range", List.of("today"), "sort", List.of("x"))));
    }

    @Test
    void theExportRulesApplyAtCreation() {
      assertInvalid("range", request("conversations", Map.of()));
      assertInvalid("range", request("conversations", Map.of("range", List.of("last_year"))));
      assertInvalid("tz", request("conversations", Map.of("range", List.of("today"), "tz", List.of("Mars/Base"))));
      assertInvalid("delimiter", request("hosts", Map.of("delimiter", List.of("tab"))));
    }

    @Test
    void theExpiryMustBeInTheFutureAndTheLabelShort() {
      assertInvalid(
          "expiresAt",
          new LinkRequest("hosts", Map.of(), Optional.empty(), Optional.of(START)));
      assertInvalid(
          "label", new LinkRequest("hosts", Map.of(), Optional.of("x".repeat(191)), Optional.empty()));
    }
  }

  @Nested
  class RateLimits {

    @Test
    void aTokenGetsItsAllowanceThen429WithTheWait() {
      service = service(2, 100);
      IssuedLink issued = create(ADMIN_7, "hosts", Map.of());
      served(token(issued));
      served(token(issued));
      PublicAnswer third = service.open(token(issued), "203.0.113.9");
      assertThat(third).isInstanceOf(PublicAnswer.Limited.class);
      // Two a minute: one more after 30 s.
      assertThat(((PublicAnswer.Limited) third).retryAfterSeconds()).isEqualTo(30);
      assertThat(lastOutcome()).isEqualTo(AccessOutcome.RATE_LIMITED);

      clock.advance(Duration.ofSeconds(30));
      served(token(issued));
    }

    @Test
    void anAddressIsLimitedWhateverTokensItTries() {
      service = service(100, 3);
      IssuedLink issued = create(ADMIN_7, "hosts", Map.of());
      service.open(PublicLinkToken.generate().value(), CLIENT);
      service.open(PublicLinkToken.generate().value(), CLIENT);
      served(token(issued));
      assertThat(service.open(token(issued), CLIENT)).isInstanceOf(PublicAnswer.Limited.class);
      // Another address still gets the link.
      assertThat(service.open(token(issued), "192.0.2.1")).isInstanceOf(PublicAnswer.Served.class);
    }
  }
}
