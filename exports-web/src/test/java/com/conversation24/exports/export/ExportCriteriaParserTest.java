package com.conversation24.exports.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.conversation24.campaigns.platform.InvalidInputException;
import com.conversation24.exports.csv.CsvFormat;
import com.conversation24.exports.reports.AccountScope;
import com.conversation24.exports.reports.Report;
import com.conversation24.exports.reports.ReportCriteria;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The criteria rules of REPORTS.md "Common rules", on a request made at 2026-03-15 10:00 UTC (11:00
 * in Amsterdam, a fortnight before its clocks go forward on 2026-03-29).
 */
class ExportCriteriaParserTest {

  private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
  private static final ExportCriteriaParser PARSER =
      new ExportCriteriaParser(Clock.fixed(NOW, ZoneOffset.UTC));
  private static final Requester ACCOUNT_7 = Requester.ofAccount(7);

  private static Map<String, List<String>> query(String... pairs) {
    Map<String, List<String>> query = new HashMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      query
          .computeIfAbsent(pair.substring(0, eq), k -> new ArrayList<>())
          .add(pair.substring(eq + 1));
    }
    return query;
  }

  private static ExportCriteria parse(Report report, String... pairs) {
    return PARSER.parse(report, query(pairs), ACCOUNT_7);
  }

  private static ReportCriteria criteria(String... pairs) {
    return parse(Report.CONVERSATIONS, pairs).criteria();
  }

  private static void assertInvalid(String parameter, Report report, String... pairs) {
    assertThatThrownBy(() -> parse(report, pairs))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo(parameter);
  }

  @Nested
  class NamedRanges {

    @ParameterizedTest(name = "{0} in UTC is [{1}, {2})")
    @CsvSource({
      "today,        2026-03-15T00:00:00Z, 2026-03-16T00:00:00Z",
      "yesterday,    2026-03-14T00:00:00Z, 2026-03-15T00:00:00Z",
      "last_7_days,  2026-03-08T00:00:00Z, 2026-03-15T00:00:00Z",
      "last_30_days, 2026-02-13T00:00:00Z, 2026-03-15T00:00:00Z",
      "this_month,   2026-03-01T00:00:00Z, 2026-04-01T00:00:00Z",
      "last_month,   2026-02-01T00:00:00Z, 2026-03-01T00:00:00Z"
    })
    void rangeInUtc(String range, Instant from, Instant to) {
      ReportCriteria c = criteria("range=" + range);
      assertThat(c.from()).isEqualTo(from);
      assertThat(c.to()).isEqualTo(to);
      assertThat(c.zone()).isEqualTo(ZoneOffset.UTC);
    }

    /** Amsterdam is UTC+1 until 2026-03-29 02:00, then UTC+2: this month lasts 743 hours. */
    @ParameterizedTest(name = "{0} in Europe/Amsterdam is [{1}, {2})")
    @CsvSource({
      "today,        2026-03-14T23:00:00Z, 2026-03-15T23:00:00Z",
      "yesterday,    2026-03-13T23:00:00Z, 2026-03-14T23:00:00Z",
      "last_7_days,  2026-03-07T23:00:00Z, 2026-03-14T23:00:00Z",
      "last_30_days, 2026-02-12T23:00:00Z, 2026-03-14T23:00:00Z",
      "this_month,   2026-02-28T23:00:00Z, 2026-03-31T22:00:00Z",
      "last_month,   2026-01-31T23:00:00Z, 2026-02-28T23:00:00Z"
    })
    void rangeInAmsterdamAcrossTheSpringChange(String range, Instant from, Instant to) {
      ReportCriteria c = criteria("range=" + range, "tz=Europe/Amsterdam");
      assertThat(c.from()).isEqualTo(from);
      assertThat(c.to()).isEqualTo(to);
    }

    @Test
    void todayIsTheLocalDayOfTheRequestNotTheUtcDay() {
      // 10:00 UTC on the 15th is already the 16th in Kiritimati (UTC+14).
      ReportCriteria c = criteria("range=today", "tz=Pacific/Kiritimati");
      assertThat(c.from()).isEqualTo(Instant.parse("2026-03-15T10:00:00Z"));
      assertThat(c.to()).isEqualTo(Instant.parse("2026-03-16T10:00:00Z"));
    }

    @Test
    void lastMonthInJanuaryIsDecemberOfThePreviousYear() {
      ExportCriteriaParser january =
          new ExportCriteriaParser(
              Clock.fixed(Instant.parse("2026-01-10T12:00:00Z"), ZoneOffset.UTC));
      ReportCriteria c =
          january.parse(Report.TRAFFIC, query("range=last_month"), ACCOUNT_7).criteria();
      assertThat(c.from()).isEqualTo(Instant.parse("2025-12-01T00:00:00Z"));
      assertThat(c.to()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }
  }

  @Nested
  class FromAndTo {

    @Test
    void localDatesMeanMidnightInTheZone() {
      ReportCriteria c = criteria("from=2026-03-01", "to=2026-04-01", "tz=Europe/Amsterdam");
      assertThat(c.from()).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
      assertThat(c.to()).isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
    }

    @Test
    void aLocalDateWhoseMidnightDoesNotExistStartsAtTheDaysFirstInstant() {
      // Havana skips from 00:00 to 01:00 on 2026-03-08: the day starts at 01:00 -04:00.
      ReportCriteria c = criteria("from=2026-03-08", "to=2026-03-09", "tz=America/Havana");
      assertThat(c.from()).isEqualTo(Instant.parse("2026-03-08T05:00:00Z"));
      assertThat(c.to()).isEqualTo(Instant.parse("2026-03-09T04:00:00Z"));
    }

    @Test
    void rfc3339InstantsAreTakenAsTheyAreWhateverTheZone() {
      ReportCriteria c =
          criteria(
              "from=2026-03-01T08:30:00+01:00", "to=2026-03-02T00:00:00.250Z", "tz=Asia/Tokyo");
      assertThat(c.from()).isEqualTo(Instant.parse("2026-03-01T07:30:00Z"));
      assertThat(c.to()).isEqualTo(Instant.parse("2026-03-02T00:00:00.250Z"));
      assertThat(c.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    }

    @Test
    void aDateAndAnInstantMix() {
      ReportCriteria c = criteria("from=2026-03-01", "to=2026-03-01T12:00:00Z");
      assertThat(c.from()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
      assertThat(c.to()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
    }

    @Test
    void exactly366LocalDaysIsAllowedAcrossBothDstChanges() {
      ReportCriteria c = criteria("from=2026-03-01", "to=2027-03-02", "tz=Europe/Amsterdam");
      assertThat(c.to()).isEqualTo(Instant.parse("2027-03-01T23:00:00Z"));
    }
  }

  @Nested
  class Filters {

    @Test
    void campaignAndAgentIdsRepeat() {
      ReportCriteria c =
          parse(
                  Report.AGENT_ACTIVITY,
                  "range=today",
                  "chatcampaign_id=3",
                  "chatcampaign_id=12",
                  "agent_id=5")
              .criteria();
      assertThat(c.campaignIds()).containsExactlyInAnyOrder(3L, 12L);
      assertThat(c.agentIds()).containsExactly(5L);
    }

    @Test
    void aReportIgnoresAFilterItDoesNotTake() {
      ReportCriteria c = parse(Report.CONVERSATIONS, "range=today", "agent_id=5").criteria();
      assertThat(c.agentIds()).isEmpty();
    }

    @Test
    void agentsAndHostsIgnoreRangeAndFilters() {
      ExportCriteria agents =
          parse(Report.AGENTS, "range=nonsense", "from=2026-01-01", "chatcampaign_id=3");
      assertThat(agents.criteria().campaignIds()).isEmpty();
      assertThat(agents.fileName(ExportFormat.CSV)).isEqualTo("agents.csv");
      assertThat(parse(Report.HOSTS).fileName(ExportFormat.CSV)).isEqualTo("hosts.csv");
    }

    @Test
    void csvOptions() {
      assertThat(parse(Report.HOSTS).format()).isEqualTo(CsvFormat.DEFAULT);
      assertThat(parse(Report.HOSTS, "delimiter=semicolon", "bom=true").format())
          .isEqualTo(new CsvFormat(';', true));
    }
  }

  @Nested
  class Columns {

    @Test
    void absentIsEveryColumnInTheReportsOrder() {
      assertThat(parse(Report.HOSTS).columnNames())
          .containsExactly("id", "account_id", "hostname", "multiple_acc_id");
    }

    @Test
    void aSubsetKeepsTheReportsOrderWhateverOrderItIsGivenIn() {
      ExportCriteria export = parse(Report.HOSTS, "columns=hostname,id");
      assertThat(export.columnNames()).containsExactly("id", "hostname");
      assertThat(export.columns().stream().map(c -> c.name())).containsExactly("id", "hostname");
    }

    @Test
    void duplicatesAndRepeatsCollapse() {
      assertThat(
              parse(Report.HOSTS, "columns=hostname,id,hostname", "columns=id, multiple_acc_id")
                  .columnNames())
          .containsExactly("id", "hostname", "multiple_acc_id");
    }

    @Test
    void unknownNamesAreRefusedAndListed() {
      assertThatThrownBy(() -> parse(Report.HOSTS, "columns=id,host,Hostname,host"))
          .isInstanceOf(InvalidInputException.class)
          .satisfies(
              e -> {
                assertThat(((InvalidInputException) e).field()).isEqualTo("columns");
                assertThat(e.getMessage())
                    .contains("not columns of the hosts report: host, Hostname (")
                    .contains("its columns: id, account_id, hostname, multiple_acc_id");
              });
    }

    @Test
    void anEmptyValueOrNameIsRefused() {
      assertInvalid("columns", Report.HOSTS, "columns=");
      assertInvalid("columns", Report.HOSTS, "columns=id,,hostname");
      assertInvalid("columns", Report.HOSTS, "columns=id,");
    }
  }

  @Nested
  class DecimalMark {

    @Test
    void aDotUnlessAsked() {
      assertThat(parse(Report.SLOTS, "range=today").format().decimalSeparator()).isEqualTo('.');
      assertThat(parse(Report.SLOTS, "range=today", "decimal=dot").format().decimalSeparator())
          .isEqualTo('.');
    }

    @Test
    void aCommaWithTheSemicolonDelimiter() {
      assertThat(
              parse(Report.SLOTS, "range=today", "delimiter=semicolon", "decimal=comma").format())
          .isEqualTo(new CsvFormat(';', false, ','));
    }

    @Test
    void aCommaWithTheCommaDelimiterIsRefused() {
      assertInvalid("decimal", Report.SLOTS, "range=today", "decimal=comma");
      assertInvalid("decimal", Report.SLOTS, "range=today", "delimiter=comma", "decimal=comma");
      assertInvalid("decimal", Report.SLOTS, "range=today", "delimiter=semicolon", "decimal=point");
    }
  }

  @Nested
  class Tenancy {

    private ReportCriteria as(Requester requester, String... pairs) {
      return PARSER.parse(Report.HOSTS, query(pairs), requester).criteria();
    }

    @Test
    void aCallerSeesOnlyItsAccount() {
      assertThat(as(ACCOUNT_7).scope()).isEqualTo(AccountScope.only(Set.of(7L)));
      assertThat(as(ACCOUNT_7, "account_id=7").scope()).isEqualTo(AccountScope.only(Set.of(7L)));
    }

    @Test
    void aCallerAskingForAnotherAccountIsForbidden() {
      assertThatThrownBy(() -> as(ACCOUNT_7, "account_id=7", "account_id=8"))
          .isInstanceOf(ForeignAccountException.class);
    }

    @Test
    void aCallerWithoutAccountSeesNothing() {
      Requester nobody = new Requester(false, OptionalLong.empty());
      assertThat(as(nobody).scope()).isEqualTo(AccountScope.only(Set.of()));
    }

    @Test
    void anOperatorSeesAllOrTheAccountsItNames() {
      assertThat(as(Requester.platformOperator()).scope()).isEqualTo(AccountScope.ALL);
      assertThat(as(Requester.platformOperator(), "account_id=8", "account_id=9").scope())
          .isEqualTo(AccountScope.only(Set.of(8L, 9L)));
    }

    @Test
    void aMalformedAccountIdIsInvalidEvenForAnOperator() {
      assertThatThrownBy(() -> as(Requester.platformOperator(), "account_id=0"))
          .isInstanceOf(InvalidInputException.class)
          .extracting(e -> ((InvalidInputException) e).field())
          .isEqualTo("account_id");
    }
  }

  @Nested
  class InvalidInput {

    @ParameterizedTest(name = "{0} for {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "to              | range longer than 366 days      | from=2026-01-01 & to=2027-01-03",
          "to              | from equal to to                | from=2026-03-01 & to=2026-03-01",
          "to              | from after to                   | from=2026-03-02 &"
              + " to=2026-03-01T00:00:00Z",
          "range           | both range and from/to          | range=today & from=2026-03-01 &"
              + " to=2026-03-02",
          "range           | neither range nor from/to       | tz=UTC",
          "to              | from without to                 | from=2026-03-01",
          "from            | to without from                 | to=2026-03-01",
          "range           | unknown range                   | range=last_week",
          "tz              | unknown zone                    | range=today & tz=Mars/Olympus",
          "tz              | an offset is not a zone         | range=today & tz=+01:00",
          "from            | no such day                     | from=2026-02-30 & to=2026-03-01",
          "from            | instant without offset          | from=2026-03-01T00:00:00 &"
              + " to=2026-03-02",
          "to              | not a date                      | from=2026-03-01 & to=tomorrow",
          "from            | empty value                     | from= & to=2026-03-02",
          "from            | given twice                     | from=2026-03-01 & from=2026-03-02 &"
              + " to=2026-03-03",
          "chatcampaign_id | not a number                    | range=today & chatcampaign_id=abc",
          "chatcampaign_id | zero                            | range=today & chatcampaign_id=0",
          "agent_id        | negative                        | range=today & agent_id=-4",
          "agent_id        | beyond a long                   | range=today &"
              + " agent_id=99999999999999999999",
          "account_id      | not a number                    | range=today & account_id=seven",
          "delimiter       | unknown delimiter               | range=today & delimiter=tab",
          "bom             | not a boolean                   | range=today & bom=yes"
        })
    void namesTheParameter(String parameter, String rule, String pairs) {
      assertInvalid(parameter, Report.SLOTS, pairs.split("\\s*&\\s*"));
    }

    @Test
    void anUnknownZoneIsInvalidForAgentsToo() {
      assertInvalid("tz", Report.AGENTS, "tz=Nowhere/Town");
    }
  }

  @Nested
  class FileNames {

    @Test
    void localDatesOfTheFirstAndTheLastDayIncluded() {
      assertThat(parse(Report.AGENT_ACTIVITY, "range=this_month", "tz=Europe/Amsterdam").fileName(ExportFormat.CSV))
          .isEqualTo("agent-activity_2026-03-01_2026-03-31.csv");
      assertThat(parse(Report.AUTOMATIC_INVITES, "range=yesterday").fileName(ExportFormat.CSV))
          .isEqualTo("automatic-invites_2026-03-14_2026-03-14.csv");
    }

    @Test
    void instantsArePrintedAsTheirLocalDateInTheZone() {
      // 23:30 UTC is already the next day in Amsterdam.
      assertThat(
              parse(
                      Report.TRAFFIC,
                      "from=2026-03-01T23:30:00Z",
                      "to=2026-03-05T12:00:00Z",
                      "tz=Europe/Amsterdam")
                  .fileName(ExportFormat.CSV))
          .isEqualTo("traffic_2026-03-02_2026-03-05.csv");
    }
  }

  @Test
  void aMalformedFilterIsRefusedEvenByAReportThatIgnoresIt() {
    assertInvalid("agent_id", Report.TRAFFIC, "range=today", "agent_id=1;SELECT SLEEP(5)");
    assertInvalid("chatcampaign_id", Report.AGENTS, "chatcampaign_id=-5");
    // Well-formed, it is ignored as REPORTS.md says.
    assertThat(parse(Report.TRAFFIC, "range=today", "agent_id=4").criteria().agentIds()).isEmpty();
  }
}
