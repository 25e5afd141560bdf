package com.conversation24.exports.reports.timelines;

import static com.conversation24.exports.testing.AgentScenario.t;
import static org.assertj.core.api.Assertions.assertThat;

import com.conversation24.exports.testing.AgentScenario;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkShiftsTest {

  @Test
  void logoutOfTheOpenShiftEndsIt() {
    WorkShifts shifts =
        WorkShifts.of(
            AgentScenario.standard().login("08:00", "ws-1").logout("10:00", "ws-1").facts());

    assertThat(shifts.all())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.start()).isEqualTo(t("08:00"));
              assertThat(s.end()).contains(t("10:00"));
            });
  }

  @Test
  void loginWhileShiftOpenEndsItAtThatLogin() {
    WorkShifts shifts =
        WorkShifts.of(
            AgentScenario.standard()
                .login("08:00", "ws-1")
                .login("09:00", "ws-2")
                .logout("10:00", "ws-2")
                .facts());

    assertThat(shifts.all()).extracting(WorkShift::workshiftId).containsExactly("ws-1", "ws-2");
    assertThat(shifts.all().get(0).end()).contains(t("09:00"));
    assertThat(shifts.all().get(1).end()).contains(t("10:00"));
    assertThat(shifts.signOffs()).extracting(SignOff::at).containsExactly(t("09:00"), t("10:00"));
  }

  @Test
  void logoutOfAnotherShiftEndsNoShiftButSignsOff() {
    WorkShifts shifts =
        WorkShifts.of(
            AgentScenario.standard().login("08:00", "ws-1").logout("09:00", "ws-x").facts());

    assertThat(shifts.all())
        .singleElement()
        .satisfies(s -> assertThat(s.end()).isEqualTo(Optional.empty()));
    assertThat(shifts.signOffs()).extracting(SignOff::at).containsExactly(t("09:00"));
  }

  @Test
  void logoutWithoutAnOpenShiftEndsNothing() {
    WorkShifts shifts =
        WorkShifts.of(
            AgentScenario.standard()
                .login("08:00", "ws-1")
                .logout("09:00", "ws-1")
                .logout("09:30", "ws-1")
                .facts());

    assertThat(shifts.all())
        .singleElement()
        .satisfies(s -> assertThat(s.end()).contains(t("09:00")));
    assertThat(shifts.signOffs()).hasSize(2);
  }
}
