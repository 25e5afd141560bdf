package com.conversation24.exports.application;

import com.conversation24.conversations.api.ConversationEvent;
import com.conversation24.conversations.api.ConversationStarted;
import com.conversation24.conversations.api.MessageAuthor;
import com.conversation24.conversations.api.MessagePosted;
import com.conversation24.exports.reports.Directory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
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

  @Inject StoredFacts facts;

  public Optional<Transcript> of(String sessionId, Requester requester) {
    List<ConversationEvent> events = facts.conversation(sessionId);
    Optional<ConversationStarted> started =
        events.stream()
            .filter(ConversationStarted.class::isInstance)
            .map(ConversationStarted.class::cast)
            .findFirst();
    if (started.isEmpty()) {
      return Optional.empty();
    }
    Directory directory = facts.directory();
    OptionalLong owner = directory.campaignAccount(started.get().campaignId());
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
    List<Line> lines =
        events.stream()
            .filter(MessagePosted.class::isInstance)
            .map(MessagePosted.class::cast)
            .map(m -> new Line(m.at(), author(m, visitor, directory), m.author(), m.text()))
            .toList();
    String campaign =
        directory.campaign(start.campaignId()).map(Directory.Campaign::name).orElse("")
            + " (" + start.campaignId() + ")";
    return Optional.of(new Transcript(sessionId, campaign, visitor, start.at(), lines));
  }

  private static String author(MessagePosted message, String visitor, Directory directory) {
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
    return directory.agent(id).map(Transcripts::agentName).orElse("Agent " + id);
  }

  private static String agentName(Directory.Agent agent) {
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
