package com.conversation24.exports.reports.conversations;

import com.conversation24.campaigns.api.EntryPointType;
import com.conversation24.campaigns.platform.PlatformEvent;
import com.conversation24.conversations.api.ConversationAssigned;
import com.conversation24.conversations.api.ConversationStarted;
import com.conversation24.conversations.api.GoalReached;
import com.conversation24.conversations.api.MessageAuthor;
import com.conversation24.conversations.api.MessagePosted;
import com.conversation24.conversations.api.SuccessCodeSet;
import com.conversation24.conversations.api.SurveyResult;
import com.conversation24.conversations.api.SurveySubmitted;
import com.conversation24.conversations.api.VisitorBlocked;
import com.conversation24.exports.reports.Cells;
import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.Directory;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.ReportDefinition;
import com.conversation24.exports.reports.ReportFacts;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * The Conversations report: one row per conversation whose start is in the range (REPORTS.md
 * "Conversations"), owned by its campaign's account.
 */
public final class ConversationsReport {

  public static final List<Column<ConversationsRow>> COLUMNS =
      List.of(
          Column.id(
              "chatcampaign_id", "The conversation's campaign, from conversation.started.",
              r -> r.figures().campaignId()),
          Column.time(
              "conversation_start",
              "When the chat was established (the at of conversation.started), in tz; the row is"
                  + " in the range when this instant is.",
              r -> r.figures().startedAt()),
          Column.textId(
              "session_id", "The conversation's key, from conversation.started.",
              r -> r.figures().sessionId()),
          Column.optionalId(
              "assigned_agent_id",
              "The agent of the first receipt (the first conversation.assigned); empty when the"
                  + " chat was never assigned.",
              r -> r.figures().firstAgentId()),
          Column.optionalId(
              "assigned_agent_account_id",
              "The account of the first receipt's agent; empty without that agent or while its"
                  + " profile is not known.",
              ConversationsRow::assignedAgentAccountId),
          Column.optionalText(
              "assigned_agent_account_name",
              "The name of the first receipt's agent's account; empty without it.",
              ConversationsRow::assignedAgentAccountName),
          Column.optionalId(
              "last_agent_id",
              "The agent of the last receipt; empty when the chat was never assigned.",
              r -> r.figures().lastAgentId()),
          Column.optionalId(
              "last_agent_account_id",
              "The account of the last receipt's agent; empty without that agent or while its"
                  + " profile is not known.",
              ConversationsRow::lastAgentAccountId),
          Column.optionalText(
              "last_agent_account_name",
              "The name of the last receipt's agent's account; empty without it.",
              ConversationsRow::lastAgentAccountName),
          Column.textId(
              "visitor_id", "The visitor, from conversation.started.",
              r -> r.figures().visitorId()),
          Column.optionalId(
              "account_id", "The account that owns the campaign (the primary account).",
              ConversationsRow::accountId),
          Column.optionalId(
              "host_id", "The website, from conversation.started; empty when not sent.",
              r -> r.figures().hostId()),
          Column.count(
              "num_messages",
              "Count of all the conversation's messages, system ones included.",
              r -> r.figures().numMessages()),
          Column.optionalDuration(
              "duration_total_secs",
              "Seconds from the visitor's session start (session_started_at, else"
                  + " conversation_start) to the latest close. Empty until closed.",
              r -> r.figures().durationTotalMillis()),
          Column.duration(
              "duration_conversation_secs",
              "Seconds from conversation_start to the last message; 0 with no messages.",
              r -> r.figures().durationConversationMillis()),
          Column.optionalDuration(
              "duration_afterclose_secs",
              "Seconds from the visitor's last message to the latest close; 0 when the visitor"
                  + " wrote nothing, empty until closed.",
              r -> r.figures().durationAfterCloseMillis()),
          Column.decimal(
              "avgMessageLength",
              "Average length of all messages in Unicode code points, two decimals; 0.00 with no"
                  + " messages.",
              r -> r.figures().avgMessageLength()),
          Column.count(
              "maxMessageLength",
              "Length of the longest message in Unicode code points; 0 with no messages.",
              r -> r.figures().maxMessageLength()),
          Column.optionalEnumerated(
              "requestType",
              "The type of the entry point the chat came through: button or invite; empty while"
                  + " the entry point is not known.",
              r -> r.requestType().map(EntryPointType::wireName)),
          Column.optionalText(
              "requestSource",
              "The name of the entry point the chat came through; empty while it is not known.",
              ConversationsRow::requestSource),
          Column.optionalDuration(
              "firstResponseTime",
              "Seconds from the first receipt's assignment to the first agent message after it;"
                  + " empty without such a message.",
              r -> r.figures().firstResponseMillis()),
          Column.optionalDuration(
              "firstReplyTime",
              "Seconds from the first visitor message to the first agent message after it; empty"
                  + " without such a pair.",
              r -> r.figures().firstReplyMillis()),
          Column.optionalDecimal(
              "avgResponseTime",
              "Average of the visitor's waits in seconds, two decimals: a visitor message starts"
                  + " a wait unless one is running, the next agent message ends it (system"
                  + " messages skipped, a wait still running at the end not counted). Empty"
                  + " without any wait.",
              r -> r.figures().avgResponseSeconds()),
          Column.optionalDuration(
              "maxResponseTime",
              "The longest of the visitor's waits (as in avgResponseTime) in whole seconds; empty"
                  + " without any wait.",
              r -> r.figures().maxResponseMillis()),
          Column.optionalDuration(
              "decisionTime",
              "Seconds from when the visitor first saw the entry point (entrypoint_shown_at) to"
                  + " conversation_start; empty when entrypoint_shown_at is absent.",
              r -> r.figures().decisionMillis()),
          Column.text(
              "transcriptUrl",
              "<public base URL>/transcripts/<session_id>: this system's page showing the whole"
                  + " conversation to signed-in users of the owning account only.",
              ConversationsRow::transcriptUrl),
          Column.optionalText(
              "acceptUrl", "The accept_url of conversation.started; empty when not sent.",
              r -> r.figures().acceptUrl()),
          Column.optionalText(
              "successcode", "The latest success code the agent set; empty without one.",
              r -> r.figures().successCode()),
          Column.optionalEnumerated(
              "survey_result",
              "The latest survey's result: good, moderate or bad; empty without a survey.",
              r -> r.figures().surveyResult().map(ConversationsReport::printed)),
          Column.optionalText(
              "survey_comment",
              "The latest survey's comment; empty without a survey or without a comment.",
              r -> r.figures().surveyComment()),
          Column.text(
              "visitor_identifier",
              "The visitor_identifier of conversation.started, else Visitor <visitor_id>.",
              r -> r.figures().visitorIdentifier()),
          Column.enumerated(
              "blocked",
              "yes once an agent blocked the visitor in this conversation (visitor.blocked), else"
                  + " no.",
              r -> r.figures().blocked() ? "yes" : "no"),
          Column.optionalText(
              "block_reason", "The latest block's reason; empty when not blocked.",
              r -> r.figures().blockReason()),
          Column.optionalText(
              "goals",
              "Every goal reached, in time order, joined by commas inside one field; empty"
                  + " without goals.",
              r -> r.figures().goals()),
          Column.optionalDecimal(
              "totalGoalValue",
              "Sum of the goals' values, two decimals; empty without goals.",
              r -> r.figures().totalGoalValue()),
          Column.optionalEnumerated(
              "handlingType",
              "Over every agent involved (any receipt, agent message or block): self when all"
                  + " are of the primary account, external when none is, hybrid when both; empty"
                  + " without any agent. An agent of unknown account is not of the primary"
                  + " account.",
              r -> r.handlingType().map(HandlingType::printed)));

  /** Start instant, then the id columns left to right (the session id settles every tie). */
  public static final Comparator<SessionFigures> ORDER =
      Comparator.comparing(SessionFigures::startedAt)
          .thenComparingLong(SessionFigures::campaignId)
          .thenComparing(SessionFigures::sessionId);

  private static final ReportDefinition.Figures<ConversationsRow> FIGURES =
      ConversationsReport::figures;

  public static final ReportDefinition<ConversationsRow> DEFINITION =
      new ReportDefinition<>(
          "conversations",
          "Conversations",
          "This report assists a user in the analysis of the discussions engaged through the chats:"
              + " the amount of chats generated, data on the agent's behavior (duration for"
              + " answering, duration of conversations, duration of the agent's activities) and data"
              + " on the visitor's behavior (mean used to engage a conversation, satisfaction"
              + " reviews).",
          COLUMNS,
          true,
          true,
          false,
          FIGURES);

  private static final BigDecimal NO_LENGTH = new BigDecimal("0.00");

  private ConversationsReport() {}

  /** The rows from every stored fact, printed. */
  public static List<List<String>> rows(
      ReportFacts facts, ReportCriteria criteria, String publicBaseUrl) {
    return DEFINITION.printed(facts, criteria, publicBaseUrl);
  }

  /** The rows from every stored fact. */
  public static List<ConversationsRow> figures(
      ReportFacts facts, ReportCriteria criteria, String publicBaseUrl) {
    Directory directory = facts.directory();
    return Conversation.all(facts).stream()
        .map(ConversationsReport::figures)
        .filter(f -> selected(f, directory, criteria))
        .sorted(ORDER)
        .map(f -> row(f, directory, publicBaseUrl))
        .toList();
  }

  private static boolean selected(SessionFigures f, Directory directory, ReportCriteria criteria) {
    return criteria.inRange(f.startedAt())
        && criteria.campaignSelected(f.campaignId())
        && criteria.scope().sees(directory.campaignAccount(f.campaignId()));
  }

  /** A conversation's row with what the directory says of it now. */
  private static ConversationsRow row(SessionFigures f, Directory directory, String publicBaseUrl) {
    OptionalLong account = directory.campaignAccount(f.campaignId());
    OptionalLong firstAccount = agentAccount(f.firstAgentId(), directory);
    OptionalLong lastAccount = agentAccount(f.lastAgentId(), directory);
    Optional<Directory.EntryPoint> entryPoint = directory.entryPoint(f.entryPointId());
    return new ConversationsRow(
        f,
        account,
        firstAccount,
        accountName(firstAccount, directory),
        lastAccount,
        accountName(lastAccount, directory),
        entryPoint.map(Directory.EntryPoint::type),
        entryPoint.map(Directory.EntryPoint::name),
        HandlingType.of(f.involvedAgentIds(), directory::agentAccount, account),
        ConversationsRow.transcriptUrl(publicBaseUrl, f.sessionId()));
  }

  private static OptionalLong agentAccount(OptionalLong agent, Directory directory) {
    return agent.isPresent() ? directory.agentAccount(agent.getAsLong()) : OptionalLong.empty();
  }

  private static Optional<String> accountName(OptionalLong account, Directory directory) {
    return account.isPresent()
        ? directory.account(account.getAsLong()).map(Directory.Account::name)
        : Optional.empty();
  }

  static String printed(SurveyResult result) {
    return result.name().toLowerCase(Locale.ROOT);
  }

  /** The figures of one conversation that its own events settle. */
  public static SessionFigures figures(Conversation c) {
    ConversationStarted started = c.started();
    List<MessagePosted> messages = c.messages();
    Optional<VisitorBlocked> block =
        c.blocks().isEmpty()
            ? Optional.empty()
            : Optional.of(c.blocks().get(c.blocks().size() - 1));
    long[] lengths = messageLengths(messages);
    List<Long> waits = waits(messages);
    return new SessionFigures(
        started.sessionId(),
        started.campaignId(),
        started.at(),
        started.entryPointId(),
        agentOf(c.firstAssignment()),
        agentOf(c.lastAssignment()),
        involvedAgents(c),
        started.visitorId(),
        started.hostId(),
        messages.size(),
        durationTotal(c),
        messages.isEmpty() ? 0 : millisBetween(started.at(), messages.get(messages.size() - 1).at()),
        durationAfterClose(c),
        lengths.length == 0
            ? NO_LENGTH
            : Cells.average(BigDecimal.valueOf(LongStream.of(lengths).sum()), lengths.length),
        LongStream.of(lengths).max().orElse(0),
        firstResponseTime(c),
        firstReplyTime(messages),
        waits.isEmpty()
            ? Optional.empty()
            : Optional.of(
                Cells.averageSeconds(waits.stream().mapToLong(Long::longValue).sum(), waits.size())),
        waits.isEmpty()
            ? OptionalLong.empty()
            : OptionalLong.of(waits.stream().mapToLong(Long::longValue).max().getAsLong()),
        started.entryPointShownAt().isPresent()
            ? OptionalLong.of(millisBetween(started.entryPointShownAt().get(), started.at()))
            : OptionalLong.empty(),
        started.acceptUrl(),
        c.successCode().map(SuccessCodeSet::code),
        // The latest survey counts as a whole: its comment is never filled in from an older one.
        c.survey().map(SurveySubmitted::result),
        c.survey().flatMap(SurveySubmitted::comment),
        started.visitorIdentifier().orElse("Visitor " + started.visitorId()),
        block.isPresent(),
        block.map(VisitorBlocked::reason),
        c.goals().isEmpty()
            ? Optional.empty()
            : Optional.of(c.goals().stream().map(GoalReached::goal).collect(Collectors.joining(","))),
        c.goals().isEmpty()
            ? Optional.empty()
            : Optional.of(
                Cells.twoDecimals(
                    c.goals().stream().map(GoalReached::value).reduce(BigDecimal.ZERO, BigDecimal::add))));
  }

  private static OptionalLong agentOf(Optional<ConversationAssigned> assignment) {
    return assignment.isPresent()
        ? OptionalLong.of(assignment.get().agentId())
        : OptionalLong.empty();
  }

  private static OptionalLong durationTotal(Conversation c) {
    Instant from = c.started().sessionStartedAt().orElse(c.started().at());
    return c.closed().isPresent()
        ? OptionalLong.of(millisBetween(from, c.closed().get().at()))
        : OptionalLong.empty();
  }

  private static OptionalLong durationAfterClose(Conversation c) {
    if (c.closed().isEmpty()) {
      return OptionalLong.empty();
    }
    Optional<MessagePosted> lastVisitorMessage =
        c.messages().stream().filter(m -> m.author() == MessageAuthor.VISITOR).reduce((a, b) -> b);
    return OptionalLong.of(
        lastVisitorMessage.map(m -> millisBetween(m.at(), c.closed().get().at())).orElse(0L));
  }

  /** Each message's length in characters (code points). */
  private static long[] messageLengths(List<MessagePosted> messages) {
    return messages.stream().mapToLong(m -> m.text().codePointCount(0, m.text().length())).toArray();
  }

  private static OptionalLong firstResponseTime(Conversation c) {
    if (c.firstAssignment().isEmpty()) {
      return OptionalLong.empty();
    }
    ConversationAssigned receipt = c.firstAssignment().get();
    return firstAfter(c.messages(), receipt, MessageAuthor.AGENT)
        .map(answer -> OptionalLong.of(millisBetween(receipt.at(), answer.at())))
        .orElse(OptionalLong.empty());
  }

  private static OptionalLong firstReplyTime(List<MessagePosted> messages) {
    Optional<MessagePosted> question =
        messages.stream().filter(m -> m.author() == MessageAuthor.VISITOR).findFirst();
    if (question.isEmpty()) {
      return OptionalLong.empty();
    }
    return firstAfter(messages, question.get(), MessageAuthor.AGENT)
        .map(answer -> OptionalLong.of(millisBetween(question.get().at(), answer.at())))
        .orElse(OptionalLong.empty());
  }

  /** The first message by {@code author} that comes after {@code event} in the order of events. */
  private static Optional<MessagePosted> firstAfter(
      List<MessagePosted> messages, PlatformEvent event, MessageAuthor author) {
    return messages.stream()
        .filter(m -> m.author() == author && PlatformEvent.ORDER.compare(m, event) > 0)
        .findFirst();
  }

  /**
   * The visitor's waits in milliseconds: a visitor message starts a wait unless one is running;
   * the next agent message ends it. System messages take no part, and a wait still running at the
   * end was never answered.
   */
  private static List<Long> waits(List<MessagePosted> messages) {
    List<Long> waits = new ArrayList<>();
    Instant waitingSince = null;
    for (MessagePosted m : messages) {
      if (m.author() == MessageAuthor.VISITOR && waitingSince == null) {
        waitingSince = m.at();
      } else if (m.author() == MessageAuthor.AGENT && waitingSince != null) {
        waits.add(millisBetween(waitingSince, m.at()));
        waitingSince = null;
      }
    }
    return waits;
  }

  /** Every agent involved: a receipt, an agent message, a block. */
  private static List<Long> involvedAgents(Conversation c) {
    List<Long> involved = new ArrayList<>();
    c.assignments().forEach(a -> involved.add(a.agentId()));
    c.messages().stream()
        .filter(m -> m.author() == MessageAuthor.AGENT)
        .forEach(m -> m.agentId().ifPresent(involved::add));
    c.blocks().forEach(b -> involved.add(b.agentId()));
    return involved;
  }

  private static long millisBetween(Instant from, Instant to) {
    return Duration.between(from, to).toMillis();
  }
}
