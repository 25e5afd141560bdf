package com.conversation24.exports.reports.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.exports.reports.AccountScope;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.testing.TestEvents;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HostsReportTest {

  private static List<List<String>> rows(TestEvents log, AccountScope scope) {
    return HostsReport.rows(
        log.facts(),
        new ReportCriteria(
            Instant.EPOCH,
            Instant.EPOCH.plusSeconds(1),
            ZoneId.of("UTC"),
            Set.of(),
            Set.of(),
            scope));
  }

  @Test
  void hostnameSharedAcrossAccountsIgnoringCaseAndOneLeadingWww() {
    TestEvents log = new TestEvents();
    log.host(1, 1, "shop.example.com").host(5, 2, "WWW.Shop.Example.COM").host(8, 3, "evil.test");

    // sha256("shop.example.com") begins with 951623a26f8b3388.
    assertThat(rows(log, AccountScope.ALL))
        .containsExactly(
            List.of("1", "1", "shop.example.com", "951623a26f8b3388"),
            List.of("5", "2", "WWW.Shop.Example.COM", "951623a26f8b3388"),
            List.of("8", "3", "evil.test", ""));
  }

  @Test
  void severalHostsOfOneAccountDoNotMakeANameMultiple() {
    TestEvents log = new TestEvents();
    log.host(3, 1, "blog.acme.test").host(4, 1, "BLOG.acme.test");

    assertThat(rows(log, AccountScope.ALL)).extracting(r -> r.get(3)).containsExactly("", "");
  }

  @Test
  void onlyOneLeadingWwwIsDropped() {
    assertThat(HostsReport.normalised("www.www.shared.test")).isEqualTo("www.shared.test");
    assertThat(HostsReport.normalised("WWW.shared.test")).isEqualTo("shared.test");
    assertThat(HostsReport.normalised("wwwshared.test")).isEqualTo("wwwshared.test");
  }

  @Test
  void aCallerSeesItsOwnHostsButSharingIsJudgedOverAllAccounts() {
    TestEvents log = new TestEvents();
    log.host(2, 1, "globex.test").host(10, 4, "www.globex.test");

    assertThat(rows(log, AccountScope.only(Set.of(4L))))
        .containsExactly(
            List.of("10", "4", "www.globex.test", HostsReport.sourceHash("globex.test")));
  }

  @Test
  void latestUpdateMovesAHostToAnotherAccount() {
    TestEvents log = new TestEvents();
    log.host(2, 1, "www.acme.test")
        .host(13, 4, "Acme.Test")
        .add(
            new com.conversation24.campaigns.api.HostUpdated(
                "h13", TestEvents.DAY.plusSeconds(60), 13, 1, "Acme.Test"));

    assertThat(rows(log, AccountScope.ALL))
        .containsExactly(
            List.of("2", "1", "www.acme.test", ""), List.of("13", "1", "Acme.Test", ""));
  }
}
