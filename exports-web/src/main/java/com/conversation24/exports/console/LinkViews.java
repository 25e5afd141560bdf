package com.conversation24.exports.console;

import com.conversation24.exports.export.ExportCriteriaParser;
import com.conversation24.exports.reports.Report;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** How the console prints a public link's report, criteria and times. */
final class LinkViews {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final Pattern LOCAL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private LinkViews() {}

  static String time(Optional<Instant> at) {
    return at.map(TIME::format).orElse("");
  }

  /**
   * When a link stops working, in its criteria's time zone: a link that ends with a day (as the
   * console makes them) by that last day, "through 2026-12-31 (Europe/Amsterdam)"; any other
   * moment by its clock reading there.
   */
  static String expiry(Instant expiresAt, Map<String, List<String>> p) {
    ZoneId zone;
    try {
      zone = ZoneId.of(first(p, ExportCriteriaParser.TZ).orElse("UTC"));
    } catch (DateTimeException e) {
      zone = ZoneOffset.UTC;
    }
    ZonedDateTime end = expiresAt.atZone(zone);
    String name = zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    if (end.toLocalTime().equals(LocalTime.MIDNIGHT)) {
      return "through " + end.toLocalDate().minusDays(1) + " (" + name + ")";
    }
    return "until " + CLOCK.format(end) + " (" + name + ")";
  }

  static String reportTitle(String urlName) {
    return Report.named(urlName).map(Report::title).orElse(urlName);
  }

  /**
   * The criteria in a line: the range (a relative one by its name; picked days with the last day
   * included), the time zone, the filters, the chosen columns and the CSV options, e.g. {@code Last 7 days ·
   * Europe/Amsterdam · campaigns 11, 13 · semicolon · BOM}.
   */
  static String criteria(Map<String, List<String>> p) {
    List<String> parts = new ArrayList<>();
    first(p, ExportCriteriaParser.RANGE)
        .ifPresent(r -> parts.add(CriteriaForm.RANGES.getOrDefault(r, r)));
    Optional<String> from = first(p, ExportCriteriaParser.FROM);
    Optional<String> to = first(p, ExportCriteriaParser.TO);
    if (from.isPresent() || to.isPresent()) {
      if (from.isPresent() && to.isPresent()
          && LOCAL_DATE.matcher(from.get()).matches()
          && LOCAL_DATE.matcher(to.get()).matches()) {
        parts.add(from.get() + " to " + LocalDate.parse(to.get()).minusDays(1));
      } else {
        parts.add("from " + from.orElse("…") + " until " + to.orElse("…"));
      }
    }
    first(p, ExportCriteriaParser.TZ).ifPresent(parts::add);
    List<String> campaigns = p.getOrDefault(ExportCriteriaParser.CAMPAIGN_ID, List.of());
    if (!campaigns.isEmpty()) {
      parts.add((campaigns.size() == 1 ? "campaign " : "campaigns ") + String.join(", ", campaigns));
    }
    List<String> agents = p.getOrDefault(ExportCriteriaParser.AGENT_ID, List.of());
    if (!agents.isEmpty()) {
      parts.add((agents.size() == 1 ? "agent " : "agents ") + String.join(", ", agents));
    }
    List<String> columns =
        p.getOrDefault(ExportCriteriaParser.COLUMNS, List.of()).stream()
            .flatMap(v -> Arrays.stream(v.split(",")))
            .map(String::strip)
            .filter(name -> !name.isEmpty())
            .toList();
    if (!columns.isEmpty()) {
      parts.add((columns.size() == 1 ? "column " : "columns ") + String.join(", ", columns));
    }
    parts.add(first(p, ExportCriteriaParser.DELIMITER).orElse("comma"));
    if (first(p, ExportCriteriaParser.DECIMAL).filter("comma"::equals).isPresent()) {
      parts.add("decimal comma");
    }
    if (first(p, ExportCriteriaParser.BOM).filter("true"::equalsIgnoreCase).isPresent()) {
      parts.add("BOM");
    }
    return String.join(" · ", parts);
  }

  private static Optional<String> first(Map<String, List<String>> p, String name) {
    List<String> values = p.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
