package com.conversation24.exports.figures;

import com.conversation24.campaigns.api.PlatformEvent;
import com.conversation24.conversations.api.ConversationAssigned;
import com.conversation24.conversations.api.ConversationStarted;
import com.conversation24.conversations.api.GoalReached;
import com.conversation24.conversations.api.MessageAuthor;
import com.conversation24.conversations.api.MessagePosted;
import com.conversation24.conversations.api.SuccessCodeSet;
import com.conversation24.conversations.api.SurveySubmitted;
import com.conversation24.conversations.api.VisitorBlocked;
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

  public static final List<Column> COLUMNS =
      List.of(
          Column.id("chatcampaign_id"),
          Column.time("conversation_start"),
          Column.id("session_id"),
          Column.id("assigned_agent_id"),
          Column.id("assigned_agent_account_id"),
          Column.text("assigned_agent_account_name"),
          Column.id("last_agent_id"),
          Column.id("last_agent_account_id"),
          Column.text("last_agent_account_name"),
          Column.id("visitor_id"),
          Column.id("account_id"),
          Column.id("host_id"),
          Column.number("num_messages"),
          Column.number("duration_total_secs"),
          Column.number("duration_conversation_secs"),
          Column.number("duration_afterclose_secs"),
          Column.number("avgMessageLength"),
          Column.number("maxMessageLength"),
          Column.enumerated("requestType"),
          Column.text("requestSource"),
          Column.number("firstResponseTime"),
          Column.number("firstReplyTime"),
          Column.number("avgResponseTime"),
          Column.number("maxResponseTime"),
          Column.number("decisionTime"),
          Column.text("transcriptUrl"),
          Column.text("acceptUrl"),
          Column.text("successcode"),
          Column.enumerated("survey_result"),
          Column.text("survey_comment"),
          Column.text("visitor_identifier"),
          Column.enumerated("blocked"),
          Column.text("block_reason"),
          Column.text("goals"),
          Column.number("totalGoalValue"),
          Column.enumerated("handlingType"));

  /** Start instant, then the id columns left to right (the session id settles every tie). */
  private static final Comparator<Conversation> ORDER =
      Comparator.<Conversation, Instant>comparing(c -> c.started().at())
          .thenComparingLong(c -> c.started().campaignId())
          .thenComparing(Conversation::sessionId);

  private ConversationsReport() {}

  public static List<List<String>> rows(
      ReportFacts facts, ReportCriteria criteria, String publicBaseUrl) {
    Directory directory = facts.directory();
    return Conversation.all(facts).stream()
        .filter(c -> criteria.inRange(c.started().at()))
        .filter(c -> criteria.campaignSelected(c.started().campaignId()))
        .filter(c -> criteria.scope().sees(directory.campaignAccount(c.started().campaignId())))
        .sorted(ORDER)
        .map(c -> row(c, directory, criteria, publicBaseUrl))
        .toList();
  }

  private static List<String> row(
      Conversation c, Directory directory, ReportCriteria criteria, String publicBaseUrl) {
    ConversationStarted started = c.started();
    Instant start = started.at();
    OptionalLong primaryAccount = directory.campaignAccount(started.campaignId());
    Optional<Directory.EntryPoint> entryPoint = directory.entryPoint(started.entryPointId());
    List<String> cells = new ArrayList<>(COLUMNS.size());
    cells.add(Long.toString(started.campaignId()));
    cells.add(Cells.time(start, criteria.zone()));
    cells.add(started.sessionId());
    addAgent(cells, c.firstAssignment(), directory);
    addAgent(cells, c.lastAssignment(), directory);
    cells.add(started.visitorId());
    cells.add(Cells.of(primaryAccount));
    cells.add(Cells.of(started.hostId()));
    cells.add(Integer.toString(c.messages().size()));
    cells.add(durationTotal(c));
    cells.add(durationConversation(c));
    cells.add(durationAfterClose(c));
    addMessageLengths(cells, c.messages());
    cells.add(entryPoint.map(e -> e.type().wireName()).orElse(Cells.EMPTY));
    cells.add(entryPoint.map(Directory.EntryPoint::name).orElse(Cells.EMPTY));
    cells.add(firstResponseTime(c));
    cells.add(firstReplyTime(c.messages()));
    addResponseTimes(cells, c.messages());
    cells.add(
        started
            .entryPointShownAt()
            .map(shown -> millisBetween(shown, start))
            .map(Cells::seconds)
            .orElse(Cells.EMPTY));
    cells.add(publicBaseUrl + "/transcripts/" + started.sessionId());
    cells.add(Cells.of(started.acceptUrl()));
    cells.add(c.successCode().map(SuccessCodeSet::code).orElse(Cells.EMPTY));
    // The latest survey counts as a whole: its comment is never filled in from an older one.
    cells.add(c.survey().map(s -> s.result().name().toLowerCase(Locale.ROOT)).orElse(Cells.EMPTY));
    cells.add(c.survey().flatMap(SurveySubmitted::comment).orElse(Cells.EMPTY));
    cells.add(started.visitorIdentifier().orElse("Visitor " + started.visitorId()));
    Optional<VisitorBlocked> block =
        c.blocks().isEmpty()
            ? Optional.empty()
            : Optional.of(c.blocks().get(c.blocks().size() - 1));
    cells.add(block.isPresent() ? "yes" : "no");
    cells.add(block.map(VisitorBlocked::reason).orElse(Cells.EMPTY));
    addGoals(cells, c.goals());
    cells.add(handlingType(c, directory, primaryAccount));
    return cells;
  }

  private static void addAgent(
      List<String> cells, Optional<ConversationAssigned> receipt, Directory directory) {
    if (receipt.isEmpty()) {
      cells.add(Cells.EMPTY);
      cells.add(Cells.EMPTY);
      cells.add(Cells.EMPTY);
      return;
    }
    long agentId = receipt.get().agentId();
    OptionalLong account = directory.agentAccount(agentId);
    cells.add(Long.toString(agentId));
    cells.add(Cells.of(account));
    cells.add(
        account.isPresent()
            ? directory
                .account(account.getAsLong())
                .map(Directory.Account::name)
                .orElse(Cells.EMPTY)
            : Cells.EMPTY);
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

  private static void addMessageLengths(List<String> cells, List<MessagePosted> messages) {
    long[] lengths =
        messages.stream().mapToLong(m -> m.text().codePointCount(0, m.text().length())).toArray();
    if (lengths.length == 0) {
      cells.add("0.00");
      cells.add("0");
      return;
    }
    cells.add(Cells.average(BigDecimal.valueOf(LongStream.of(lengths).sum()), lengths.length));
    cells.add(Long.toString(LongStream.of(lengths).max().getAsLong()));
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
  private static void addResponseTimes(List<String> cells, List<MessagePosted> messages) {
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
      cells.add(Cells.EMPTY);
      cells.add(Cells.EMPTY);
      return;
    }
    long total = waits.stream().mapToLong(Long::longValue).sum();
    cells.add(Cells.averageSeconds(total, waits.size()));
    cells.add(Cells.seconds(waits.stream().mapToLong(Long::longValue).max().getAsLong()));
  }

  private static void addGoals(List<String> cells, List<GoalReached> goals) {
    if (goals.isEmpty()) {
      cells.add(Cells.EMPTY);
      cells.add(Cells.EMPTY);
      return;
    }
    cells.add(goals.stream().map(GoalReached::goal).collect(Collectors.joining(",")));
    cells.add(
        Cells.twoDecimals(
            goals.stream().map(GoalReached::value).reduce(BigDecimal.ZERO, BigDecimal::add)));
  }

  /**
   * Every agent involved (a receipt, a message, a block) against the campaign's account. An agent
   * whose profile is unknown, or a campaign whose account is, cannot be of the primary account.
   */
  private static String handlingType(
      Conversation c, Directory directory, OptionalLong primaryAccount) {
    List<Long> involved = new ArrayList<>();
    c.assignments().forEach(a -> involved.add(a.agentId()));
    c.messages().stream()
        .filter(m -> m.author() == MessageAuthor.AGENT)
        .forEach(m -> m.agentId().ifPresent(involved::add));
    c.blocks().forEach(b -> involved.add(b.agentId()));
    if (involved.isEmpty()) {
      return Cells.EMPTY;
    }
    long primary =
        involved.stream().filter(a -> isPrimary(directory.agentAccount(a), primaryAccount)).count();
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
