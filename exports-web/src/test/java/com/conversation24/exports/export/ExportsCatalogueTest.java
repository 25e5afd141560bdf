package com.conversation24.exports.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.exports.reports.Report;
import com.conversation24.exports.reports.slots.SlotsReport;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's JSON as the server writes it (JSON-B, as Payara does for the resource's records):
 * its version, its spec, and every column with its kind and definition.
 */
class ExportsCatalogueTest {

  @Test
  void theCatalogueCarriesItsVersionSpecAndEveryColumnsDefinition() throws Exception {
    JsonObject catalogue = json(new ExportsResource().catalogue());

    assertThat(catalogue.getInt("version")).isEqualTo(Report.CATALOGUE_VERSION);
    assertThat(catalogue.getString("spec")).isEqualTo("docs/metrics.md");
    List<JsonObject> reports = catalogue.getJsonArray("reports").getValuesAs(JsonObject.class);
    assertThat(reports).hasSize(Report.values().length);
    for (JsonObject report : reports) {
      Report known = Report.named(report.getString("name")).orElseThrow();
      List<JsonObject> columns = report.getJsonArray("columns").getValuesAs(JsonObject.class);
      assertThat(columns.stream().map(c -> c.getString("name")))
          .as(known.urlName())
          .containsExactlyElementsOf(known.columns().stream().map(c -> c.name()).toList());
      assertThat(columns)
          .as(known.urlName())
          .allSatisfy(
              c -> {
                assertThat(c.getString("definition")).isNotBlank();
                assertThat(c.getString("kind")).isIn("id", "enum", "time", "number", "text");
              });
    }
  }

  @Test
  void aColumnReadsAsItsDeclaration() throws Exception {
    JsonObject slots =
        json(new ExportsResource().catalogue()).getJsonArray("reports").stream()
            .map(r -> r.asJsonObject())
            .filter(r -> r.getString("name").equals("slots"))
            .findFirst()
            .orElseThrow();
    JsonObject duration = slots.getJsonArray("columns").getJsonObject(6);

    assertThat(duration.getString("name")).isEqualTo("duration");
    assertThat(duration.getString("kind")).isEqualTo("number");
    assertThat(duration.getString("definition"))
        .isEqualTo(SlotsReport.COLUMNS.get(6).definition())
        .contains("seconds")
        .contains("Empty while");
  }

  private static JsonObject json(Object answer) throws Exception {
    try (Jsonb jsonb = JsonbBuilder.create();
        JsonReader reader = Json.createReader(new StringReader(jsonb.toJson(answer)))) {
      return reader.readObject();
    }
  }
}
