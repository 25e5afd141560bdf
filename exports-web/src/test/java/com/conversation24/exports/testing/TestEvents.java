package com.conversation24.exports.testing;

import com.conversation24.agents.api.AgentDeleted;
import com.conversation24.agents.api.AgentUpdated;
import com.conversation24.campaigns.api.AccountUpdated;
import com.conversation24.campaigns.api.CampaignUpdated;
import com.conversation24.campaigns.api.EntryPointType;
import com.conversation24.campaigns.api.EntryPointUpdated;
import com.conversation24.campaigns.api.HostUpdated;
import com.conversation24.campaigns.platform.PlatformEvent;
import com.conversation24.conversations.api.ConversationAssigned;
import com.conversation24.conversations.api.ConversationClosed;
import com.conversation24.conversations.api.ConversationStarted;
import com.conversation24.conversations.api.GoalReached;
import com.conversation24.conversations.api.MessageAuthor;
import com.conversation24.conversations.api.MessagePosted;
import com.conversation24.conversations.api.SuccessCodeSet;
import com.conversation24.conversations.api.SurveyResult;
import com.conversation24.conversations.api.SurveySubmitted;
import com.conversation24.conversations.api.VisitorBlocked;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.ReportFacts;
import com.conversation24.traffic.api.EntryPointClicked;
import com.conversation24.traffic.api.EntryPointViewed;
import com.conversation24.traffic.api.InviteOutcome;
import com.conversation24.traffic.api.InviteOutcomeRecorded;
import com.conversation24.traffic.api.PageViewed;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A small event log written in the order a reader follows it. Event ids count up, so two events at
 * the same instant are ordered as written; {@link #id} names one explicitly where a test needs it.
 */
public final class TestEvents {

  public static final Instant DAY = Instant.parse("2026-10-24T00:00:00Z");
  public static final String BASE_URL = "http://localhost:8080";

  private final List<PlatformEvent> events = new ArrayList<>();
  private int next = 1000;

  /** A directory that most tests share: account 1 owns campaign 11 with a button and an invite. */
  public static TestEvents withAcme() {
    TestEvents log = new TestEvents();
    log.add(new AccountUpdated(log.nextId(), DAY.minusSeconds(86400), 1, "Acme Shop"));
    log.add(new AccountUpdated(log.nextId(), DAY.minusSeconds(86400), 4, "CC Partners BV"));
    log.add(new CampaignUpdated(log.nextId(), DAY.minusSeconds(86400), 11, 1, "Shop"));
    log.add(
        new EntryPointUpdated(
            log.nextId(), DAY.minusSeconds(86400), 1101, 11, "Footer link", EntryPointType.BUTTON));
    log.add(
        new EntryPointUpdated(
            log.nextId(),
            DAY.minusSeconds(86400),
            1151,
            11,
            "Welcome back",
            EntryPointType.INVITE));
    log.agent(1001, 1, "nadia@acme");
    log.agent(1002, 1, "uma");
    log.agent(4001, 4, "finn@ccp");
    return log;
  }

  public static Instant at(String hhmmss) {
    return Instant.parse("2026-10-24T" + hhmmss + "Z");
  }

  public String nextId() {
    return "t-" + next++;
  }

  public TestEvents add(PlatformEvent event) {
    events.add(event);
    return this;
  }

  public List<PlatformEvent> events() {
    return List.copyOf(events);
  }

  public ReportFacts facts() {
    return ReportFacts.of(events);
  }

  public TestEvents agent(long agentId, long accountId, String username) {
    return add(
        new AgentUpdated(
            nextId(),
            DAY.minusSeconds(86400),
            agentId,
            accountId,
            username,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            OptionalInt.empty()));
  }

  public TestEvents deleted(long agentId) {
    return add(new AgentDeleted(nextId(), DAY, agentId));
  }

  public TestEvents host(long hostId, long accountId, String hostname) {
    return add(new HostUpdated(nextId(), DAY, hostId, accountId, hostname));
  }

  public TestEvents started(String session, String hhmmss) {
    return started(session, at(hhmmss), 11, 1101);
  }

  public TestEvents started(String session, Instant at, long campaignId, long entryPointId) {
    return add(
        new ConversationStarted(
            nextId(),
            at,
            session,
            campaignId,
            "v-" + session,
            entryPointId,
            OptionalLong.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty()));
  }

  public TestEvents assigned(String session, String hhmmss, long agentId) {
    return add(new ConversationAssigned(nextId(), at(hhmmss), session, agentId));
  }

  public TestEvents visitor(String session, String hhmmss, String text) {
    return add(
        new MessagePosted(
            nextId(), at(hhmmss), session, MessageAuthor.VISITOR, OptionalLong.empty(), text));
  }

  public TestEvents agentSays(String session, String hhmmss, long agentId, String text) {
    return add(
        new MessagePosted(
            nextId(), at(hhmmss), session, MessageAuthor.AGENT, OptionalLong.of(agentId), text));
  }

  public TestEvents system(String session, String hhmmss, String text) {
    return add(
        new MessagePosted(
            nextId(), at(hhmmss), session, MessageAuthor.SYSTEM, OptionalLong.empty(), text));
  }

  public TestEvents closed(String session, String hhmmss) {
    return add(new ConversationClosed(nextId(), at(hhmmss), session, OptionalLong.empty()));
  }

  public TestEvents survey(String session, String hhmmss, SurveyResult result, String comment) {
    return add(
        new SurveySubmitted(nextId(), at(hhmmss), session, result, Optional.ofNullable(comment)));
  }

  public TestEvents successCode(String session, String hhmmss, String code) {
    return add(new SuccessCodeSet(nextId(), at(hhmmss), session, code));
  }

  public TestEvents goal(String session, String hhmmss, String goal, String value) {
    return add(new GoalReached(nextId(), at(hhmmss), session, goal, new BigDecimal(value)));
  }

  public TestEvents blocked(String session, String hhmmss, long agentId, String reason) {
    return add(new VisitorBlocked(nextId(), at(hhmmss), session, agentId, reason));
  }

  public TestEvents pageViewed(Instant at, long campaignId, Long... entryPointIds) {
    return add(
        new PageViewed(
            nextId(),
            at,
            campaignId,
            "v-1",
            OptionalLong.empty(),
            Optional.empty(),
            List.of(entryPointIds)));
  }

  public TestEvents entryPointViewed(Instant at, long entryPointId) {
    return add(new EntryPointViewed(nextId(), at, entryPointId, "v-1"));
  }

  public TestEvents entryPointClicked(Instant at, long entryPointId) {
    return add(new EntryPointClicked(nextId(), at, entryPointId, "v-1"));
  }

  public TestEvents outcome(Instant at, long entryPointId, InviteOutcome outcome) {
    return add(new InviteOutcomeRecorded(nextId(), at, entryPointId, "v-1", outcome));
  }

  public static ReportCriteria utcDay() {
    return ReportCriteria.all(DAY, DAY.plusSeconds(86400), ZoneId.of("UTC"));
  }
}
