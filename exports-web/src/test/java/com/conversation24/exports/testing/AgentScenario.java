package com.conversation24.exports.testing;

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
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.ReportFacts;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A small event log written the way a reader checks it by hand: every instant is a clock time on
 * 2026-10-24 UTC ({@code "10:00"}, {@code "10:00:05.5"}), and event ids are given or numbered in
 * the order the events are added ({@code e001}, {@code e002}, ...), so ties on {@code at} are
 * ordered as written unless an id is given.
 */
public final class AgentScenario {

  public static final long ACCOUNT = 1;
  public static final long CAMPAIGN = 11;
  public static final long OTHER_CAMPAIGN = 12;
  public static final long AGENT = 101;
  public static final long BUTTON = 1101;

  private final List<PlatformEvent> events = new ArrayList<>();
  private int counter;

  /** A scenario where campaigns 11 and 12 of account 1 and agent 101 (max 3 chats) exist. */
  public static AgentScenario standard() {
    return standard(3);
  }

  /** The standard scenario with another capacity for agent 101. */
  public static AgentScenario standard(int maxChats) {
    AgentScenario s = new AgentScenario();
    s.add(new CampaignUpdated("c11", t("00:00"), CAMPAIGN, ACCOUNT, "Support"));
    s.add(new CampaignUpdated("c12", t("00:00"), OTHER_CAMPAIGN, ACCOUNT, "Sales"));
    s.add(
        new EntryPointUpdated(
            "ep1101", t("00:00"), BUTTON, CAMPAIGN, "Chat", EntryPointType.BUTTON));
    s.agent(AGENT, maxChats);
    return s;
  }

  public static Instant t(String clock) {
    String time = clock.length() == 5 ? clock + ":00" : clock;
    return java.time.LocalDateTime.parse("2026-10-24T" + time).toInstant(ZoneOffset.UTC);
  }

  private String nextId() {
    return String.format("e%03d", ++counter);
  }

  public AgentScenario add(PlatformEvent event) {
    events.add(event);
    return this;
  }

  public AgentScenario agent(long agentId, int maxChats) {
    return add(
        new AgentUpdated(
            "a" + agentId,
            t("00:00"),
            agentId,
            ACCOUNT,
            "agent" + agentId,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            OptionalInt.of(maxChats)));
  }

  public AgentScenario login(String at, String workshiftId) {
    return add(new AgentLoggedIn(nextId(), t(at), AGENT, workshiftId));
  }

  public AgentScenario logout(String at, String workshiftId) {
    return add(new AgentLoggedOut(nextId(), t(at), AGENT, workshiftId));
  }

  public AgentScenario online(String at) {
    return state(nextId(), at, CAMPAIGN, PresenceState.ONLINE);
  }

  public AgentScenario offline(String at) {
    return state(nextId(), at, CAMPAIGN, PresenceState.OFFLINE);
  }

  public AgentScenario state(String id, String at, long campaignId, PresenceState state) {
    return add(new AgentStateChanged(id, t(at), AGENT, campaignId, state));
  }

  public AgentScenario started(String at, String session) {
    return started(at, session, CAMPAIGN);
  }

  public AgentScenario started(String at, String session, long campaignId) {
    return add(
        new ConversationStarted(
            nextId(),
            t(at),
            session,
            campaignId,
            "v-" + session,
            BUTTON,
            OptionalLong.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty()));
  }

  public AgentScenario assigned(String at, String session) {
    return assigned(at, session, AGENT);
  }

  public AgentScenario assigned(String at, String session, long agentId) {
    return add(new ConversationAssigned(nextId(), t(at), session, agentId));
  }

  public AgentScenario closed(String at, String session) {
    return add(new ConversationClosed(nextId(), t(at), session, OptionalLong.empty()));
  }

  public AgentScenario visitorWrites(String at, String session) {
    return add(
        new MessagePosted(
            nextId(), t(at), session, MessageAuthor.VISITOR, OptionalLong.empty(), "hi"));
  }

  public AgentScenario agentWrites(String at, String session) {
    return agentWrites(at, session, AGENT);
  }

  public AgentScenario agentWrites(String at, String session, long agentId) {
    return add(
        new MessagePosted(
            nextId(), t(at), session, MessageAuthor.AGENT, OptionalLong.of(agentId), "hello"));
  }

  public AgentScenario survey(String at, String session, SurveyResult result) {
    return add(new SurveySubmitted(nextId(), t(at), session, result, Optional.empty()));
  }

  public List<PlatformEvent> events() {
    return List.copyOf(events);
  }

  public ReportFacts facts() {
    return ReportFacts.of(events);
  }

  /** The whole day 2026-10-24 in UTC, everything visible. */
  public static ReportCriteria wholeDay() {
    return ReportCriteria.all(
        t("00:00"), t("00:00").plus(java.time.Duration.ofDays(1)), ZoneOffset.UTC);
  }
}
