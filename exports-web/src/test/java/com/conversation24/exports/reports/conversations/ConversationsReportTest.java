package com.conversation24.exports.reports.conversations;

import static com.conversation24.exports.testing.TestEvents.BASE_URL;
import static com.conversation24.exports.testing.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.conversations.api.ConversationAssigned;
import com.conversation24.conversations.api.ConversationStarted;
import com.conversation24.conversations.api.MessageAuthor;
import com.conversation24.conversations.api.MessagePosted;
import com.conversation24.conversations.api.SurveyResult;
import com.conversation24.exports.reports.AccountScope;
import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.testing.TestEvents;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConversationsReportTest {

  private static List<List<String>> rows(TestEvents log) {
    return ConversationsReport.rows(log.facts(), TestEvents.utcDay(), BASE_URL);
  }

  private static String cell(List<String> row, String column) {
    for (int i = 0; i < ConversationsReport.COLUMNS.size(); i++) {
      if (ConversationsReport.COLUMNS.get(i).name().equals(column)) {
        return row.get(i);
      }
    }
    throw new IllegalArgumentException(column);
  }

  private static List<String> onlyRow(TestEvents log) {
    List<List<String>> rows = rows(log);
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  @Test
  void headerIsTheSeedsColumnOrder() {
    assertThat(ConversationsReport.COLUMNS.stream().map(Column::name))
        .containsExactly(
            "chatcampaign_id",
            "conversation_start",
            "session_id",
            "assigned_agent_id",
            "assigned_agent_account_id",
            "assigned_agent_account_name",
            "last_agent_id",
            "last_agent_account_id",
            "last_agent_account_name",
            "visitor_id",
            "account_id",
            "host_id",
            "num_messages",
            "duration_total_secs",
            "duration_conversation_secs",
            "duration_afterclose_secs",
            "avgMessageLength",
            "maxMessageLength",
            "requestType",
            "requestSource",
            "firstResponseTime",
            "firstReplyTime",
            "avgResponseTime",
            "maxResponseTime",
            "decisionTime",
            "transcriptUrl",
            "acceptUrl",
            "successcode",
            "survey_result",
            "survey_comment",
            "visitor_identifier",
            "blocked",
            "block_reason",
            "goals",
            "totalGoalValue",
            "handlingType");
  }

  @Test
  void conversationWithoutStartedAppearsNowhere() {
    TestEvents log = TestEvents.withAcme();
    log.assigned("s1", "10:00:02", 1001)
        .visitor("s1", "10:00:10", "hello")
        .closed("s1", "10:05:00");

    assertThat(rows(log)).isEmpty();
  }

  @Test
  void messageBeforeStartedStillCounts() {
    TestEvents log = TestEvents.withAcme();
    log.visitor("s1", "09:59:50", "early")
        .started("s1", "10:00:00")
        .assigned("s1", "10:00:02", 1001)
        .agentSays("s1", "10:01:00", 1001, "hi");

    List<String> row = onlyRow(log);

    assertThat(cell(row, "num_messages")).isEqualTo("2");
    assertThat(cell(row, "duration_conversation_secs")).isEqualTo("60");
    assertThat(cell(row, "firstReplyTime")).isEqualTo("70");
    assertThat(cell(row, "firstResponseTime")).isEqualTo("58");
  }

  @Test
  void firstAndLastReceiptNameTheAgentsTheirAccountsAndAccountNames() {
    TestEvents log = TestEvents.withAcme();
    log.started("s1", "10:00:00")
        .assigned("s1", "10:00:02", 1001)
        .assigned("s1", "10:03:00", 1002)
        .assigned("s1", "10:04:00", 4001);

    List<String> row = onlyRow(log);

    assertThat(row.subList(3, 9))
        .containsExactly("1001", "1", "Acme Shop", "4001", "4", "CC Partners BV");
  }

  @Test
  void unknownAgentLeavesItsAccountEmpty() {
    TestEvents log = TestEvents.withAcme();
    log.started("s1", "10:00:00").assigned("s1", "10:00:02", 777);

    assertThat(onlyRow(log).subList(3, 9)).containsExactly("777", "", "", "777", "", "");
  }

  @Test
  void withoutMessagesDurationsAndLengthsAreZeroAndOpenChatHasNoTotal() {
    TestEvents log = TestEvents.withAcme();
    log.started("s1", "10:00:00");

    List<String> row = onlyRow(log);

    assertThat(cell(row, "num_messages")).isEqualTo("0");
    assertThat(cell(row, "duration_total_secs")).isEmpty();
    assertThat(cell(row, "duration_conversation_secs")).isEqualTo("0");
    assertThat(cell(row, "duration_afterclose_secs")).isEmpty();
    assertThat(cell(row, "avgMessageLength")).isEqualTo("0.00");
    assertThat(cell(row, "maxMessageLength")).isEqualTo("0");
    assertThat(cell(row, "handlingType")).isEmpty();
    assertThat(cell(row, "goals")).isEmpty();
    assertThat(cell(row, "totalGoalValue")).isEmpty();
  }

  @Test
  void afterCloseIsZeroWhenTheVisitorWroteNothing() {
    TestEvents log = TestEvents.withAcme();
    log.started("s1", "10:00:00").agentSays("s1", "10:01:00", 1001, "hi").closed("s1", "10:02:00");

    assertThat(cell(onlyRow(log), "duration_afterclose_secs")).isEqualTo("0");
  }

  @Test
  void totalDurationCountsFromSessionStartAndDecisionTimeFromEntryPointShown() {
    TestEvents log = TestEvents.withAcme();
    log.add(
            new ConversationStarted(
                "s1-start",
                at("10:00:00"),
                "s1",
                11,
                "v-1",
                1101,
                OptionalLong.of(4),
                Optional.of("Jan"),
                Optional.of("https://shop.example.com/cart"),
                Optional.of(at("09:55:00")),
                Optional.of(Instant.parse("2026-10-24T09:59:39.500Z"))))
        .closed("s1", "10:10:00");

    List<String> row = onlyRow(log);

    assertThat(cell(row, "duration_total_secs")).isEqualTo("900");
    // 20.5 s rounds half up.
    assertThat(cell(row, "decisionTime")).isEqualTo("21");
    assertThat(cell(row, "host_id")).isEqualTo("4");
    assertThat(cell(row, "acceptUrl")).isEqualTo("https://shop.example.com/cart");
    assertThat(cell(row, "visitor_identifier")).isEqualTo("Jan");
  }

  @Test
  void latestCloseCountsAsAWhole() {
    TestEvents log = TestEvents.withAcme();
    log.started("s1", "10:00:00")
        .visitor("s1", "10:01:00", "bye")
        .closed("s1", "10:02:00")
        .closed("s1", "10:03:00");

    List<String> row = onlyRow(log);

    assertThat(cell(row, "duration_total_secs")).isEqualTo("180");
    assertThat(cell(row, "duration_afterclose_secs")).isEqualTo("120");
  }

  @Test
  void visitorWritingAfterCloseGivesNegativeAfterCloseRoundedAwayFromZero() {
    TestEvents log = TestEvents.withAcme();
    log.started("s1", "10:00:00")
        .closed("s1", "10:02:00")
        .add(
            new MessagePosted(
                "late",
                Instant.parse("2026-10-24T10:02:01.500Z"),
                "s1",
                MessageAuthor.VISITOR,
                OptionalLong.empty(),
                "one more thing"));

    List<String> row = onlyRow(log);

    assertThat(cell(row, "duration_afterclose_secs")).isEqualTo("-2");
    assertThat(cell(row, "duration_conversation_secs")).isEqualTo("122");
  }

  @Test
  void latestSurveyWinsAsAWhole() {
    TestEvents log = TestEvents.withAcme();
    log.started("s1", "10:00:00")
        .survey("s1", "10:05:00", SurveyResult.BAD, "slow")
        .survey("s1", "10:06:00", SurveyResult.GOOD, null);

    List<String> row = onlyRow(log);

    assertThat(cell(row, "survey_result")).isEqualTo("good");
    assertThat(cell(row, "survey_comment")).isEmpty();
  }

  @Test
  void latestSuccessCodeWins() {
    TestEvents log = TestEvents.withAcme();
    log.started("s1", "10:00:00")
        .successCode("s1", "10:05:00", "A")
        .successCode("s1", "10:04:00", "-B");

    assertThat(cell(onlyRow(log), "successcode")).isEqualTo("A");
  }

  @Test
  void repeatedGoalsAreAllListedInTimeOrderAndSummedWithTwoDecimals() {
    TestEvents log = TestEvents.withAcme();
    log.started("s1", "10:00:00")
        .goal("s1", "10:03:00", "newsletter", "5")
        .goal("s1", "10:01:00", "purchase", "19.99")
        .goal("s1", "10:02:00", "purchase", "0.01");

    List<String> row = onlyRow(log);

    assertThat(cell(row, "goals")).isEqualTo("purchase,purchase,newsletter");
    assertThat(cell(row, "totalGoalValue")).isEqualTo("25.00");
  }

  @Test
  void goalValuesSumExactlyBeyondDoublePrecision() {
    TestEvents log = TestEvents.withAcme();
    log.started("s1", "10:00:00")
        .goal("s1", "10:01:00", "big", "999999999999.99")
        .goal("s1", "10:02:00", "cent", "0.01")
        .goal("s1", "10:03:00", "refund", "-0.5");

    assertThat(cell(onlyRow(log), "totalGoalValue")).isEqualTo("999999999999.50");
  }

  @Test
  void visitorIdentifierDefaultsToVisitorAndTheVisitorId() {
    TestEvents log = TestEvents.withAcme();
    log.started("s1", "10:00:00");

    assertThat(cell(onlyRow(log), "visitor_identifier")).isEqualTo("Visitor v-s1");
  }

  @Test
  void blockedShowsTheLatestReason() {
    TestEvents log = TestEvents.withAcme();
    log.started("s1", "10:00:00")
        .blocked("s1", "10:01:00", 1001, "spam")
        .blocked("s1", "10:02:00", 1001, "+second reason");

    List<String> row = onlyRow(log);

    assertThat(cell(row, "blocked")).isEqualTo("yes");
    assertThat(cell(row, "block_reason")).isEqualTo("+second reason");
  }

  @Test
  void notBlockedIsNoWithEmptyReason() {
    TestEvents log = TestEvents.withAcme();
    log.started("s1", "10:00:00");

    List<String> row = onlyRow(log);

    assertThat(cell(row, "blocked")).isEqualTo("no");
    assertThat(cell(row, "block_reason")).isEmpty();
  }

  @Test
  void lengthsCountUnicodeCodePoints() {
    TestEvents log = TestEvents.withAcme();
    log.started("s1", "10:00:00")
        // Two code points (four UTF-16 units): a waving hand and a skin tone.
        .visitor("s1", "10:01:00", "\uD83D\uDC4B\uD83C\uDFFD")
        .agentSays("s1", "10:02:00", 1001, "Zoë")
        .system("s1", "10:03:00", "Bye");

    List<String> row = onlyRow(log);

    assertThat(cell(row, "avgMessageLength")).isEqualTo("2.67");
    assertThat(cell(row, "maxMessageLength")).isEqualTo("3");
  }

  @Test
  void responseWalkStartsAWaitAtAVisitorMessageAndEndsItAtTheNextAgentMessage() {
    TestEvents log = TestEvents.withAcme();
    log.started("s1", "10:00:00")
        .assigned("s1", "10:00:02", 1001)
        .visitor("s1", "10:00:10", "hello")
        .visitor("s1", "10:00:20", "anyone?")
        .system("s1", "10:00:30", "An agent is coming")
        .agentSays("s1", "10:00:40", 1001, "hi")
        .agentSays("s1", "10:01:00", 1001, "how can I help")
        .visitor("s1", "10:02:00", "price?")
        .agentSays("s1", "10:02:45", 1001, "9.99")
        .visitor("s1", "10:03:00", "thanks");

    List<String> row = onlyRow(log);

    // Waits of 30 s and 45 s; the last visitor message is never answered.
    assertThat(cell(row, "avgResponseTime")).isEqualTo("37.50");
    assertThat(cell(row, "maxResponseTime")).isEqualTo("45");
    assertThat(cell(row, "firstReplyTime")).isEqualTo("30");
    assertThat(cell(row, "firstResponseTime")).isEqualTo("38");
  }

  @Test
  void averageResponseRoundsOnceFromTheExactMilliseconds() {
    TestEvents log = TestEvents.withAcme();
    log.started("s1", "10:00:00")
        .add(msg("a", "10:00:10.000", MessageAuthor.VISITOR))
        .add(msg("b", "10:00:20.004", MessageAuthor.AGENT))
        .add(msg("c", "10:01:00.000", MessageAuthor.VISITOR))
        .add(msg("d", "10:01:10.001", MessageAuthor.AGENT));

    List<String> row = onlyRow(log);

    // (10.004 + 10.001) / 2 = 10.0025 s: 10.00, not 10.01 from rounded parts.
    assertThat(cell(row, "avgResponseTime")).isEqualTo("10.00");
    assertThat(cell(row, "maxResponseTime")).isEqualTo("10");
  }

  @Test
  void noReplyWithoutAnAgentMessageAfterTheFirstVisitorMessage() {
    TestEvents log = TestEvents.withAcme();
    log.started("s1", "10:00:00")
        .assigned("s1", "10:00:02", 1001)
        .agentSays("s1", "10:01:00", 1001, "hi")
        .visitor("s1", "10:02:00", "hello");

    List<String> row = onlyRow(log);

    assertThat(cell(row, "firstResponseTime")).isEqualTo("58");
    assertThat(cell(row, "firstReplyTime")).isEmpty();
    assertThat(cell(row, "avgResponseTime")).isEmpty();
    assertThat(cell(row, "maxResponseTime")).isEmpty();
  }

  @Test
  void firstResponseIsTheFirstAgentMessageAfterTheFirstAssignmentTiesOrderedById() {
    TestEvents log = TestEvents.withAcme();
    log.started("s1", "10:00:00")
        .add(
            new MessagePosted(
                "e-1", at("10:00:02"), "s1", MessageAuthor.AGENT, OptionalLong.of(1001), "early"))
        .add(new ConversationAssigned("e-2", at("10:00:02"), "s1", 1001))
        .add(
            new MessagePosted(
                "e-3", at("10:00:02"), "s1", MessageAuthor.AGENT, OptionalLong.of(1001), "now"));

    assertThat(cell(onlyRow(log), "firstResponseTime")).isEqualTo("0");
  }

  @Test
  void noFirstResponseWithoutAReceipt() {
    TestEvents log = TestEvents.withAcme();
    log.started("s1", "10:00:00").agentSays("s1", "10:01:00", 1001, "hi");

    assertThat(cell(onlyRow(log), "firstResponseTime")).isEmpty();
  }

  @Test
  void selfWhenOnlyPrimaryAgentsAreInvolved() {
    TestEvents log = TestEvents.withAcme();
    log.started("s1", "10:00:00")
        .assigned("s1", "10:00:02", 1001)
        .agentSays("s1", "10:01:00", 1002, "hi");

    assertThat(cell(onlyRow(log), "handlingType")).isEqualTo("self");
  }

  @Test
  void externalWhenOnlyCcAgentsAreInvolved() {
    TestEvents log = TestEvents.withAcme();
    log.started("s1", "10:00:00").assigned("s1", "10:00:02", 4001);

    assertThat(cell(onlyRow(log), "handlingType")).isEqualTo("external");
  }

  @Test
  void hybridWhenPrimaryAndCcAgentsBothInvolved() {
    TestEvents log = TestEvents.withAcme();
    log.started("s1", "10:00:00")
        .assigned("s1", "10:00:02", 1001)
        .agentSays("s1", "10:01:00", 4001, "CC agent here")
        .assigned("s1", "10:02:00", 1001);

    List<String> row = onlyRow(log);

    // First and last receipt are both of account 1, and still a cc agent took part.
    assertThat(row.subList(3, 9))
        .containsExactly("1001", "1", "Acme Shop", "1001", "1", "Acme Shop");
    assertThat(cell(row, "handlingType")).isEqualTo("hybrid");
  }

  @Test
  void hybridWhenACcAgentOnlyBlocksTheVisitor() {
    TestEvents log = TestEvents.withAcme();
    log.started("s1", "10:00:00")
        .assigned("s1", "10:00:02", 1001)
        .blocked("s1", "10:01:00", 4001, "spam");

    assertThat(cell(onlyRow(log), "handlingType")).isEqualTo("hybrid");
  }

  @Test
  void agentWithoutKnownAccountCountsAsNotOfThePrimaryAccount() {
    TestEvents log = TestEvents.withAcme();
    log.started("s1", "10:00:00").assigned("s1", "10:00:02", 777);
    log.started("s2", "11:00:00")
        .assigned("s2", "11:00:02", 777)
        .agentSays("s2", "11:01:00", 1001, "hi");

    List<List<String>> rows = rows(log);

    assertThat(cell(rows.get(0), "handlingType")).isEqualTo("external");
    assertThat(cell(rows.get(1), "handlingType")).isEqualTo("hybrid");
  }

  @Test
  void unknownCampaignHasNoAccountAndOnlyExternalAgents() {
    TestEvents log = TestEvents.withAcme();
    log.started("s1", at("10:00:00"), 99, 1101).assigned("s1", "10:00:02", 1001);

    List<String> row = onlyRow(log);

    assertThat(cell(row, "account_id")).isEmpty();
    assertThat(cell(row, "handlingType")).isEqualTo("external");
    ReportCriteria acmeOnly =
        new ReportCriteria(
            TestEvents.DAY,
            TestEvents.DAY.plusSeconds(86400),
            ZoneId.of("UTC"),
            Set.of(),
            Set.of(),
            AccountScope.only(Set.of(1L)));
    assertThat(ConversationsReport.rows(log.facts(), acmeOnly, BASE_URL)).isEmpty();
  }

  @Test
  void requestTypeAndSourceComeFromTheEntryPointAndTheUrlFromTheSession() {
    TestEvents log = TestEvents.withAcme();
    log.started("s1", at("10:00:00"), 11, 1151);
    log.started("s2", at("10:00:01"), 11, 9999);

    List<List<String>> rows = rows(log);

    assertThat(cell(rows.get(0), "requestType")).isEqualTo("invite");
    assertThat(cell(rows.get(0), "requestSource")).isEqualTo("Welcome back");
    assertThat(cell(rows.get(0), "transcriptUrl"))
        .isEqualTo("http://localhost:8080/transcripts/s1");
    assertThat(cell(rows.get(1), "requestType")).isEmpty();
    assertThat(cell(rows.get(1), "requestSource")).isEmpty();
  }

  @Test
  void onlyTheFirstStartedCounts() {
    TestEvents log = TestEvents.withAcme();
    log.started("s1", at("10:00:00"), 11, 1151);
    log.started("s1", at("10:00:00"), 11, 1101);

    List<String> row = onlyRow(log);

    assertThat(cell(row, "requestType")).isEqualTo("invite");
  }

  @Test
  void rangeIsHalfOpenAndRowsSortByStartThenCampaignThenSession() {
    TestEvents log = TestEvents.withAcme();
    log.add(
        new com.conversation24.campaigns.api.CampaignUpdated(
            "c12", at("00:00:00"), 12, 1, "Other"));
    log.started("b", at("10:00:00"), 12, 1101);
    log.started("c", at("10:00:00"), 11, 1101);
    log.started("a", at("10:00:00"), 12, 1101);
    log.started("first", TestEvents.DAY, 11, 1101);
    log.started("next-day", TestEvents.DAY.plusSeconds(86400), 11, 1101);

    assertThat(rows(log).stream().map(r -> cell(r, "session_id")))
        .containsExactly("first", "c", "a", "b");
  }

  @Test
  void campaignFilterKeepsOnlyTheSelectedCampaigns() {
    TestEvents log = TestEvents.withAcme();
    log.started("s1", at("10:00:00"), 11, 1101);
    log.started("s2", at("10:00:00"), 12, 1101);
    ReportCriteria only12 =
        new ReportCriteria(
            TestEvents.DAY,
            TestEvents.DAY.plusSeconds(86400),
            ZoneId.of("UTC"),
            Set.of(12L),
            Set.of(),
            AccountScope.ALL);

    assertThat(ConversationsReport.rows(log.facts(), only12, BASE_URL))
        .extracting(r -> cell(r, "session_id"))
        .containsExactly("s2");
  }

  @Test
  void timesPrintInTheZoneOfTheCriteria() {
    TestEvents log = TestEvents.withAcme();
    log.started("s1", "10:00:00");
    ReportCriteria amsterdam =
        ReportCriteria.all(
            TestEvents.DAY, TestEvents.DAY.plusSeconds(86400), ZoneId.of("Europe/Amsterdam"));

    assertThat(
            cell(
                ConversationsReport.rows(log.facts(), amsterdam, BASE_URL).get(0),
                "conversation_start"))
        .isEqualTo("2026-10-24 12:00:00");
  }

  private static MessagePosted msg(String id, String time, MessageAuthor author) {
    return new MessagePosted(
        id,
        Instant.parse("2026-10-24T" + time + "Z"),
        "s1",
        author,
        author == MessageAuthor.AGENT ? OptionalLong.of(1001) : OptionalLong.empty(),
        "x");
  }
}
