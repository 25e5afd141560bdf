package com.conversation24.exports.deliveries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.conversation24.campaigns.platform.InvalidInputException;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A saved export's schedule, addresses and webhook URL: each wrong one a problem naming its field. */
class SavedExportRulesTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
  private static final String BASE = "https://exports.example.com";

  private static SavedExportRequest schedule(String every, String at, String weekday, String day) {
    return new SavedExportRequest(
        Optional.of("x"), Optional.of("slots"), Map.of(), Optional.empty(), Optional.ofNullable(every),
        Optional.ofNullable(at), Optional.ofNullable(weekday), Optional.ofNullable(day),
        Optional.of("email"), List.of("a@example.com"), Optional.empty());
  }

  private static void refused(Runnable action, String field) {
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void schedulesAreReadWithTheirFields() {
    DeliverySchedule weekly = SavedExports.schedule(schedule("weekly", "07:00", "Monday", null), ZONE);
    assertThat(weekly.weekday()).hasValue(DayOfWeek.MONDAY);
    assertThat(weekly.zone()).isEqualTo(ZONE);
    assertThat(SavedExports.schedule(schedule("monthly", "23:59", null, "31"), ZONE).day()).hasValue(31);
  }

  @Test
  void aScheduleThatCannotOccurNamesItsField() {
    refused(() -> SavedExports.schedule(schedule("monthly", "07:00", null, "0"), ZONE), "schedule.day");
    refused(() -> SavedExports.schedule(schedule("monthly", "07:00", null, "32"), ZONE), "schedule.day");
    refused(() -> SavedExports.schedule(schedule("monthly", "07:00", null, null), ZONE), "schedule.day");
    refused(() -> SavedExports.schedule(schedule("weekly", "07:00", "funday", null), ZONE), "schedule.weekday");
    refused(() -> SavedExports.schedule(schedule("daily", "24:00", null, null), ZONE), "schedule.at");
    refused(() -> SavedExports.schedule(schedule("daily", "7:00", null, null), ZONE), "schedule.at");
    refused(() -> SavedExports.schedule(schedule("daily", "07:00", null, "3"), ZONE), "schedule.day");
    refused(() -> SavedExports.schedule(schedule("hourly", "07:00", null, null), ZONE), "schedule.every");
  }

  @Test
  void addressesArePlainAndChecked() {
    assertThat(SavedExports.addresses(List.of("a@example.com, b@example.org", "a@example.com")))
        .containsExactly("a@example.com", "b@example.org");
    refused(() -> SavedExports.addresses(List.of("not-an-address")), "destination.to");
    refused(() -> SavedExports.addresses(List.of("Ann <a@example.com>")), "destination.to");
    refused(() -> SavedExports.addresses(List.of("a@localhost")), "destination.to");
    refused(() -> SavedExports.addresses(List.of()), "destination.to");
  }

  @Test
  void productionWebhooksAreHttpsAndNeverThisMachineOrLinkLocal() {
    assertThat(WebhookTargets.check("https://203.0.113.7/hooks/c24", true, BASE))
        .isEqualTo(URI.create("https://203.0.113.7/hooks/c24"));
    refused(() -> WebhookTargets.check("http://203.0.113.7/hooks", true, BASE), "destination.url");
    refused(() -> WebhookTargets.check("https://127.0.0.1:9000/hooks", true, BASE), "destination.url");
    refused(() -> WebhookTargets.check("https://[::1]/hooks", true, BASE), "destination.url");
    refused(() -> WebhookTargets.check("https://169.254.169.254/latest/meta-data", true, BASE), "destination.url");
    refused(() -> WebhookTargets.check("https://0.0.0.0/hooks", true, BASE), "destination.url");
    refused(() -> WebhookTargets.check("https://exports.example.com/api/events", true, BASE), "destination.url");
    refused(() -> WebhookTargets.check("https://user:pw@203.0.113.7/", true, BASE), "destination.url");
    refused(() -> WebhookTargets.check("ftp://203.0.113.7/", true, BASE), "destination.url");
    refused(() -> WebhookTargets.check("not a url", true, BASE), "destination.url");
  }

  @Test
  void developmentModeTakesALoopbackReceiverOverHttp() {
    assertThat(WebhookTargets.check("http://127.0.0.1:9000/hooks", false, BASE))
        .isEqualTo(URI.create("http://127.0.0.1:9000/hooks"));
  }

  @Test
  void aFailedAttemptsPauseDoublesUpToFiveMinutes() {
    assertThat(Deliveries.pause(1)).hasSeconds(1);
    assertThat(Deliveries.pause(2)).hasSeconds(2);
    assertThat(Deliveries.pause(3)).hasSeconds(4);
    assertThat(Deliveries.pause(9)).hasSeconds(256);
    assertThat(Deliveries.pause(10)).hasMinutes(5);
    assertThat(Deliveries.pause(40)).hasMinutes(5);
  }
}
