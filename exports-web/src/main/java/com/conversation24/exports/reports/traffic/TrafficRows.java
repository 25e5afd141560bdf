package com.conversation24.exports.reports.traffic;

import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.ReportDefinition;
import com.conversation24.exports.reports.ReportRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Consumer;

/** The Traffic report's rows: the counts of each clock hour and entry point, hour by hour. */
@ApplicationScoped
public class TrafficRows implements ReportRows<TrafficRow> {

  @Inject HourlyReads hourly;

  @Override
  public ReportDefinition<TrafficRow> definition() {
    return TrafficReport.DEFINITION;
  }

  @Override
  public void forEach(ReportCriteria criteria, Consumer<TrafficRow> each) {
    hourly.count(criteria, entryPoints -> TrafficReport.counting(criteria, entryPoints, each));
  }
}
