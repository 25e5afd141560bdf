package com.conversation24.exports.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.agents.api.AgentLoggedIn;
import com.conversation24.agents.api.AgentLoggedOut;
import com.conversation24.agents.api.AgentStateChanged;
import com.conversation24.agents.api.AgentUpdated;
import com.conversation24.agents.api.PresenceState;
import com.conversation24.campaigns.api.CampaignUpdated;
import com.conversation24.campaigns.api.EntryPointType;
import com.conversation24.campaigns.api.EntryPointUpdated;
import com.conversation24.campaigns.platform.PlatformEvent;
import com.conversation24.conversations.api.ConversationAssigned;
import com.conversation24.conversations.api.ConversationClosed;
import com.conversation24.conversations.api.ConversationStarted;
import com.conversation24.conversations.api.MessageAuthor;
import com.conversation24.conversations.api.MessagePosted;
import com.conversation24.conversations.api.SurveyResult;
import com.conversation24.conversations.api.SurveySubmitted;
import com.conversation24.exports.reports.agentactivity.AgentActivityReport;
import com.conversation24.exports.reports.agentperformance.AgentPerformanceReport;
import com.conversation24.exports.reports.slots.SlotsReport;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Invariants of the agent reports over random logs of two agents in two campaigns: shifts,
 * presence, chats, messages and surveys at whole seconds on a coarse grid, so that many events
 * share an instant. Whole seconds keep every measure exact, so sums of printed figures must add up
 * without rounding slack.
 */
class AgentReportsPropertiesTest {

  private static final Instant DAY = Instant.parse("2026-10-24T00:00:00Z");
  private static final ReportCriteria WHOLE_DAY =
      ReportCriteria.all(DAY, DAY.plusSeconds(86_400), ZoneOffset.UTC);

  /** One random happening; its kind picks the event, the rest fill it in. */
  record Step(int kind, int second, long agentId, long campaignId, String session, String shift) {}

  @Provide
  Arbitrary<List<PlatformEvent>> logs() {
    return steps(Arbitraries.of(11L, 12L));
  }

  /** Logs in which every presence and chat is in campaign 11, so that n(t) = N(t). */
  @Provide
  Arbitrary<List<PlatformEvent>> oneCampaignLogs() {
    return steps(Arbitraries.just(11L));
  }

  private static Arbitrary<List<PlatformEvent>> steps(Arbitrary<Long> campaigns) {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.integers().between(0, 12),
                Arbitraries.integers().between(0, 40).map(i -> i * 60),
                Arbitraries.of(101L, 102L),
                campaigns,
                Arbitraries.of("s1", "s2", "s3", "s4"),
                Arbitraries.of("w1", "w2"))
            .as(Step::new);
    return step.list().ofMinSize(15).ofMaxSize(80).map(AgentReportsPropertiesTest::events);
  }

  private static List<PlatformEvent> events(List<Step> steps) {
    List<PlatformEvent> events = new ArrayList<>();
    events.add(new CampaignUpdated("c11", DAY, 11, 1, "Support"));
    events.add(new CampaignUpdated("c12", DAY, 12, 1, "Sales"));
    events.add(new EntryPointUpdated("ep11", DAY, 1101, 11, "Chat", EntryPointType.BUTTON));
    events.add(new EntryPointUpdated("ep12", DAY, 1201, 12, "Invite", EntryPointType.INVITE));
    for (long agent : List.of(101L, 102L)) {
      events.add(
          new AgentUpdated(
              "a" + agent,
              DAY,
              agent,
              1,
              "agent" + agent,
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              OptionalInt.of(agent == 101 ? 1 : 2)));
    }
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      String id = String.format("e%03d", i);
      Instant at = DAY.plusSeconds(36_000 + s.second());
      // Sessions s1-s3 belong to the step's campaign family; s4 never starts.
      long sessionCampaign = s.campaignId() == 11 || s.session().equals("s1") ? 11 : 12;
      events.add(
          switch (s.kind()) {
            case 0, 1 -> new AgentLoggedIn(id, at, s.agentId(), s.shift());
            case 2, 3 -> new AgentLoggedOut(id, at, s.agentId(), s.shift());
            case 4, 5 ->
                new AgentStateChanged(id, at, s.agentId(), s.campaignId(), PresenceState.ONLINE);
            case 6 ->
                new AgentStateChanged(id, at, s.agentId(), s.campaignId(), PresenceState.OFFLINE);
            case 7 ->
                s.session().equals("s4")
                    ? new ConversationAssigned(id, at, "s4", s.agentId())
                    : new ConversationStarted(
                        id,
                        at,
                        s.session(),
                        sessionCampaign,
                        "v",
                        sessionCampaign * 100 + 1,
                        OptionalLong.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty());
            case 8, 9 -> new ConversationAssigned(id, at, s.session(), s.agentId());
            case 10 -> new ConversationClosed(id, at, s.session(), OptionalLong.empty());
            case 11 ->
                new MessagePosted(
                    id, at, s.session(), MessageAuthor.VISITOR, OptionalLong.empty(), "hi");
            default ->
                s.second() % 120 == 0
                    ? new MessagePosted(
                        id,
                        at,
                        s.session(),
                        MessageAuthor.AGENT,
                        OptionalLong.of(s.agentId()),
                        "hello")
                    : new SurveySubmitted(id, at, s.session(), SurveyResult.GOOD, Optional.empty());
          });
    }
    return events;
  }

  private static List<Map<String, String>> performance(List<PlatformEvent> events) {
    return AgentPerformanceReport.rows(ReportFacts.of(events), WHOLE_DAY).stream()
        .map(
            cells ->
                IntStream.range(0, cells.size())
                    .boxed()
                    .collect(
                        Collectors.toMap(
                            i -> AgentPerformanceReport.COLUMNS.get(i).name(), cells::get)))
        .toList();
  }

  private static long n(Map<String, String> row, String column) {
    return Long.parseLong(row.get(column));
  }

  @Property
  void onlinePlusOfflineIsTheSession(@ForAll("logs") List<PlatformEvent> events) {
    List<Map<String, String>> rows = performance(events);
    Statistics.collect(rows.isEmpty() ? "no performance row" : "performance rows");
    for (Map<String, String> row : rows) {
      assertThat(n(row, "online_duration") + n(row, "offline_duration"))
          .isEqualTo(n(row, "session_duration"));
      assertThat(n(row, "online_duration")).isBetween(0L, n(row, "session_duration"));
    }
  }

  @Property
  void openPlusClosedIsTheSession(@ForAll("logs") List<PlatformEvent> events) {
    for (Map<String, String> row : performance(events)) {
      assertThat(n(row, "open_duration") + n(row, "closed_duration"))
          .isEqualTo(n(row, "session_duration"));
      assertThat(n(row, "open_duration")).isBetween(0L, n(row, "session_duration"));
    }
  }

  @Property
  void availableIsAtMostOnlineAndIdleAtMostOnline(@ForAll("logs") List<PlatformEvent> events) {
    for (Map<String, String> row : performance(events)) {
      assertThat(n(row, "available_duration")).isBetween(0L, n(row, "online_duration"));
      assertThat(n(row, "idle_duration")).isBetween(0L, n(row, "online_duration"));
    }
  }

  /**
   * Capacity is over all campaigns, so chats in another campaign can use it up while the agent is
   * idle here; within one campaign, idle time is always available time.
   */
  @Property
  void inOneCampaignIdleIsAtMostAvailable(@ForAll("oneCampaignLogs") List<PlatformEvent> events) {
    for (Map<String, String> row : performance(events)) {
      assertThat(n(row, "idle_duration")).isLessThanOrEqualTo(n(row, "available_duration"));
    }
  }

  @Property
  void firstResponseIsAtMostOpen(@ForAll("logs") List<PlatformEvent> events) {
    for (Map<String, String> row : performance(events)) {
      assertThat(n(row, "first_response_duration")).isBetween(0L, n(row, "open_duration"));
    }
  }

  @Property
  void countsStayWithinTheChatsReceived(@ForAll("logs") List<PlatformEvent> events) {
    for (Map<String, String> row : performance(events)) {
      long chats = n(row, "num_chats");
      assertThat(n(row, "num_ignored")).isBetween(0L, chats);
      assertThat(n(row, "num_abandoned")).isBetween(0L, chats);
      assertThat(
              n(row, "survey_num_good") + n(row, "survey_num_bad") + n(row, "survey_num_moderate"))
          .isBetween(0L, chats);
    }
  }

  @Property
  void activityIntervalsHaveUniqueIdsAndNonNegativeDurations(
      @ForAll("logs") List<PlatformEvent> events) {
    List<List<String>> rows = AgentActivityReport.rows(ReportFacts.of(events), WHOLE_DAY);
    assertThat(rows).extracting(r -> r.get(7)).doesNotHaveDuplicates().doesNotContain("");
    assertThat(rows)
        .filteredOn(r -> !r.get(5).isEmpty())
        .allSatisfy(r -> assertThat(Long.parseLong(r.get(5))).isNotNegative());
  }

  @Property
  void anyPermutationOfTheEventsGivesIdenticalRows(
      @ForAll("logs") List<PlatformEvent> events, @ForAll Random random) {
    List<PlatformEvent> shuffled = new ArrayList<>(events);
    Collections.shuffle(shuffled, random);
    for (Function<ReportFacts, List<List<String>>> report : reports()) {
      assertThat(report.apply(ReportFacts.of(shuffled)))
          .isEqualTo(report.apply(ReportFacts.of(events)));
    }
  }

  private static List<Function<ReportFacts, List<List<String>>>> reports() {
    return List.of(
        facts -> AgentActivityReport.rows(facts, WHOLE_DAY),
        facts -> AgentPerformanceReport.rows(facts, WHOLE_DAY),
        facts -> SlotsReport.rows(facts, WHOLE_DAY));
  }
}
