package com.conversation24.exports.application;

import com.conversation24.exports.figures.ConversationsReport;
import com.conversation24.exports.figures.Directory;
import com.conversation24.exports.figures.ReportCriteria;
import com.conversation24.exports.infrastructure.ConversationRowStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Exports a report: resolves a request into criteria, then reads the four contexts' facts, computes
 * the rows with the figures and writes them. Reading happens in {@link #write}, which a streaming
 * response calls after the resource method returned (PITFALLS "JAX-RS streaming").
 */
@ApplicationScoped
public class ExportService {

  @Inject Clock clock;

  @Inject StoredFacts facts;

  @Inject ConversationRowStore conversations;

  /** Runs the read-ahead of streamed exports (the container's managed executor). */
  @Inject Executor executor;

  @Inject
  @ConfigProperty(name = "EXPORTS_PUBLIC_BASE_URL")
  String publicBaseUrl;

  /** The request's criteria; invalid input is an {@code InvalidInputException}. */
  public ExportCriteria criteria(
      Report report, Map<String, List<String>> parameters, Requester requester) {
    return new ExportCriteriaParser(clock).parse(report, parameters, requester);
  }

  /**
   * Reads the report's data now and writes its rows to {@code out}, which it leaves open.
   * Conversations stream from their projection row by row; the other reports are computed from
   * the contexts' facts.
   */
  public void write(ExportCriteria export, ExportFormat format, OutputStream out)
      throws IOException {
    RowSink sink = RowSink.of(format, export, out);
    if (export.report() == Report.CONVERSATIONS) {
      forEachConversation(export.criteria(), sink::write);
    } else {
      for (List<String> row :
          export.report().rows(facts.all(), export.criteria(), withoutTrailingSlash(publicBaseUrl))) {
        sink.write(row);
      }
    }
    sink.finish();
  }

  /** The Conversations rows of the criteria, read from the projection in the report's order. */
  public void forEachConversation(ReportCriteria criteria, Consumer<List<String>> each) {
    Directory directory = facts.directory();
    ConversationsReport.Printer printer =
        new ConversationsReport.Printer(directory, criteria.zone(), withoutTrailingSlash(publicBaseUrl));
    ConversationRowStore.Selection selection = ConversationRowStore.Selection.of(criteria, directory);
    // The reader thread decodes and prints the cells, this one writes them: about half each.
    ReadAhead.<List<String>>stream(
        executor,
        rows ->
            conversations.forEach(
                selection,
                row -> {
                  if (ConversationsReport.selected(row, directory, criteria)) {
                    rows.accept(printer.cells(row));
                  }
                }),
        each);
  }

  static String withoutTrailingSlash(String url) {
    return url.replaceAll("/+$", "");
  }
}
