package com.conversation24.exports.reports.conversations;

import com.conversation24.campaigns.api.PlatformEvent;
import com.conversation24.conversations.api.ConversationAssigned;
import com.conversation24.conversations.api.ConversationStarted;
import com.conversation24.conversations.api.GoalReached;
import com.conversation24.conversations.api.MessageAuthor;
import com.conversation24.conversations.api.MessagePosted;
import com.conversation24.conversations.api.SuccessCodeSet;
import com.conversation24.conversations.api.SurveySubmitted;
import com.conversation24.conversations.api.VisitorBlocked;
import com.conversation24.exports.reports.Cells;
import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.Directory;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.ReportFacts;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * The Conversations report: one row per conversation whose start is in the range (REPORTS.md
 * "Conversations"), owned by its campaign's account.
 */
public final class ConversationsReport {

  public static final List<Column> COLUMNS =
      List.of(
          Column.id("chatcampaign_id", "The conversation's campaign, from conversation.started."),
          Column.time(
              "conversation_start",
              "When the chat was established (the at of conversation.started), in tz; the row is"
                  + " in the range when this instant is."),
          Column.id("session_id", "The conversation's key, from conversation.started."),
          Column.id(
              "assigned_agent_id",
              "The agent of the first receipt (the first conversation.assigned); empty when the"
                  + " chat was never assigned."),
          Column.id(
              "assigned_agent_account_id",
              "The account of the first receipt's agent; empty without that agent or while its"
                  + " profile is not known."),
          Column.text(
              "assigned_agent_account_name",
              "The name of the first receipt's agent's account; empty without it."),
          Column.id(
              "last_agent_id",
              "The agent of the last receipt; empty when the chat was never assigned."),
          Column.id(
              "last_agent_account_id",
              "The account of the last receipt's agent; empty without that agent or while its"
                  + " profile is not known."),
          Column.text(
              "last_agent_account_name",
              "The name of the last receipt's agent's account; empty without it."),
          Column.id("visitor_id", "The visitor, from conversation.started."),
          Column.id("account_id", "The account that owns the campaign (the primary account)."),
          Column.id("host_id", "The website, from conversation.started; empty when not sent."),
          Column.number(
              "num_messages",
              "Count of all the conversation's messages, system ones included."),
          Column.number(
              "duration_total_secs",
              "Seconds from the visitor's session start (session_started_at, else"
                  + " conversation_start) to the latest close. Empty until closed."),
          Column.number(
              "duration_conversation_secs",
              "Seconds from conversation_start to the last message; 0 with no messages."),
          Column.number(
              "duration_afterclose_secs",
              "Seconds from the visitor's last message to the latest close; 0 when the visitor"
                  + " wrote nothing, empty until closed."),
          Column.number(
              "avgMessageLength",
              "Average length of all messages in Unicode code points, two decimals; 0.00 with no"
                  + " messages."),
          Column.number(
              "maxMessageLength",
              "Length of the longest message in Unicode code points; 0 with no messages."),
          Column.enumerated(
              "requestType",
              "The type of the entry point the chat came through: button or invite; empty while"
                  + " the entry point is not known."),
          Column.text(
              "requestSource",
              "The name of the entry point the chat came through; empty while it is not known."),
          Column.number(
              "firstResponseTime",
              "Seconds from the first receipt's assignment to the first agent message after it;"
                  + " empty without such a message."),
          Column.number(
              "firstReplyTime",
              "Seconds from the first visitor message to the first agent message after it; empty"
                  + " without such a pair."),
          Column.number(
              "avgResponseTime",
              "Average of the visitor's waits in seconds, two decimals: a visitor message starts"
                  + " a wait unless one is running, the next agent message ends it (system"
                  + " messages skipped, a wait still running at the end not counted). Empty"
                  + " without any wait."),
          Column.number(
              "maxResponseTime",
              "The longest of the visitor's waits (as in avgResponseTime) in whole seconds; empty"
                  + " without any wait."),
          Column.number(
              "decisionTime",
              "Seconds from when the visitor first saw the entry point (entrypoint_shown_at) to"
                  + " conversation_start; empty when entrypoint_shown_at is absent."),
          Column.text(
              "transcriptUrl",
              "<public base URL>/transcripts/<session_id>: this system's page showing the whole"
                  + " conversation to signed-in users of the owning account only."),
          Column.text("acceptUrl", "The accept_url of conversation.started; empty when not sent."),
          Column.text("successcode", "The latest success code the agent set; empty without one."),
          Column.enumerated(
              "survey_result",
              "The latest survey's result: good, moderate or bad; empty without a survey."),
          Column.text(
              "survey_comment",
              "The latest survey's comment; empty without a survey or without a comment."),
          Column.text(
              "visitor_identifier",
              "The visitor_identifier of conversation.started, else Visitor <visitor_id>."),
          Column.enumerated(
              "blocked",
              "yes once an agent blocked the visitor in this conversation (visitor.blocked), else"
                  + " no."),
          Column.text("block_reason", "The latest block's reason; empty when not blocked."),
          Column.text(
              "goals",
              "Every goal reached, in time order, joined by commas inside one field; empty"
                  + " without goals."),
          Column.number(
              "totalGoalValue",
              "Sum of the goals' values, two decimals; empty without goals."),
          Column.enumerated(
              "handlingType",
              "Over every agent involved (any receipt, agent message or block): self when all"
                  + " are of the primary account, external when none is, hybrid when both; empty"
                  + " without any agent. An agent of unknown account is not of the primary"
                  + " account."));

  /** Start instant, then the id columns left to right (the session id settles every tie). */
  public static final Comparator<ConversationRow> ORDER =
      Comparator.comparing(ConversationRow::startedAt)
          .thenComparingLong(ConversationRow::campaignId)
          .thenComparing(ConversationRow::sessionId);

  private ConversationsReport() {}

  public static List<List<String>> rows(
      ReportFacts facts, ReportCriteria criteria, String publicBaseUrl) {
    Directory directory = facts.directory();
    Printer printer = new Printer(directory, criteria.zone(), publicBaseUrl);
    return Conversation.all(facts).stream()
        .map(ConversationsReport::figures)
        .filter(r -> selected(r, directory, criteria))
        .sorted(ORDER)
        .map(printer::cells)
        .toList();
  }

  /** Whether the criteria take this conversation: started in the range, campaign, owner. */
  public static boolean selected(ConversationRow r, Directory directory, ReportCriteria criteria) {
    return criteria.inRange(r.startedAt())
        && criteria.campaignSelected(r.campaignId())
        && criteria.scope().sees(directory.campaignAccount(r.campaignId()));
  }

  /** The figures of one conversation that its own events settle. */
  public static ConversationRow figures(Conversation c) {
    ConversationStarted started = c.started();
    List<String> lengths = messageLengths(c.messages());
    List<String> responses = responseTimes(c.messages());
    List<String> goals = goals(c.goals());
    Optional<VisitorBlocked> block =
        c.blocks().isEmpty()
            ? Optional.empty()
            : Optional.of(c.blocks().get(c.blocks().size() - 1));
    return new ConversationRow(
        started.sessionId(),
        started.campaignId(),
        started.at(),
        started.entryPointId(),
        c.firstAssignment().map(ConversationAssigned::agentId),
        c.lastAssignment().map(ConversationAssigned::agentId),
        involvedAgents(c),
        started.visitorId(),
        Cells.of(started.hostId()),
        Integer.toString(c.messages().size()),
        durationTotal(c),
        durationConversation(c),
        durationAfterClose(c),
        lengths.get(0),
        lengths.get(1),
        firstResponseTime(c),
        firstReplyTime(c.messages()),
        responses.get(0),
        responses.get(1),
        started
            .entryPointShownAt()
            .map(shown -> millisBetween(shown, started.at()))
            .map(Cells::seconds)
            .orElse(Cells.EMPTY),
        Cells.of(started.acceptUrl()),
        c.successCode().map(SuccessCodeSet::code).orElse(Cells.EMPTY),
        // The latest survey counts as a whole: its comment is never filled in from an older one.
        c.survey().map(s -> s.result().name().toLowerCase(Locale.ROOT)).orElse(Cells.EMPTY),
        c.survey().flatMap(SurveySubmitted::comment).orElse(Cells.EMPTY),
        started.visitorIdentifier().orElse("Visitor " + started.visitorId()),
        block.isPresent() ? "yes" : "no",
        block.map(VisitorBlocked::reason).orElse(Cells.EMPTY),
        goals.get(0),
        goals.get(1));
  }

  /**
   * Prints the report's cells of one export's conversations, its directory and time zone applied.
   * The directory's cells (an agent's account and its name, a campaign's account, an entry point's
   * type and name) are looked up once per id and kept for the export's later rows, because an
   * export prints millions of rows over a few thousand ids. One printer per export and thread.
   */
  public static final class Printer {
    private static final String[] NO_AGENT = {Cells.EMPTY, Cells.EMPTY, Cells.EMPTY};
    private static final String[] NO_ENTRY_POINT = {Cells.EMPTY, Cells.EMPTY};

    private final Directory directory;
    private final ZoneId zone;
    private final String transcriptBase;
    private final Map<Long, String[]> agents = new HashMap<>();
    private final Map<Long, String[]> entryPoints = new HashMap<>();

    public Printer(Directory directory, ZoneId zone, String publicBaseUrl) {
      this.directory = directory;
      this.zone = zone;
      this.transcriptBase = publicBaseUrl + "/transcripts/";
    }

    public List<String> cells(ConversationRow r) {
      OptionalLong primaryAccount = directory.campaignAccount(r.campaignId());
      String[] entryPoint = entryPoints.computeIfAbsent(r.entryPointId(), this::entryPointCells);
      List<String> cells = new ArrayList<>(COLUMNS.size());
      cells.add(Long.toString(r.campaignId()));
      cells.add(Cells.time(r.startedAt(), zone));
      cells.add(r.sessionId());
      addAgent(cells, r.firstAgentId());
      addAgent(cells, r.lastAgentId());
      cells.add(r.visitorId());
      cells.add(Cells.of(primaryAccount));
      cells.add(r.hostId());
      cells.add(r.numMessages());
      cells.add(r.durationTotal());
      cells.add(r.durationConversation());
      cells.add(r.durationAfterClose());
      cells.add(r.avgMessageLength());
      cells.add(r.maxMessageLength());
      cells.add(entryPoint[0]);
      cells.add(entryPoint[1]);
      cells.add(r.firstResponseTime());
      cells.add(r.firstReplyTime());
      cells.add(r.avgResponseTime());
      cells.add(r.maxResponseTime());
      cells.add(r.decisionTime());
      cells.add(transcriptBase + r.sessionId());
      cells.add(r.acceptUrl());
      cells.add(r.successCode());
      cells.add(r.surveyResult());
      cells.add(r.surveyComment());
      cells.add(r.visitorIdentifier());
      cells.add(r.blocked());
      cells.add(r.blockReason());
      cells.add(r.goals());
      cells.add(r.totalGoalValue());
      cells.add(handlingType(r.involvedAgentIds(), directory, primaryAccount));
      return cells;
    }

    private void addAgent(List<String> cells, Optional<Long> agent) {
      String[] agentCells = agent.isEmpty() ? NO_AGENT : agents.computeIfAbsent(agent.get(), this::agentCells);
      cells.add(agentCells[0]);
      cells.add(agentCells[1]);
      cells.add(agentCells[2]);
    }

    private String[] agentCells(long agentId) {
      OptionalLong account = directory.agentAccount(agentId);
      String accountName =
          account.isPresent()
              ? directory.account(account.getAsLong()).map(Directory.Account::name).orElse(Cells.EMPTY)
              : Cells.EMPTY;
      return new String[] {Long.toString(agentId), Cells.of(account), accountName};
    }

    private String[] entryPointCells(long entryPointId) {
      return directory
          .entryPoint(entryPointId)
          .map(e -> new String[] {e.type().wireName(), e.name()})
          .orElse(NO_ENTRY_POINT);
    }
  }

  private static String durationTotal(Conversation c) {
    Instant from = c.started().sessionStartedAt().orElse(c.started().at());
    return c.closed()
        .map(closed -> Cells.seconds(millisBetween(from, closed.at())))
        .orElse(Cells.EMPTY);
  }

  private static String durationConversation(Conversation c) {
    List<MessagePosted> messages = c.messages();
    if (messages.isEmpty()) {
      return "0";
    }
    return Cells.seconds(millisBetween(c.started().at(), messages.get(messages.size() - 1).at()));
  }

  private static String durationAfterClose(Conversation c) {
    if (c.closed().isEmpty()) {
      return Cells.EMPTY;
    }
    Optional<MessagePosted> lastVisitorMessage =
        c.messages().stream().filter(m -> m.author() == MessageAuthor.VISITOR).reduce((a, b) -> b);
    return lastVisitorMessage
        .map(m -> Cells.seconds(millisBetween(m.at(), c.closed().get().at())))
        .orElse("0");
  }

  /** Average and longest message, in characters (code points). */
  private static List<String> messageLengths(List<MessagePosted> messages) {
    long[] lengths =
        messages.stream().mapToLong(m -> m.text().codePointCount(0, m.text().length())).toArray();
    if (lengths.length == 0) {
      return List.of("0.00", "0");
    }
    return List.of(
        Cells.average(BigDecimal.valueOf(LongStream.of(lengths).sum()), lengths.length),
        Long.toString(LongStream.of(lengths).max().getAsLong()));
  }

  private static String firstResponseTime(Conversation c) {
    return c.firstAssignment()
        .flatMap(
            receipt ->
                firstAfter(c.messages(), receipt, MessageAuthor.AGENT)
                    .map(answer -> Cells.seconds(millisBetween(receipt.at(), answer.at()))))
        .orElse(Cells.EMPTY);
  }

  private static String firstReplyTime(List<MessagePosted> messages) {
    return messages.stream()
        .filter(m -> m.author() == MessageAuthor.VISITOR)
        .findFirst()
        .flatMap(
            question ->
                firstAfter(messages, question, MessageAuthor.AGENT)
                    .map(answer -> Cells.seconds(millisBetween(question.at(), answer.at()))))
        .orElse(Cells.EMPTY);
  }

  /** The first message by {@code author} that comes after {@code event} in the order of events. */
  private static Optional<MessagePosted> firstAfter(
      List<MessagePosted> messages, PlatformEvent event, MessageAuthor author) {
    return messages.stream()
        .filter(m -> m.author() == author && PlatformEvent.ORDER.compare(m, event) > 0)
        .findFirst();
  }

  /**
   * A visitor message starts a wait unless one is running; the next agent message ends it. System
   * messages take no part, and a wait still running at the end was never answered.
   */
  private static List<String> responseTimes(List<MessagePosted> messages) {
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
    if (waits.isEmpty()) {
      return List.of(Cells.EMPTY, Cells.EMPTY);
    }
    long total = waits.stream().mapToLong(Long::longValue).sum();
    return List.of(
        Cells.averageSeconds(total, waits.size()),
        Cells.seconds(waits.stream().mapToLong(Long::longValue).max().getAsLong()));
  }

  /** The goals' names in order and their total value. */
  private static List<String> goals(List<GoalReached> goals) {
    if (goals.isEmpty()) {
      return List.of(Cells.EMPTY, Cells.EMPTY);
    }
    return List.of(
        goals.stream().map(GoalReached::goal).collect(Collectors.joining(",")),
        Cells.twoDecimals(
            goals.stream().map(GoalReached::value).reduce(BigDecimal.ZERO, BigDecimal::add)));
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

  /**
   * The involved agents against the campaign's account. An agent whose profile is unknown, or a
   * campaign whose account is, cannot be of the primary account.
   */
  private static String handlingType(
      List<Long> involved, Directory directory, OptionalLong primaryAccount) {
    if (involved.isEmpty()) {
      return Cells.EMPTY;
    }
    int primary = 0;
    for (long agent : involved) { // a loop, not a stream: this runs once per exported row
      if (isPrimary(directory.agentAccount(agent), primaryAccount)) {
        primary++;
      }
    }
    if (primary == involved.size()) {
      return "self";
    }
    return primary == 0 ? "external" : "hybrid";
  }

  private static boolean isPrimary(OptionalLong agentAccount, OptionalLong primaryAccount) {
    return agentAccount.isPresent()
        && primaryAccount.isPresent()
        && agentAccount.getAsLong() == primaryAccount.getAsLong();
  }

  private static long millisBetween(Instant from, Instant to) {
    return Duration.between(from, to).toMillis();
  }
}
