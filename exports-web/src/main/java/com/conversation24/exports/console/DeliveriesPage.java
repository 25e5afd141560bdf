package com.conversation24.exports.console;

import com.conversation24.campaigns.access.api.CurrentCaller;
import com.conversation24.campaigns.platform.InvalidInputException;
import com.conversation24.exports.deliveries.DeliveryAttempt;
import com.conversation24.exports.deliveries.DemoMailbox;
import com.conversation24.exports.deliveries.Destination;
import com.conversation24.exports.deliveries.SavedExport;
import com.conversation24.exports.deliveries.SavedExportRequest;
import com.conversation24.exports.deliveries.SavedExports;
import com.conversation24.exports.deliveries.SavedExports.Created;
import com.conversation24.exports.deliveries.SavedExports.LoggedDelivery;
import com.conversation24.exports.export.NotPermittedException;
import com.conversation24.exports.links.LinkManager;
import com.conversation24.exports.reports.Report;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The Deliveries page: an account's saved exports, their schedules and delivery log. Admins
 * create, edit, pause, resume, delete and send them now; viewers (and operators) read. With the
 * run command's embedded mail server it also shows the mailbox the demo's deliveries went to.
 */
@Named
@ViewScoped
public class DeliveriesPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Field names of problems, in the words of the form's labels. */
  private static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry("label", "Label"),
          Map.entry("report", "Report"),
          Map.entry("range", "Range"),
          Map.entry("tz", "Time zone"),
          Map.entry("delimiter", "Delimiter"),
          Map.entry("format", "Format"),
          Map.entry("schedule.every", "Every"),
          Map.entry("schedule.at", "At"),
          Map.entry("schedule.weekday", "Weekday"),
          Map.entry("schedule.day", "Day of the month"),
          Map.entry("destination.type", "Send by"),
          Map.entry("destination.to", "Email addresses"),
          Map.entry("destination.url", "Webhook URL"));

  @Inject SavedExports savedExports;

  @Inject DemoMailbox mailbox;

  @Inject CurrentCaller caller;

  @Inject ConsoleSession session;

  private Long editing;
  private Long selected;
  private String label;
  private String report = "conversations";
  private String range = "yesterday";
  private String tz = "UTC";
  private String format = "csv";
  private String delimiter = "comma";
  private boolean bom;
  private String every = "daily";
  private String at = "07:00";
  private String weekday = "monday";
  private String day = "1";
  private String destination = "email";
  private String to;
  private String url;
  private String secret;
  private transient List<SavedExport> exports;

  /** Admins of an account change saved exports; others read. */
  public boolean isManages() {
    return manager().isPresent();
  }

  public List<Row> getSavedExports() {
    if (exports == null) {
      exports = savedExports.list(session.requester(), OptionalLong.empty());
    }
    return exports.stream().map(Row::new).toList();
  }

  public List<Report> getReports() {
    return Arrays.asList(Report.values());
  }

  public List<String> getRanges() {
    return List.of("today", "yesterday", "last_7_days", "last_30_days", "this_month", "last_month");
  }

  public List<String> getWeekdays() {
    return Arrays.stream(DayOfWeek.values()).map(d -> d.name().toLowerCase(Locale.ROOT)).toList();
  }

  public void save() {
    Optional<LinkManager> manager = manager();
    if (manager.isEmpty()) {
      return;
    }
    secret = null;
    try {
      Optional<Created> done =
          editing == null
              ? Optional.of(savedExports.create(request(), manager.get()))
              : savedExports.edit(editing, request(), manager.get());
      if (done.isEmpty()) {
        error("That saved export no longer exists.");
        return;
      }
      secret = done.get().webhookSecret().orElse(null);
      info((editing == null ? "Saved export " : "Saved export changed: ") + done.get().export().label()
          + ". Next delivery " + LinkViews.time(Optional.of(done.get().export().nextRunAt())) + ".");
      selected = done.get().export().id();
      clear();
    } catch (InvalidInputException e) {
      String field = LABELS.getOrDefault(e.field(), e.field());
      String reason = e.getMessage().substring(e.getMessage().indexOf(':') + 1).strip();
      error(field + ": " + reason);
    } catch (NotPermittedException e) {
      error(e.getMessage());
    }
    exports = null;
  }

  public void edit(long id) {
    savedExports.find(id, session.requester()).ifPresent(e -> {
      editing = e.id();
      label = e.label();
      report = e.report();
      Map<String, List<String>> p = e.criteria().parameters();
      range = first(p, "range").orElse("yesterday");
      tz = first(p, "tz").orElse("UTC");
      delimiter = first(p, "delimiter").orElse("comma");
      bom = first(p, "bom").map("true"::equals).orElse(false);
      format = e.format();
      every = switch (e.schedule().every()) {
        case DAY -> "daily";
        case WEEK -> "weekly";
        case MONTH -> "monthly";
      };
      at = e.schedule().at().toString();
      weekday = e.schedule().weekday().map(d -> d.name().toLowerCase(Locale.ROOT)).orElse("monday");
      day = e.schedule().day().map(String::valueOf).orElse("1");
      if (e.destination() instanceof Destination.Email email) {
        destination = "email";
        to = String.join(", ", email.to());
        url = null;
      } else {
        destination = "webhook";
        url = ((Destination.Webhook) e.destination()).url().toString();
        to = null;
      }
    });
  }

  public void cancelEdit() {
    clear();
  }

  public void pause(long id, boolean paused) {
    manager().ifPresent(m -> savedExports.pause(id, paused, m));
    info(paused ? "Paused: no scheduled delivery until resumed." : "Resumed from the next occurrence.");
    exports = null;
  }

  public void sendNow(long id) {
    manager().flatMap(m -> savedExports.sendNow(id, m))
        .ifPresent(d -> info("Sending now (delivery " + d.deliveryId() + "); the log below follows it."));
    selected = id;
    exports = null;
  }

  public void delete(long id) {
    manager().ifPresent(m -> {
      if (savedExports.delete(id, m)) {
        info("Saved export deleted, with its delivery log.");
      }
    });
    if (Long.valueOf(id).equals(selected)) {
      selected = null;
    }
    exports = null;
  }

  public void select(long id) {
    selected = id;
  }

  /** The selected saved export's deliveries, newest first, each attempt a row. */
  public List<LogRow> getLog() {
    if (selected == null) {
      return List.of();
    }
    List<LogRow> rows = new ArrayList<>();
    for (LoggedDelivery d : savedExports.log(selected, session.requester()).orElse(List.of())) {
      if (d.attempts().isEmpty()) {
        rows.add(new LogRow(d, Optional.empty()));
      }
      for (DeliveryAttempt a : d.attempts()) {
        rows.add(new LogRow(d, Optional.of(a)));
      }
    }
    return rows;
  }

  public String getSelectedLabel() {
    return selected == null ? "" : savedExports.find(selected, session.requester()).map(SavedExport::label).orElse("");
  }

  public boolean isMailbox() {
    return mailbox.configured();
  }

  public List<DemoMailbox.Mail> getMails() {
    return mailbox.newest(10);
  }

  public void refresh() {
    exports = null;
  }

  private SavedExportRequest request() {
    Map<String, List<String>> criteria = new LinkedHashMap<>();
    Report chosen = Report.named(report).orElse(null);
    if (chosen == null || chosen.takesRange()) {
      criteria.put("range", List.of(range));
    }
    criteria.put("tz", List.of(blankToUtc(tz)));
    if ("csv".equals(format)) {
      criteria.put("delimiter", List.of(delimiter));
      criteria.put("bom", List.of(String.valueOf(bom)));
    }
    boolean email = "email".equals(destination);
    return new SavedExportRequest(
        Optional.ofNullable(label), Optional.ofNullable(report), criteria, Optional.ofNullable(format),
        Optional.ofNullable(every), Optional.ofNullable(at),
        "weekly".equals(every) ? Optional.ofNullable(weekday) : Optional.empty(),
        "monthly".equals(every) ? Optional.ofNullable(day) : Optional.empty(),
        Optional.ofNullable(destination),
        email && to != null ? List.of(to) : List.of(),
        email ? Optional.empty() : Optional.ofNullable(url).filter(u -> !u.isBlank()));
  }

  private static String blankToUtc(String zone) {
    return zone == null || zone.isBlank() ? "UTC" : zone.strip();
  }

  private void clear() {
    editing = null;
    label = null;
    to = null;
    url = null;
  }

  private static Optional<String> first(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  private Optional<LinkManager> manager() {
    return LinkManager.of(caller).filter(m -> !m.operator());
  }

  private static void info(String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  private static void error(String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  /** A saved export as the table shows it. */
  public record Row(long id, String label, String report, String schedule, String destination,
      String state, String nextRun, boolean paused) implements Serializable {
    Row(SavedExport e) {
      this(e.id(), e.label(), LinkViews.reportTitle(e.report()), schedule(e), e.destination().describe(),
          e.state(), e.paused() ? "paused" : LinkViews.time(Optional.of(e.nextRunAt())), e.paused());
    }

    private static String schedule(SavedExport e) {
      String time = e.schedule().at() + " " + (e.schedule().zone().getId().equals("Z") ? "UTC" : e.schedule().zone().getId());
      return switch (e.schedule().every()) {
        case DAY -> "every day at " + time;
        case WEEK -> "every " + cap(e.schedule().weekday().orElseThrow().name()) + " at " + time;
        case MONTH -> "every month on day " + e.schedule().day().orElseThrow() + " at " + time;
      };
    }

    private static String cap(String name) {
      return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }
  }

  /** One attempt of a delivery (or a delivery not attempted yet), as the log shows it. */
  public record LogRow(String deliveryId, String period, String state, String attempt, String at,
      String outcome, String rows, String bytes, String sha256, String answer) implements Serializable {
    LogRow(LoggedDelivery d, Optional<DeliveryAttempt> a) {
      this(d.delivery().deliveryId(),
          (d.delivery().manual() ? "sent now " : "") + LinkViews.time(Optional.of(d.delivery().period())),
          d.delivery().state().name().toLowerCase(Locale.ROOT),
          a.map(x -> String.valueOf(x.n())).orElse(""),
          a.map(x -> LinkViews.time(Optional.<Instant>of(x.at()))).orElse(""),
          a.map(DeliveryAttempt::outcome).orElse("waiting"),
          a.filter(x -> x.rows().isPresent()).map(x -> String.valueOf(x.rows().getAsLong())).orElse(""),
          a.filter(x -> x.bytes().isPresent()).map(x -> String.valueOf(x.bytes().getAsLong())).orElse(""),
          a.flatMap(DeliveryAttempt::sha256).orElse(""),
          a.map(LogRow::answer).orElse(""));
    }

    /** The SMTP reply holds its code already; an HTTP answer gets its status in front. */
    private static String answer(DeliveryAttempt a) {
      String words = a.answer().orElse("");
      String status = a.status().isPresent() ? String.valueOf(a.status().getAsInt()) : "";
      return status.isEmpty() || words.startsWith(status) ? words : status + " " + words;
    }
  }

  // ------------------------------------------------------------------------ form properties

  public Long getEditing() { return editing; }
  public Long getSelected() { return selected; }
  public String getSecret() { return secret; }
  public String getLabel() { return label; }
  public void setLabel(String label) { this.label = label; }
  public String getReport() { return report; }
  public void setReport(String report) { this.report = report; }
  public String getRange() { return range; }
  public void setRange(String range) { this.range = range; }
  public String getTz() { return tz; }
  public void setTz(String tz) { this.tz = tz; }
  public String getFormat() { return format; }
  public void setFormat(String format) { this.format = format; }
  public String getDelimiter() { return delimiter; }
  public void setDelimiter(String delimiter) { this.delimiter = delimiter; }
  public boolean isBom() { return bom; }
  public void setBom(boolean bom) { this.bom = bom; }
  public String getEvery() { return every; }
  public void setEvery(String every) { this.every = every; }
  public String getAt() { return at; }
  public void setAt(String at) { this.at = at; }
  public String getWeekday() { return weekday; }
  public void setWeekday(String weekday) { this.weekday = weekday; }
  public String getDay() { return day; }
  public void setDay(String day) { this.day = day; }
  public String getDestination() { return destination; }
  public void setDestination(String destination) { this.destination = destination; }
  public String getTo() { return to; }
  public void setTo(String to) { this.to = to; }
  public String getUrl() { return url; }
  public void setUrl(String url) { this.url = url; }
}
