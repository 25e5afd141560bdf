package com.conversation24.exports.application;

import com.conversation24.agents.api.AgentFacts;
import com.conversation24.campaigns.api.CampaignFacts;
import com.conversation24.campaigns.api.PlatformEvent;
import com.conversation24.conversations.api.ConversationEvent;
import com.conversation24.conversations.api.ConversationFacts;
import com.conversation24.exports.reports.Directory;
import com.conversation24.exports.reports.ReportFacts;
import com.conversation24.traffic.api.TrafficFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Reads the four contexts' facts through their query ports: the one place reports and the console read them. */
@ApplicationScoped
public class StoredFacts {

  @Inject CampaignFacts campaignFacts;

  @Inject AgentFacts agentFacts;

  @Inject ConversationFacts conversationFacts;

  @Inject TrafficFacts trafficFacts;

  /** Every fact, for computing reports. */
  public ReportFacts all() {
    List<PlatformEvent> events = new ArrayList<>();
    events.addAll(campaignFacts.all());
    events.addAll(agentFacts.all());
    events.addAll(conversationFacts.all());
    events.addAll(trafficFacts.all());
    return ReportFacts.of(events);
  }

  /**
   * The campaigns context's facts and every agent fact (profiles, shifts, presence): what Agent
   * activity is computed from, and what Slots and Agent performance need besides conversations.
   */
  public List<PlatformEvent> campaignsAndAgents() {
    List<PlatformEvent> events = new ArrayList<>(campaignFacts.all());
    events.addAll(agentFacts.all());
    return events;
  }

  /** The directory's own facts: what the Agents and Hosts reports are computed from. */
  public ReportFacts directoryFacts() {
    return ReportFacts.of(directoryEvents());
  }

  /** The stored facts of these sessions. */
  public List<PlatformEvent> sessions(Collection<String> sessionIds) {
    return conversationFacts.ofSessions(sessionIds);
  }

  /**
   * Accounts, campaigns, entry points, hosts and agents as of now: the campaigns context's facts
   * and the agents' profiles, without the presence (thousands of rows, not millions).
   */
  public Directory directory() {
    return Directory.of(directoryEvents());
  }

  private List<PlatformEvent> directoryEvents() {
    List<PlatformEvent> events = new ArrayList<>(campaignFacts.all());
    events.addAll(agentFacts.profiles());
    return events;
  }

  /** The campaign facts alone (the directory's names and owners). */
  public List<PlatformEvent> campaignEvents() {
    return campaignFacts.all();
  }

  /** The facts of one conversation, in the order of EVENTS.md. */
  public List<ConversationEvent> conversation(String sessionId) {
    return conversationFacts.ofSessions(List.of(sessionId)).stream()
        .filter(ConversationEvent.class::isInstance)
        .map(ConversationEvent.class::cast)
        .filter(e -> e.sessionId().equals(sessionId))
        .sorted(PlatformEvent.ORDER)
        .toList();
  }
}
