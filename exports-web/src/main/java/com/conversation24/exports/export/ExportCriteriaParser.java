package com.conversation24.exports.export;

import com.conversation24.campaigns.platform.InvalidInputException;
import com.conversation24.campaigns.platform.Rfc3339Instant;
import com.conversation24.exports.csv.CsvFormat;
import com.conversation24.exports.reports.AccountScope;
import com.conversation24.exports.reports.Column;
import com.conversation24.exports.reports.Report;
import com.conversation24.exports.reports.ReportCriteria;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns an export request's raw query parameters into {@link ExportCriteria} by the rules of
 * REPORTS.md "Common rules". Every rule it breaks is an {@link InvalidInputException} naming the
 * parameter; a caller asking for another account's rows gets a {@link ForeignAccountException}.
 * Named ranges are evaluated in {@code tz} at the clock's current instant.
 */
public final class ExportCriteriaParser {

  public static final String FROM = "from";
  public static final String TO = "to";
  public static final String RANGE = "range";
  public static final String TZ = "tz";
  public static final String CAMPAIGN_ID = "chatcampaign_id";
  public static final String AGENT_ID = "agent_id";
  public static final String ACCOUNT_ID = "account_id";
  public static final String COLUMNS = "columns";
  public static final String DELIMITER = "delimiter";
  public static final String DECIMAL = "decimal";
  public static final String BOM = "bom";

  static final int LONGEST_RANGE_DAYS = 366;

  private static final Pattern LOCAL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern POSITIVE_ID = Pattern.compile("[1-9]\\d{0,18}");

  private final Clock clock;

  public ExportCriteriaParser(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @param parameters the query parameters as sent, each with all its values
   */
  public ExportCriteria parse(
      Report report, Map<String, List<String>> parameters, Requester requester) {
    Parameters query = new Parameters(parameters);
    ZoneId zone = zone(query.single(TZ));
    CsvFormat format = csvFormat(query);
    List<String> columns = columns(report, query.all(COLUMNS));
    AccountScope scope = scope(query.ids(ACCOUNT_ID), requester);
    // A filter the report does not take is ignored (REPORTS.md), but a malformed one is refused
    // whatever the report: a value no report could read is a mistake the caller should hear of.
    Set<Long> campaigns = query.ids(CAMPAIGN_ID);
    Set<Long> agents = query.ids(AGENT_ID);
    campaigns = report.takesCampaignFilter() ? campaigns : Set.of();
    agents = report.takesAgentFilter() ? agents : Set.of();
    if (!report.takesRange()) {
      // Agents and Hosts are the state of now: no range to read, every fact counts.
      ReportCriteria criteria =
          new ReportCriteria(Instant.MIN, Instant.MAX, zone, campaigns, agents, scope);
      return new ExportCriteria(report, criteria, columns, format, report.urlName());
    }
    Range range = range(query, zone);
    ReportCriteria criteria =
        new ReportCriteria(range.from(), range.to(), zone, campaigns, agents, scope);
    String fileStem =
        report.urlName()
            + "_"
            + LocalDate.ofInstant(range.from(), zone)
            + "_"
            + LocalDate.ofInstant(range.to().minusNanos(1), zone);
    return new ExportCriteria(report, criteria, columns, format, fileStem);
  }

  /**
   * Criteria without a range or filters, for reads that follow every row the caller sees (the
   * change feed): the accounts ({@code account_id} as for exports) and the zone of printed times.
   */
  public ReportCriteria unranged(Map<String, List<String>> parameters, Requester requester) {
    Parameters query = new Parameters(parameters);
    ZoneId zone = zone(query.single(TZ));
    AccountScope scope = scope(query.ids(ACCOUNT_ID), requester);
    return new ReportCriteria(Instant.MIN, Instant.MAX, zone, Set.of(), Set.of(), scope);
  }

  private record Range(Instant from, Instant to) {}

  private Range range(Parameters query, ZoneId zone) {
    Optional<String> named = query.single(RANGE);
    Optional<String> from = query.single(FROM);
    Optional<String> to = query.single(TO);
    if (named.isPresent() && (from.isPresent() || to.isPresent())) {
      throw new InvalidInputException(RANGE, "give either range or from and to, not both");
    }
    if (named.isPresent()) {
      return namedRange(named.get(), zone);
    }
    if (from.isEmpty() && to.isEmpty()) {
      throw new InvalidInputException(RANGE, "give either range or from and to");
    }
    if (from.isEmpty()) {
      throw new InvalidInputException(FROM, "required with to");
    }
    if (to.isEmpty()) {
      throw new InvalidInputException(TO, "required with from");
    }
    Instant start = boundary(FROM, from.get(), zone);
    Instant end = boundary(TO, to.get(), zone);
    if (!start.isBefore(end)) {
      throw new InvalidInputException(TO, "must be after from");
    }
    // Counted in local days, so that a year plus a day across a DST change is still allowed.
    if (end.isAfter(start.atZone(zone).plusDays(LONGEST_RANGE_DAYS).toInstant())) {
      throw new InvalidInputException(
          TO, "the range is longer than " + LONGEST_RANGE_DAYS + " days");
    }
    return new Range(start, end);
  }

  private Range namedRange(String name, ZoneId zone) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
    LocalDate firstOfMonth = today.withDayOfMonth(1);
    switch (name) {
      case "today":
        return days(today, today.plusDays(1), zone);
      case "yesterday":
        return days(today.minusDays(1), today, zone);
      case "last_7_days":
        return days(today.minusDays(7), today, zone);
      case "last_30_days":
        return days(today.minusDays(30), today, zone);
      case "this_month":
        return days(firstOfMonth, firstOfMonth.plusMonths(1), zone);
      case "last_month":
        return days(firstOfMonth.minusMonths(1), firstOfMonth, zone);
      default:
        throw new InvalidInputException(
            RANGE, "one of today, yesterday, last_7_days, last_30_days, this_month, last_month");
    }
  }

  private static Range days(LocalDate first, LocalDate end, ZoneId zone) {
    return new Range(startOf(first, zone), startOf(end, zone));
  }

  /** 00:00 of the day in the zone, or the day's first instant when 00:00 falls in a DST gap. */
  static Instant startOf(LocalDate day, ZoneId zone) {
    return day.atStartOfDay(zone).toInstant();
  }

  private static Instant boundary(String parameter, String text, ZoneId zone) {
    if (LOCAL_DATE.matcher(text).matches()) {
      try {
        return startOf(LocalDate.parse(text), zone);
      } catch (DateTimeParseException e) {
        throw new InvalidInputException(parameter, "not a valid date: " + text);
      }
    }
    try {
      return Rfc3339Instant.parse(parameter, text);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(
          parameter, "a local date YYYY-MM-DD or an RFC 3339 date-time: " + e.reason());
    }
  }

  private static ZoneId zone(Optional<String> tz) {
    if (tz.isEmpty()) {
      return ZoneOffset.UTC;
    }
    String id = tz.get();
    if (id.equals("UTC")) {
      return ZoneOffset.UTC;
    }
    // Only region ids: ZoneId.of would also take offsets like +02:00, which have no DST rules.
    if (!ZoneId.getAvailableZoneIds().contains(id)) {
      throw new InvalidInputException(TZ, "not an IANA time zone: " + id);
    }
    return ZoneId.of(id);
  }

  /**
   * The report's columns named by {@code columns=} (comma-separated, repeatable), in the report's
   * order whatever order they are given in, each once; every column when absent.
   */
  private static List<String> columns(Report report, List<String> values) {
    List<String> all = report.columns().stream().map(Column::name).toList();
    if (values.isEmpty()) {
      return all;
    }
    Set<String> asked = new LinkedHashSet<>();
    for (String value : values) {
      if (value == null || value.isBlank()) {
        throw new InvalidInputException(COLUMNS, "empty");
      }
      for (String name : value.split(",", -1)) {
        String stripped = name.strip();
        if (stripped.isEmpty()) {
          throw new InvalidInputException(COLUMNS, "an empty column name in " + value);
        }
        asked.add(stripped);
      }
    }
    List<String> unknown = asked.stream().filter(name -> !all.contains(name)).toList();
    if (!unknown.isEmpty()) {
      throw new InvalidInputException(
          COLUMNS,
          "not columns of the "
              + report.urlName()
              + " report: "
              + String.join(", ", unknown)
              + " (its columns: "
              + String.join(", ", all)
              + ")");
    }
    return all.stream().filter(asked::contains).toList();
  }

  private static CsvFormat csvFormat(Parameters query) {
    boolean semicolon = semicolon(query.single(DELIMITER));
    boolean bom = bom(query.single(BOM));
    Optional<String> decimal = query.single(DECIMAL);
    if (decimal.isEmpty() || decimal.get().equals("dot")) {
      return CsvFormat.of(semicolon, bom);
    }
    if (!decimal.get().equals("comma")) {
      throw new InvalidInputException(DECIMAL, "dot or comma");
    }
    if (!semicolon) {
      // A comma would split every decimal into two fields of a comma-delimited file.
      throw new InvalidInputException(DECIMAL, "comma needs delimiter=semicolon");
    }
    return new CsvFormat(';', bom, ',');
  }

  private static boolean semicolon(Optional<String> delimiter) {
    if (delimiter.isEmpty() || delimiter.get().equals("comma")) {
      return false;
    }
    if (delimiter.get().equals("semicolon")) {
      return true;
    }
    throw new InvalidInputException(DELIMITER, "comma or semicolon");
  }

  private static boolean bom(Optional<String> bom) {
    if (bom.isEmpty() || bom.get().equals("false")) {
      return false;
    }
    if (bom.get().equals("true")) {
      return true;
    }
    throw new InvalidInputException(BOM, "true or false");
  }

  private static AccountScope scope(Set<Long> asked, Requester requester) {
    if (requester.operator()) {
      return asked.isEmpty() ? AccountScope.ALL : AccountScope.only(asked);
    }
    if (requester.accountId().isEmpty()) {
      return AccountScope.only(Set.of());
    }
    long own = requester.accountId().getAsLong();
    for (long account : asked) {
      if (account != own) {
        throw new ForeignAccountException(account);
      }
    }
    return AccountScope.only(Set.of(own));
  }

  /** The query parameters, read by the rules every parameter shares. */
  private static final class Parameters {

    private final Map<String, List<String>> values;

    Parameters(Map<String, List<String>> values) {
      this.values = values == null ? Map.of() : values;
    }

    /** Every value of a parameter, as given. */
    List<String> all(String name) {
      List<String> given = values.get(name);
      return given == null ? List.of() : given;
    }

    /** A parameter that may be given once; an empty value is malformed, not absent. */
    Optional<String> single(String name) {
      List<String> given = all(name);
      if (given.isEmpty()) {
        return Optional.empty();
      }
      if (given.size() > 1) {
        throw new InvalidInputException(name, "given more than once");
      }
      String value = given.get(0);
      if (value == null || value.isEmpty()) {
        throw new InvalidInputException(name, "empty");
      }
      return Optional.of(value);
    }

    /** A repeatable parameter of positive integer ids. */
    Set<Long> ids(String name) {
      Set<Long> ids = new LinkedHashSet<>();
      for (String value : all(name)) {
        if (value == null || !POSITIVE_ID.matcher(value).matches()) {
          throw new InvalidInputException(name, "not a positive integer: " + value);
        }
        try {
          ids.add(Long.parseLong(value));
        } catch (NumberFormatException e) {
          throw new InvalidInputException(name, "too large: " + value);
        }
      }
      return ids;
    }
  }
}
