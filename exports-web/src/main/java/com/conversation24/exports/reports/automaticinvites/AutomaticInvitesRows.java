package com.conversation24.exports.reports.automaticinvites;

import com.conversation24.exports.reports.ReportCriteria;
import com.conversation24.exports.reports.ReportDefinition;
import com.conversation24.exports.reports.ReportRows;
import com.conversation24.exports.reports.traffic.HourlyReads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Consumer;

/** The Automatic invites report's rows: the outcomes of each clock hour and invite, hour by hour. */
@ApplicationScoped
public class AutomaticInvitesRows implements ReportRows<AutomaticInvitesRow> {

  @Inject HourlyReads hourly;

  @Override
  public ReportDefinition<AutomaticInvitesRow> definition() {
    return AutomaticInvitesReport.DEFINITION;
  }

  @Override
  public void forEach(ReportCriteria criteria, Consumer<AutomaticInvitesRow> each) {
    hourly.count(
        criteria, entryPoints -> AutomaticInvitesReport.counting(criteria, entryPoints, each));
  }
}
