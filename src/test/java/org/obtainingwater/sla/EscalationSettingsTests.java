package org.obtainingwater.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.obtainingwater.cases.Stage;

/** Which supervisor hears of which stage's overdue work, and configurations refused at start-up. */
class EscalationSettingsTests {

  static final Supervisor SERVICE = new Supervisor("服务督导", "13900000008");
  static final Supervisor WORKS = new Supervisor("施工管理科", "13900000005");

  @Test
  void aStageWithItsOwnSupervisor_reachesThem_everyOtherStageTheDefault() {
    EscalationSettings settings = new EscalationSettings(Map.of("default", SERVICE, "CONSTRUCTION", WORKS));

    assertThat(settings.supervisorOf(Stage.CONSTRUCTION)).isEqualTo(WORKS);
    assertThat(settings.supervisorOf(Stage.SURVEY)).isEqualTo(SERVICE);
    assertThat(settings.supervisorOf(Stage.PERMITS)).isEqualTo(SERVICE);
  }

  @Test
  void stageNamesFromEnvironmentVariables_inLowerCase_areTheSameStage() {
    EscalationSettings settings = new EscalationSettings(Map.of("DEFAULT", SERVICE, "construction", WORKS));

    assertThat(settings.supervisorOf(Stage.CONSTRUCTION)).isEqualTo(WORKS);
  }

  @Test
  void anUnknownStage_orNoDefault_stopsStartUp_namingTheEntry() {
    assertThatThrownBy(() -> new EscalationSettings(Map.of("default", SERVICE, "SURVAY", WORKS)))
        .hasMessageContaining("obtaining-water.escalation.supervisors.SURVAY").hasMessageContaining("SURVEY");
    assertThatThrownBy(() -> new EscalationSettings(Map.of("CONSTRUCTION", WORKS)))
        .hasMessageContaining("obtaining-water.escalation.supervisors.default is missing");
    assertThatThrownBy(() -> new Supervisor(" ", "13900000008")).hasMessageContaining("name");
  }

  @Test
  void theNoticeNamesTheCaseTheWorkItsTargetAndWhenItWasDue_inTheUtilitysZone() {
    OverdueNotice notice = new OverdueNotice("GW-2026-000123", Stage.SURVEY, "现场查勘", 1,
        java.time.Instant.parse("2026-11-30T07:00:00Z"), SERVICE, "overdue/task-1");

    assertThat(notice.text(java.time.ZoneId.of("Asia/Shanghai")))
        .isEqualTo("【超期督办】GW-2026-000123「现场查勘」已超过办理时限（1 个工作日），2026-11-30 15:00 到期仍未办结，请督促办理。");
    OverdueNotice permit = new OverdueNotice("GW-2026-000123", Stage.PERMITS, "办理占道挖掘许可", 2,
        java.time.Instant.parse("2026-11-25T02:00:00Z"), SERVICE, "overdue/permit-1");
    assertThat(permit.text(java.time.ZoneId.of("Asia/Shanghai")))
        .isEqualTo("【超期督办】GW-2026-000123「办理占道挖掘许可」（行政审批）已超过办理时限（2 个工作日），2026-11-25 10:00 到期仍未办结，请督促办理。");
  }
}
