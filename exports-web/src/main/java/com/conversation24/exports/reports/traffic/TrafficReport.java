package com.conversation24.exports.reports.traffic;

import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.Directory;
import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.ReportDefinition;
import com.conversation24.exports.reports.TextCells;
import com.conversation24.exports.reports.ReportFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * The Traffic report: per campaign, clock hour and entry point, the visits, views, clicks and chats
 * (REPORTS.md "Traffic"). Figures count under the entry point's campaign, so an event of an entry
 * point not known yet counts nowhere until the entry point arrives.
 */
public final class TrafficReport {

  public static final List<Column<TrafficRow>> COLUMNS =
      List.of(
          Column.id(
              "chatcampaign_id", "The campaign of the entry point.", TrafficRow::campaignId),
          Column.clockReading(
              "hour_begin_time",
              "The start of the clock hour of tz the counts are for.",
              r -> r.bucket().localHour()),
          Column.id(
              "entrypoint_id",
              "The entry point (chat button or automatic invite).",
              TrafficRow::entryPointId),
          Column.text("entrypoint", "The entry point's latest name.", TrafficRow::entryPointName),
          Column.count(
              "visits",
              "Count of page views (page.viewed) in the hour that list the entry point; listed"
                  + " twice in one view counts once.",
              TrafficRow::visits),
          Column.count(
              "views",
              "Count of entrypoint.viewed in the hour: the visitor saw the button or invite.",
              TrafficRow::views),
          Column.count("clicks", "Count of entrypoint.clicked in the hour.", TrafficRow::clicks),
          Column.count(
              "chats",
              "Count of conversations started through the entry point in the hour"
                  + " (conversation.started).",
              TrafficRow::chats));

  private static final ReportDefinition.Figures<TrafficRow> FIGURES =
      (facts, criteria, base) -> figures(facts, criteria);

  public static final ReportDefinition<TrafficRow> DEFINITION =
      new ReportDefinition<>(
          "traffic",
          "Traffic",
          "This report provides all visitor's actions on your website: the number of visits,"
              + " visitors on the website, the quantity of viewed and accepted chats and the number"
              + " of automatic invitations.",
          COLUMNS,
          true,
          true,
          false,
          FIGURES);

  private TrafficReport() {}

  /** The rows from every stored fact, printed. */
  public static List<List<String>> rows(ReportFacts facts, ReportCriteria criteria) {
    return DEFINITION.printed(facts, criteria, "");
  }

  /** The rows from tallies, printed. */
  public static List<List<String>> rows(
      Directory directory, Iterable<EntryPointTally> tallies, ReportCriteria criteria) {
    TextCells<TrafficRow> text = new TextCells<>(COLUMNS, criteria.zone());
    return figures(directory, tallies, criteria).stream().map(text::printAsList).toList();
  }

  /** The rows, counted from every event of the facts. */
  public static List<TrafficRow> figures(ReportFacts facts, ReportCriteria criteria) {
    return figures(facts.directory(), EntryPointTally.all(facts), criteria);
  }

  /**
   * The rows, from tallies of entry points (events one by one, or counts kept per quarter hour):
   * each tally counts in the clock hour that holds its instant.
   */
  public static List<TrafficRow> figures(
      Directory directory, Iterable<EntryPointTally> tallies, ReportCriteria criteria) {
    List<TrafficRow> rows = new ArrayList<>();
    HourlyTallies hours =
        counting(
            criteria,
            id -> directory.entryPoint(id).map(e -> CountedEntryPoint.of(e, directory)),
            rows::add);
    EntryPointTally.inTimeOrder(tallies).forEach(hours::add);
    hours.finish();
    return rows;
  }

  /**
   * Counts tallies in time order into rows, handed to {@code rows} in the report's order as each
   * hour completes. Invite outcomes are the Automatic invites report's.
   */
  public static HourlyTallies counting(
      ReportCriteria criteria,
      LongFunction<Optional<CountedEntryPoint>> entryPoints,
      Consumer<TrafficRow> rows) {
    return new HourlyTallies(
        criteria,
        entryPoints,
        tally -> tally.counter().outcome().isEmpty(),
        (bucket, entryPoint, counts) ->
            rows.accept(
                new TrafficRow(
                    entryPoint.campaignId(),
                    bucket,
                    entryPoint.id(),
                    entryPoint.name(),
                    counts.getOrDefault(TrafficCounter.VISITS, 0L),
                    counts.getOrDefault(TrafficCounter.VIEWS, 0L),
                    counts.getOrDefault(TrafficCounter.CLICKS, 0L),
                    counts.getOrDefault(TrafficCounter.CHATS, 0L))));
  }
}
