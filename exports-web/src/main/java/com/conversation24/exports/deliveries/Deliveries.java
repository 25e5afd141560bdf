package com.conversation24.exports.deliveries;

import com.conversation24.campaigns.platform.PlatformMode;
import com.conversation24.campaigns.platform.SchemaReady;
import com.conversation24.exports.deliveries.SavedExportRepository.Lapsed;
import com.conversation24.exports.export.ExportCriteria;
import com.conversation24.exports.export.ExportFormat;
import com.conversation24.exports.export.ExportService;
import com.conversation24.exports.export.Requester;
import com.conversation24.exports.jobs.ClaimedWork;
import com.conversation24.exports.jobs.ExportJob;
import com.conversation24.exports.jobs.ExportJobs;
import com.conversation24.exports.jobs.JobCriteria;
import com.conversation24.exports.reports.PublicBaseUrl;
import com.conversation24.exports.reports.Report;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends saved exports (issue 19, decision 35). Every {@link #SWEEP} each member claims the periods
 * that came due: one INSERT on the delivery's unique key (saved export, period), which only one
 * member can win, before anything is sent. A claimed delivery is then taken for an attempt under a
 * lease, as export jobs are (decision 32); a member that stops mid-attempt lets the lease run out
 * and any member sends it again, with the same delivery id. A failed attempt is tried again after
 * a pause that doubles (1 s, 2 s, 4 s, ... at most 5 min) until {@code EXPORTS_DELIVERY_RETRY_SECONDS}
 * after the claim; then the delivery has failed, and the saved export counts one failure more.
 *
 * <p>The file is the export of the saved criteria resolved at the period's instant (a relative
 * range is the period's), written by the same export as {@code GET /api/exports}. Up to {@code
 * EXPORTS_DELIVERY_ATTACHMENT_MAX_BYTES} it goes in the mail or the webhook's body; past it an
 * export job makes the file and the delivery carries the link to it.
 */
@ApplicationScoped
public class Deliveries {

  private static final Logger LOG = Logger.getLogger(Deliveries.class.getName());

  static final Duration SWEEP = Duration.ofSeconds(1);
  static final Duration LEASE = Duration.ofSeconds(30);
  static final Duration LONGEST_PAUSE = Duration.ofMinutes(5);
  static final int WORKERS = 2;

  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @Inject Clock clock;

  @Inject SavedExportRepository saved;

  @Inject ExportService exports;

  @Inject ExportJobs jobs;

  @Inject SmtpMail mail;

  @Inject WebhookPost webhooks;

  @Inject PlatformMode mode;

  @Inject ManagedExecutorService tasks;

  @Inject ManagedScheduledExecutorService schedule;

  @Inject
  @ConfigProperty(name = "EXPORTS_DELIVERY_ATTACHMENT_MAX_BYTES", defaultValue = "10485760")
  long attachmentMaxBytes;

  @Inject
  @ConfigProperty(name = "EXPORTS_DELIVERY_RETRY_SECONDS", defaultValue = "3600")
  long retrySeconds;

  @Inject
  @ConfigProperty(name = "EXPORTS_PUBLIC_BASE_URL")
  String publicBaseUrl;

  private final String owner = ClaimedWork.member();
  private final ClaimedWork<Delivery> work =
      new ClaimedWork<>("deliveries", () -> WORKERS, this::claimNext, this::attempt);
  private final Map<Long, Integer> sending = new ConcurrentHashMap<>();

  void start(@Observes SchemaReady ready) {
    work.sweepEvery(schedule, SWEEP, this::sweep);
  }

  @PreDestroy
  void stop() {
    work.stop();
    try {
      saved.release(owner, clock.instant());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "deliveries: could not release the deliveries being sent at stop", e);
    }
  }

  /** Claims a delivery at this instant, outside the schedule, and starts it. */
  Delivery sendNow(SavedExport export) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Delivery delivery =
        saved
            .claimPeriod(export.id(), now, true, UUID.randomUUID().toString(), now, giveUp(now))
            .orElseThrow(() -> new IllegalStateException("a delivery at this very millisecond exists"));
    wake();
    return delivery;
  }

  /**
   * Every {@link #SWEEP}: renews this member's leases, queues again what stopped members left,
   * claims the periods that came due, starts workers. Never throws (a scheduled task that throws
   * is not run again).
   */
  void sweep() {
    try {
      Instant now = clock.instant();
      sending.forEach((id, attempts) -> saved.renew(id, attempts, owner, now.plus(LEASE)));
      for (Lapsed lapsed : saved.lapsed(now, 20)) {
        if (saved.requeueLapsed(lapsed, now, "the member sending it stopped; sent again")) {
          Optional<Delivery> d = saved.delivery(lapsed.id());
          String where =
              d.flatMap(x -> saved.byId(x.savedExportId()))
                  .map(e -> e.destination().describe())
                  .orElse("");
          saved.recordAttempt(
              new DeliveryAttempt(
                  lapsed.id(), lapsed.attempts(), now, where, "interrupted", OptionalLong.empty(),
                  OptionalLong.empty(), Optional.empty(), java.util.OptionalInt.empty(),
                  Optional.of("the member sending it stopped before it recorded an answer")));
        }
      }
      for (SavedExport export : saved.due(now, 50)) {
        Instant period = export.schedule().latestAtOrBefore(now);
        if (period.isBefore(export.nextRunAt())) {
          period = export.nextRunAt();
        }
        saved.claimPeriod(export.id(), period, false, UUID.randomUUID().toString(), now, giveUp(now));
        saved.advance(export.id(), export.nextRunAt(), export.schedule().nextAfter(now));
      }
      wake();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "deliveries: the sweep failed; next one in " + SWEEP, e);
    }
  }

  private void wake() {
    work.wake(tasks);
  }

  private Optional<Delivery> claimNext() {
    Instant now = clock.instant();
    for (long id : saved.ready(now, 2 * WORKERS)) {
      Optional<Delivery> claimed = saved.claim(id, owner, now, now.plus(LEASE));
      if (claimed.isPresent()) {
        return claimed;
      }
    }
    return Optional.empty();
  }

  /** One attempt of a claimed delivery, logged whatever happens. */
  private void attempt(Delivery delivery) {
    sending.put(delivery.id(), delivery.attempts());
    try {
      Optional<SavedExport> found = saved.byId(delivery.savedExportId());
      if (found.isEmpty()) {
        return;
      }
      SavedExport export = found.get();
      Outcome outcome;
      try {
        outcome = send(export, delivery);
      } catch (RuntimeException | IOException e) {
        LOG.log(Level.WARNING, "delivery " + delivery.deliveryId() + " could not be made", e);
        outcome = new Outcome(DeliveryAnswer.none("the file could not be made: " + e.getMessage()),
            OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), "");
      }
      Instant now = clock.instant();
      DeliveryAnswer answer = outcome.answer;
      saved.recordAttempt(
          new DeliveryAttempt(
              delivery.id(), delivery.attempts(), now, export.destination().describe(),
              answer.delivered() ? "delivered" : "failed", outcome.rows, outcome.bytes,
              outcome.sha256, answer.status(), answer.answer()));
      String words = answer.answer().orElse("") + outcome.note;
      if (answer.delivered()) {
        saved.finish(delivery.id(), delivery.attempts(), owner, DeliveryState.DELIVERED,
            "delivered" + outcome.note, outcome.rows, outcome.bytes, outcome.sha256, now);
        return;
      }
      Instant retryAt = now.plus(pause(delivery.attempts()));
      if (retryAt.isAfter(delivery.giveUpAt())) {
        saved.finish(delivery.id(), delivery.attempts(), owner, DeliveryState.FAILED,
            "failed after " + delivery.attempts() + " attempts: " + words,
            outcome.rows, outcome.bytes, outcome.sha256, now);
      } else {
        saved.retryLater(delivery.id(), delivery.attempts(), owner, retryAt,
            "attempt " + delivery.attempts() + " failed: " + words);
      }
    } finally {
      sending.remove(delivery.id());
    }
  }

  private record Outcome(
      DeliveryAnswer answer, OptionalLong rows, OptionalLong bytes, Optional<String> sha256, String note) {}

  private Outcome send(SavedExport export, Delivery delivery) throws IOException {
    Report report =
        Report.named(export.report()).orElseThrow(() -> new IllegalStateException("no report " + export.report()));
    ExportFormat format = ExportJobs.format(export.format());
    ExportCriteria criteria =
        exports.criteriaAt(
            report, export.criteria().parameters(), Requester.ofAccount(export.accountId()), delivery.period());
    DeliveryFile file = new DeliveryFile(attachmentMaxBytes);
    AtomicLong rows = new AtomicLong();
    Optional<DeliveryFile.Written> written;
    try {
      exports.write(criteria, format, file, rows::incrementAndGet);
      byte[] bytes = file.bytes();
      written =
          Optional.of(
              new DeliveryFile.Written(
                  bytes,
                  format == ExportFormat.XLSX ? OptionalLong.empty() : OptionalLong.of(rows.get()),
                  DeliveryFile.Written.sha256(bytes),
                  criteria.fileName(format),
                  format.contentType()));
    } catch (IOException | UncheckedIOException e) {
      if (!file.tooLarge()) {
        throw e;
      }
      written = Optional.empty();
    }
    Optional<String> link = Optional.empty();
    String note = "";
    if (written.isEmpty()) {
      ExportJob job =
          jobs.submit(
              report.urlName(), JobCriteria.of(criteria).parameters(), format.extension(),
              Requester.ofAccount(export.accountId()));
      link = Optional.of(PublicBaseUrl.withoutTrailingSlash(publicBaseUrl) + "/api/export-jobs/" + job.id() + "/file");
      note = " (larger than " + attachmentMaxBytes + " bytes: sent as the link to export job " + job.id() + ")";
    }
    DeliveryAnswer answer;
    if (export.destination() instanceof Destination.Email email) {
      answer = mail.send(new SmtpMail.Outgoing(
          email.to(), subject(export, report, criteria), text(export, report, criteria, delivery, written, link),
          written, delivery.deliveryId()));
    } else {
      Destination.Webhook webhook = (Destination.Webhook) export.destination();
      URI url = WebhookTargets.check(webhook.url().toString(), mode.production(), publicBaseUrl);
      byte[] body;
      String contentType;
      if (written.isPresent()) {
        body = written.get().bytes();
        contentType = written.get().contentType();
      } else {
        body = linkDocument(export, delivery, criteria, format, link.get()).getBytes(StandardCharsets.UTF_8);
        contentType = "application/json";
      }
      answer = webhooks.send(new WebhookPost.Outgoing(
          url, body, contentType, delivery.deliveryId(), delivery.attempts(),
          clock.instant().getEpochSecond(), webhook.secret()));
    }
    return new Outcome(
        answer,
        written.map(DeliveryFile.Written::rows).orElse(OptionalLong.empty()),
        written.map(w -> OptionalLong.of(w.bytes().length)).orElse(OptionalLong.empty()),
        written.map(DeliveryFile.Written::sha256),
        note);
  }

  private static String subject(SavedExport export, Report report, ExportCriteria criteria) {
    return export.label() + ": " + report.title() + days(report, criteria);
  }

  private static String days(Report report, ExportCriteria criteria) {
    if (!report.takesRange()) {
      return "";
    }
    ZoneId zone = criteria.criteria().zone();
    LocalDate first = LocalDate.ofInstant(criteria.criteria().from(), zone);
    LocalDate last = LocalDate.ofInstant(criteria.criteria().to().minusNanos(1), zone);
    return first.equals(last) ? ", " + first : ", " + first + " to " + last;
  }

  private static String text(
      SavedExport export, Report report, ExportCriteria criteria, Delivery delivery,
      Optional<DeliveryFile.Written> file, Optional<String> link) {
    ZoneId zone = export.schedule().zone();
    StringBuilder text = new StringBuilder();
    text.append(report.title()).append(days(report, criteria)).append(" (").append(zone.getId()).append(")\r\n");
    text.append("Saved export: ").append(export.label()).append("\r\n");
    text.append(delivery.manual() ? "Sent on request at " : "Scheduled for ")
        .append(LOCAL.format(ZonedDateTime.ofInstant(delivery.period(), zone)))
        .append(" ").append(zone.getId()).append("\r\n");
    if (file.isPresent()) {
      text.append("Attached: ").append(file.get().name()).append(", ").append(file.get().bytes().length).append(" bytes");
      file.get().rows().ifPresent(r -> text.append(", ").append(r).append(" rows"));
      text.append(", SHA-256 ").append(file.get().sha256()).append("\r\n");
    } else {
      text.append("The file is larger than the attachment limit. Download it (with an API token of the account,")
          .append(" within a day) from:\r\n").append(link.orElseThrow()).append("\r\n");
    }
    text.append("Delivery id: ").append(delivery.deliveryId()).append("\r\n");
    return text.toString();
  }

  private static String linkDocument(
      SavedExport export, Delivery delivery, ExportCriteria criteria, ExportFormat format, String link) {
    return Json.createObjectBuilder()
        .add("deliveryId", delivery.deliveryId())
        .add("savedExportId", export.id())
        .add("label", export.label())
        .add("report", export.report())
        .add("period", delivery.period().toString())
        .add("fileName", criteria.fileName(format))
        .add("link", link)
        .build()
        .toString();
  }

  /** 1 s after the first failed attempt, twice as long after each next, at most 5 minutes. */
  static Duration pause(int attempts) {
    int doublings = Math.min(Math.max(attempts - 1, 0), 20);
    Duration pause = Duration.ofSeconds(1L << doublings);
    return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
  }

  private Instant giveUp(Instant from) {
    return from.plusSeconds(retrySeconds);
  }
}
