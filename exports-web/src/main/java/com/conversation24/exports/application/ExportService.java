package com.conversation24.exports.application;

import com.conversation24.agents.api.AgentFacts;
import com.conversation24.campaigns.api.CampaignFacts;
import com.conversation24.campaigns.api.PlatformEvent;
import com.conversation24.conversations.api.ConversationFacts;
import com.conversation24.exports.csv.ReportCsvWriter;
import com.conversation24.exports.figures.Column;
import com.conversation24.exports.figures.ReportFacts;
import com.conversation24.traffic.api.TrafficFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Exports a report: resolves a request into criteria, then reads the four contexts' facts, computes
 * the rows with the figures and writes them. Reading happens in {@link #write}, which a streaming
 * response calls after the resource method returned (PITFALLS "JAX-RS streaming").
 */
@ApplicationScoped
public class ExportService {

  /** Raised when the catalogue's shape or a report's columns change, so clients can tell. */
  public static final int CATALOGUE_VERSION = 1;

  @Inject Clock clock;

  @Inject CampaignFacts campaignFacts;

  @Inject AgentFacts agentFacts;

  @Inject ConversationFacts conversationFacts;

  @Inject TrafficFacts trafficFacts;

  @Inject
  @ConfigProperty(name = "EXPORTS_PUBLIC_BASE_URL")
  String publicBaseUrl;

  /** The request's criteria; invalid input is an {@code InvalidInputException}. */
  public ExportCriteria criteria(
      Report report, Map<String, List<String>> parameters, Requester requester) {
    return new ExportCriteriaParser(clock).parse(report, parameters, requester);
  }

  /** Reads the facts now and writes the report's rows to {@code out}, which it leaves open. */
  public void write(ExportCriteria export, ExportFormat format, OutputStream out)
      throws IOException {
    List<List<String>> rows =
        export.report().rows(facts(), export.criteria(), withoutTrailingSlash(publicBaseUrl));
    List<Column> columns = export.report().columns();
    if (format == ExportFormat.CSV) {
      writeCsv(export, columns, rows, out);
    } else {
      writeJson(format, columns, rows, out);
    }
  }

  private ReportFacts facts() {
    List<PlatformEvent> events = new ArrayList<>();
    events.addAll(campaignFacts.all());
    events.addAll(agentFacts.all());
    events.addAll(conversationFacts.all());
    events.addAll(trafficFacts.all());
    return ReportFacts.of(events);
  }

  private static void writeCsv(
      ExportCriteria export, List<Column> columns, List<List<String>> rows, OutputStream out) {
    // Not closed: closing would close the response stream, which the container owns; and after
    // a failure nothing more may be written (the transfer must break, not end cleanly).
    ReportCsvWriter csv = new ReportCsvWriter(out, columns, export.format());
    for (List<String> row : rows) {
      csv.write(row);
    }
    csv.flush();
  }

  private static void writeJson(
      ExportFormat format, List<Column> columns, List<List<String>> rows, OutputStream out)
      throws IOException {
    if (format == ExportFormat.JSON) {
      JsonGenerator json = Json.createGenerator(out);
      json.writeStartArray();
      for (List<String> row : rows) {
        writeObject(json, columns, row);
      }
      json.writeEnd();
      json.flush();
      return;
    }
    for (List<String> row : rows) {
      // One generator per line: NDJSON is a sequence of JSON texts, not one document.
      StringWriter line = new StringWriter();
      try (JsonGenerator json = Json.createGenerator(line)) {
        writeObject(json, columns, row);
      }
      out.write(line.toString().getBytes(StandardCharsets.UTF_8));
      out.write('\n');
    }
    out.flush();
  }

  /** Cells as the CSV holds them before its spreadsheet guard: an empty field stays "". */
  private static void writeObject(JsonGenerator json, List<Column> columns, List<String> row) {
    json.writeStartObject();
    for (int i = 0; i < columns.size(); i++) {
      json.write(columns.get(i).name(), row.get(i));
    }
    json.writeEnd();
  }

  static String withoutTrailingSlash(String url) {
    return url.replaceAll("/+$", "");
  }
}
