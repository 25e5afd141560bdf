package com.conversation24.exports.reports.timelines;

import com.conversation24.agents.api.AgentLoggedIn;
import com.conversation24.agents.api.AgentLoggedOut;
import com.conversation24.campaigns.platform.PlatformEvent;
import com.conversation24.exports.reports.ReportFacts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The work shifts of all agents and the sign-offs that set agents offline, derived from the logins
 * and logouts in the order of EVENTS.md. A login while a shift of the agent is open ends that shift
 * at the login's instant; a logout ends only the open shift of its workshift_id, yet always signs
 * the agent off.
 */
public final class WorkShifts {

  private final List<WorkShift> shifts;
  private final List<SignOff> signOffs;

  private WorkShifts(List<WorkShift> shifts, List<SignOff> signOffs) {
    this.shifts = List.copyOf(shifts);
    this.signOffs = List.copyOf(signOffs);
  }

  public static WorkShifts of(ReportFacts facts) {
    return from(facts.events(), Map.of());
  }

  /**
   * The shifts and sign-offs the events make, given the shift each agent had open just before
   * them ({@code openBefore}): that shift is the first of the agent's in {@link #all()}, its end
   * set by the events (or still open). The events are in the order of EVENTS.md; others than
   * logins and logouts are passed over. From an empty {@code openBefore} and every event of an
   * agent this is the agent's whole history; from the shift open just before an instant and the
   * events from that instant on, it is the rest of it, because nothing earlier changes which
   * shift a later login or logout ends.
   */
  public static WorkShifts from(
      List<? extends PlatformEvent> events, Map<Long, AgentLoggedIn> openBefore) {
    List<WorkShift> shifts = new ArrayList<>();
    List<SignOff> signOffs = new ArrayList<>();
    // Index in `shifts` of each agent's open shift.
    Map<Long, Integer> open = new HashMap<>();
    openBefore.forEach(
        (agent, login) -> {
          open.put(agent, shifts.size());
          shifts.add(new WorkShift(login, Optional.empty()));
        });
    for (PlatformEvent event : events) {
      if (event instanceof AgentLoggedIn login) {
        Integer current = open.get(login.agentId());
        if (current != null) {
          shifts.set(current, new WorkShift(shifts.get(current).login(), Optional.of(login)));
          signOffs.add(new SignOff(login.agentId(), login.at(), login.eventId()));
        }
        open.put(login.agentId(), shifts.size());
        shifts.add(new WorkShift(login, Optional.empty()));
      } else if (event instanceof AgentLoggedOut logout) {
        signOffs.add(new SignOff(logout.agentId(), logout.at(), logout.eventId()));
        Integer current = open.get(logout.agentId());
        if (current != null && shifts.get(current).workshiftId().equals(logout.workshiftId())) {
          shifts.set(current, new WorkShift(shifts.get(current).login(), Optional.of(logout)));
          open.remove(logout.agentId());
        }
      }
    }
    return new WorkShifts(shifts, signOffs);
  }

  /** Every shift, open or closed, in the order of their logins. */
  public List<WorkShift> all() {
    return shifts;
  }

  /** Every sign-off, in event order. */
  public List<SignOff> signOffs() {
    return signOffs;
  }
}
