package com.conversation24.exports.deliveries;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A saved export to create or to replace, as the API or the console asks for it; checked by
 * {@link SavedExports}, which names the field at fault ({@code schedule.day},
 * {@code destination.url}, a criterion's own name, ...).
 *
 * @param criteria export parameters as for a public link (never {@code account_id})
 * @param format csv (when absent), json, ndjson or xlsx
 * @param every {@code daily}, {@code weekly} or {@code monthly}
 * @param at the local time {@code HH:MM} in the criteria's {@code tz}
 * @param weekday {@code monday} to {@code sunday}, weekly only
 * @param day 1 to 31, monthly only; past a month's end the month's last day
 * @param destination {@code email} or {@code webhook}
 * @param to the addresses of an email destination
 * @param url the URL of a webhook destination
 */
public record SavedExportRequest(
    Optional<String> label,
    Optional<String> report,
    Map<String, List<String>> criteria,
    Optional<String> format,
    Optional<String> every,
    Optional<String> at,
    Optional<String> weekday,
    Optional<String> day,
    Optional<String> destination,
    List<String> to,
    Optional<String> url) {

  public SavedExportRequest {
    criteria = Map.copyOf(criteria);
    to = List.copyOf(to);
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(every, "every");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(weekday, "weekday");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(url, "url");
  }
}
