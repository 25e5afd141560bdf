package com.conversation24.exports.console;

import static org.assertj.core.api.Assertions.assertThatCode;

import com.conversation24.exports.console.ConsoleChoices.Choice;
import com.conversation24.exports.jobs.JobState;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The console's view-scoped pages live in the session, and the sessions are written to the data
 * grid after each request (decision 26): a page holding something that does not serialize loses
 * its state when its member dies. The pages here hold what they hold after their first render.
 */
class ConsolePagesSerializeTest {

  private static final List<Choice> CHOICES = List.of(new Choice(11, "Shoes"), new Choice(12, "Bags"));

  @Test
  void theExportsPageWithItsCampaignAndAgentChoicesSerializes() throws Exception {
    ExportsPage page = new ExportsPage();
    set(page, "campaignChoices", CHOICES);
    set(page, "agentChoices", CHOICES);
    set(page, "accountChoices", CHOICES);
    assertThatCode(() -> serialize(page)).doesNotThrowAnyException();
  }

  @Test
  void theExportsPageWithPickedColumnsAndAPreparedFileSerializes() throws Exception {
    ExportsPage page = new ExportsPage();
    page.setColumnNames(List.of("session_id", "num_messages"));
    set(page, "previewedColumns", List.copyOf(List.of("session_id")));
    set(
        page,
        "prepared",
        new PreparedFile(
            7, "Conversations", JobState.DONE, 120, 120, "", "conversations_2026-10-23_2026-10-27.csv",
            "/api/export-jobs/7/file", 4096, "ab".repeat(32), 3, 99, "2026-10-28 09:00 UTC",
            "2026-10-29 09:00 UTC"));
    assertThatCode(() -> serialize(page)).doesNotThrowAnyException();
  }

  @Test
  void theDashboardWithItsChoicesSerializes() throws Exception {
    DashboardPage page = new DashboardPage();
    set(page, "campaignChoices", CHOICES);
    set(page, "totals", List.of(new DashboardPage.Total("Chats", "1,234")));
    assertThatCode(() -> serialize(page)).doesNotThrowAnyException();
  }

  private static void set(Object page, String field, Object value) throws ReflectiveOperationException {
    Field f = page.getClass().getDeclaredField(field);
    f.setAccessible(true);
    f.set(page, value);
  }

  private static void serialize(Serializable page) throws Exception {
    try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
      out.writeObject(page);
    }
  }
}
