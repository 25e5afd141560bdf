package com.conversation24.exports.transcripts;

import com.conversation24.campaigns.platform.PlatformEvent;
import com.conversation24.conversations.api.ConversationEvent;
import com.conversation24.conversations.api.ConversationFacts;
import com.conversation24.conversations.api.ConversationStarted;
import com.conversation24.conversations.api.MessageAuthor;
import com.conversation24.conversations.api.MessagePosted;
import com.conversation24.exports.export.Requester;
import com.conversation24.exports.reports.directory.DirectoryStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The conversation behind a {@code transcriptUrl}: its messages with authors and times, for a
 * requester of the account that owns the conversation's campaign (or a platform operator).
 * Anyone else is told nothing, not even that the conversation exists.
 */
@ApplicationScoped
public class Transcripts {

  /** One message: when, who (as people read it), which kind of author, and the text. */
  public record Line(Instant at, String author, MessageAuthor kind, String text) {}

  public record Transcript(
      String sessionId, String campaign, String visitor, Instant started, List<Line> lines) {}

  @Inject ConversationFacts facts;

  @Inject DirectoryStore directory;

  public Optional<Transcript> of(String sessionId, Requester requester) {
    List<ConversationEvent> events =
        facts.ofSessions(List.of(sessionId)).stream()
            .filter(ConversationEvent.class::isInstance)
            .map(ConversationEvent.class::cast)
            .filter(e -> e.sessionId().equals(sessionId))
            .sorted(PlatformEvent.ORDER)
            .toList();
    Optional<ConversationStarted> started =
        events.stream()
            .filter(ConversationStarted.class::isInstance)
            .map(ConversationStarted.class::cast)
            .findFirst();
    if (started.isEmpty()) {
      return Optional.empty();
    }
    Optional<DirectoryStore.Campaign> campaign = directory.campaign(started.get().campaignId());
    OptionalLong owner =
        campaign.isPresent() ? OptionalLong.of(campaign.get().accountId()) : OptionalLong.empty();
    boolean visible =
        requester.operator()
            || (owner.isPresent()
                && requester.accountId().isPresent()
                && owner.getAsLong() == requester.accountId().getAsLong());
    if (!visible) {
      return Optional.empty();
    }
    ConversationStarted start = started.get();
    String visitor = start.visitorIdentifier().orElse("Visitor " + start.visitorId());
    List<MessagePosted> messages =
        events.stream().filter(MessagePosted.class::isInstance).map(MessagePosted.class::cast).toList();
    Map<Long, DirectoryStore.Profile> agents =
        directory.profiles(
            messages.stream()
                .flatMap(m -> m.agentId().isPresent() ? Stream.of(m.agentId().getAsLong()) : Stream.empty())
                .collect(Collectors.toSet()));
    List<Line> lines =
        messages.stream()
            .map(m -> new Line(m.at(), author(m, visitor, agents), m.author(), m.text()))
            .toList();
    String campaignName =
        campaign.map(DirectoryStore.Campaign::name).orElse("") + " (" + start.campaignId() + ")";
    return Optional.of(new Transcript(sessionId, campaignName, visitor, start.at(), lines));
  }

  private static String author(
      MessagePosted message, String visitor, Map<Long, DirectoryStore.Profile> agents) {
    if (message.author() == MessageAuthor.VISITOR) {
      return visitor;
    }
    if (message.author() == MessageAuthor.SYSTEM) {
      return "System";
    }
    if (message.agentId().isEmpty()) {
      return "Agent";
    }
    long id = message.agentId().getAsLong();
    DirectoryStore.Profile agent = agents.get(id);
    return agent == null ? "Agent " + id : agentName(agent);
  }

  private static String agentName(DirectoryStore.Profile agent) {
    String name =
        String.join(
                " ",
                Stream.of(agent.firstname(), agent.lastname())
                    .flatMap(Optional::stream)
                    .toList())
            .trim();
    return name.isEmpty() ? agent.username() : name;
  }
}
