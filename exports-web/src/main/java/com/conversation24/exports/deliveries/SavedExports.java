package com.conversation24.exports.deliveries;

import com.conversation24.campaigns.platform.InvalidInputException;
import com.conversation24.campaigns.platform.PlatformMode;
import com.conversation24.campaigns.platform.SecretToken;
import com.conversation24.exports.deliveries.SavedExportRepository.NewSavedExport;
import com.conversation24.exports.export.ExportCriteriaParser;
import com.conversation24.exports.export.ExportService;
import com.conversation24.exports.export.NotPermittedException;
import com.conversation24.exports.export.Requester;
import com.conversation24.exports.jobs.ExportJobs;
import com.conversation24.exports.links.LinkCriteria;
import com.conversation24.exports.links.LinkManager;
import com.conversation24.exports.reports.Report;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Saved exports (issue 19): an account's admins create, edit, pause, resume, delete and send them
 * now; its viewers (and operators, every account's) read them and their delivery log. The one
 * service the REST API and the console call; {@link Deliveries} sends them.
 *
 * <p>Criteria are checked by the export parser when saved, as for public links, and kept as
 * parameters: a relative range is resolved at each period's instant.
 */
@ApplicationScoped
public class SavedExports {

  static final int LABEL_MAX = 190;
  static final int RECIPIENTS_MAX = 20;
  /** Deliveries the log shows, newest first. */
  public static final int LOG_LIMIT = 50;

  @Inject SavedExportRepository saved;

  @Inject ExportService exports;

  @Inject Deliveries deliveries;

  @Inject PlatformMode mode;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "EXPORTS_PUBLIC_BASE_URL")
  String publicBaseUrl;

  /** A saved export and, right after creation only, its webhook's secret. */
  public record Created(SavedExport export, Optional<String> webhookSecret) {}

  /** A delivery with its attempts. */
  public record LoggedDelivery(Delivery delivery, List<DeliveryAttempt> attempts) {}

  public Created create(SavedExportRequest request, LinkManager manager) {
    long account = adminAccount(manager);
    Checked checked = check(request, account, Optional.empty());
    Instant now = clock.instant();
    SavedExport export =
        saved.add(
            new NewSavedExport(
                account, checked.label, checked.report.urlName(), checked.criteria, checked.format,
                checked.schedule, checked.destination, checked.schedule.nextAfter(now),
                manager.name(), now));
    Optional<String> secret =
        checked.destination instanceof Destination.Webhook webhook
            ? Optional.of(webhook.secret())
            : Optional.empty();
    return new Created(export, secret);
  }

  /** Replaces everything but the webhook's secret (kept when the URL stays a webhook). */
  public Optional<Created> edit(long id, SavedExportRequest request, LinkManager manager) {
    long account = adminAccount(manager);
    Optional<SavedExport> found = managed(id, manager);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    SavedExport old = found.get();
    Optional<String> keptSecret =
        old.destination() instanceof Destination.Webhook webhook
            ? Optional.of(webhook.secret())
            : Optional.empty();
    Checked checked = check(request, account, keptSecret);
    Instant now = clock.instant();
    SavedExport edited =
        new SavedExport(
            old.id(), account, checked.label, checked.report.urlName(), checked.criteria,
            checked.format, checked.schedule, checked.destination, old.paused(),
            checked.schedule.nextAfter(now), old.failures(), old.createdBy(), old.createdAt(), now);
    saved.update(edited);
    Optional<String> secret =
        checked.destination instanceof Destination.Webhook webhook && keptSecret.isEmpty()
            ? Optional.of(webhook.secret())
            : Optional.empty();
    return saved.byId(id).map(e -> new Created(e, secret));
  }

  /**
   * Pauses or resumes. A resumed export delivers from its next occurrence on: the periods of the
   * pause are not made up.
   */
  public Optional<SavedExport> pause(long id, boolean paused, LinkManager manager) {
    adminAccount(manager);
    Optional<SavedExport> found = managed(id, manager);
    found.ifPresent(
        e -> {
          Instant now = clock.instant();
          saved.update(
              new SavedExport(
                  e.id(), e.accountId(), e.label(), e.report(), e.criteria(), e.format(),
                  e.schedule(), e.destination(), paused, e.schedule().nextAfter(now),
                  e.failures(), e.createdBy(), e.createdAt(), now));
        });
    return found.flatMap(e -> saved.byId(id));
  }

  public boolean delete(long id, LinkManager manager) {
    adminAccount(manager);
    return managed(id, manager).map(e -> saved.delete(e.id())).orElse(false);
  }

  /** A delivery outside the schedule, claimed for this instant and queued at once. */
  public Optional<Delivery> sendNow(long id, LinkManager manager) {
    adminAccount(manager);
    return managed(id, manager).map(deliveries::sendNow);
  }

  /** What the requester reads: an account's saved exports, or (operators) every account's. */
  public List<SavedExport> list(Requester reader, OptionalLong account) {
    if (reader.operator()) {
      return saved.list(account);
    }
    if (reader.accountId().isEmpty()) {
      return List.of();
    }
    return saved.list(reader.accountId());
  }

  public Optional<SavedExport> find(long id, Requester reader) {
    return saved.byId(id).filter(e -> reader.operator() || reader.accountId().equals(OptionalLong.of(e.accountId())));
  }

  /** The newest deliveries with their attempts. */
  public Optional<List<LoggedDelivery>> log(long id, Requester reader) {
    return find(id, reader)
        .map(
            e ->
                saved.deliveries(e.id(), LOG_LIMIT).stream()
                    .map(d -> new LoggedDelivery(d, saved.attempts(d.id())))
                    .toList());
  }

  // -------------------------------------------------------------------------------- checks

  private record Checked(
      String label, Report report, LinkCriteria criteria, String format,
      DeliverySchedule schedule, Destination destination) {}

  private Optional<SavedExport> managed(long id, LinkManager manager) {
    return saved.byId(id).filter(e -> manager.accountId().equals(OptionalLong.of(e.accountId())));
  }

  private static long adminAccount(LinkManager manager) {
    if (manager.operator() || manager.accountId().isEmpty()) {
      throw new NotPermittedException("saved exports are managed by an admin of the account");
    }
    return manager.accountId().getAsLong();
  }

  private Checked check(SavedExportRequest request, long account, Optional<String> keptSecret) {
    String label = request.label().map(String::strip).filter(l -> !l.isEmpty())
        .orElseThrow(() -> new InvalidInputException("label", "required"));
    if (label.length() > LABEL_MAX) {
      throw new InvalidInputException("label", "at most " + LABEL_MAX + " characters");
    }
    Report report = report(request.report());
    LinkCriteria criteria = criteria(report, request, account);
    String format = ExportJobs.format(request.format().orElse(null)).extension();
    ZoneId zone = exports.criteria(report, criteria.parameters(), Requester.ofAccount(account))
        .criteria().zone();
    DeliverySchedule schedule = schedule(request, zone);
    Destination destination = destination(request, keptSecret);
    return new Checked(label, report, criteria, format, schedule, destination);
  }

  private static Report report(Optional<String> name) {
    String given = name.filter(n -> !n.isBlank())
        .orElseThrow(() -> new InvalidInputException("report", "required"));
    return Report.named(given)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "report",
                    "one of "
                        + Arrays.stream(Report.values()).map(Report::urlName).collect(Collectors.joining(", "))));
  }

  /** The report's own criteria only, then the export parser's rules with the account as requester. */
  private LinkCriteria criteria(Report report, SavedExportRequest request, long account) {
    Set<String> allowed = Set.copyOf(report.criteria());
    for (String name : request.criteria().keySet()) {
      if (name.equals(ExportCriteriaParser.ACCOUNT_ID)) {
        throw new InvalidInputException(name, "a saved export always covers its own account only");
      }
      if (!allowed.contains(name)) {
        throw new InvalidInputException(name, "not a criterion of the " + report.urlName() + " report");
      }
    }
    LinkCriteria criteria = new LinkCriteria(request.criteria());
    exports.criteria(report, criteria.parameters(), Requester.ofAccount(account));
    return criteria;
  }

  static DeliverySchedule schedule(SavedExportRequest request, ZoneId zone) {
    String every = request.every().orElseThrow(() -> new InvalidInputException("schedule.every", "required"));
    String atText = request.at().orElseThrow(() -> new InvalidInputException("schedule.at", "required"));
    LocalTime at;
    try {
      if (!atText.matches("\\d{2}:\\d{2}")) {
        throw new DateTimeParseException("HH:MM", atText, 0);
      }
      at = LocalTime.parse(atText);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("schedule.at", "a local time HH:MM (00:00 to 23:59): " + atText);
    }
    switch (every) {
      case "daily" -> {
        refuse(request.weekday(), "schedule.weekday", "only for weekly schedules");
        refuse(request.day(), "schedule.day", "only for monthly schedules");
        return DeliverySchedule.daily(at, zone);
      }
      case "weekly" -> {
        refuse(request.day(), "schedule.day", "only for monthly schedules");
        String weekday = request.weekday()
            .orElseThrow(() -> new InvalidInputException("schedule.weekday", "required for weekly schedules"));
        DayOfWeek day;
        try {
          day = DayOfWeek.valueOf(weekday.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new InvalidInputException("schedule.weekday", "monday to sunday, not " + weekday);
        }
        return DeliverySchedule.weekly(day, at, zone);
      }
      case "monthly" -> {
        refuse(request.weekday(), "schedule.weekday", "only for weekly schedules");
        String dayText = request.day()
            .orElseThrow(() -> new InvalidInputException("schedule.day", "required for monthly schedules"));
        int day;
        try {
          day = Integer.parseInt(dayText);
        } catch (NumberFormatException e) {
          day = 0;
        }
        if (day < 1 || day > 31) {
          throw new InvalidInputException(
              "schedule.day", "a day of the month, 1 to 31 (past a month's end: its last day), not " + dayText);
        }
        return DeliverySchedule.monthly(day, at, zone);
      }
      default -> throw new InvalidInputException("schedule.every", "daily, weekly or monthly");
    }
  }

  private static void refuse(Optional<String> given, String field, String reason) {
    if (given.isPresent()) {
      throw new InvalidInputException(field, reason);
    }
  }

  private Destination destination(SavedExportRequest request, Optional<String> keptSecret) {
    String type = request.destination()
        .orElseThrow(() -> new InvalidInputException("destination.type", "required: email or webhook"));
    switch (type) {
      case "email" -> {
        if (request.url().isPresent()) {
          throw new InvalidInputException("destination.url", "only for webhooks");
        }
        return new Destination.Email(addresses(request.to()));
      }
      case "webhook" -> {
        if (!request.to().isEmpty()) {
          throw new InvalidInputException("destination.to", "only for email");
        }
        String url = request.url().orElseThrow(() -> new InvalidInputException("destination.url", "required for webhooks"));
        return new Destination.Webhook(
            WebhookTargets.check(url, mode.production(), publicBaseUrl),
            keptSecret.orElseGet(() -> SecretToken.generate("c24w_").value()));
      }
      default -> throw new InvalidInputException("destination.type", "email or webhook");
    }
  }

  /** Plain addresses ({@code name@example.com}), as RFC 822 parses them strictly; no display names. */
  static List<String> addresses(List<String> given) {
    List<String> addresses = new ArrayList<>();
    for (String text : given) {
      for (String part : text.split(",", -1)) {
        String address = part.strip();
        if (address.isEmpty()) {
          continue;
        }
        try {
          InternetAddress parsed = new InternetAddress(address, true);
          parsed.validate();
          if (!parsed.getAddress().equals(address) || !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new AddressException("not a plain address");
          }
        } catch (AddressException e) {
          throw new InvalidInputException("destination.to", "not an email address: " + address);
        }
        if (!addresses.contains(address)) {
          addresses.add(address);
        }
      }
    }
    if (addresses.isEmpty()) {
      throw new InvalidInputException("destination.to", "at least one email address");
    }
    if (addresses.size() > RECIPIENTS_MAX) {
      throw new InvalidInputException("destination.to", "at most " + RECIPIENTS_MAX + " addresses");
    }
    return addresses;
  }
}
