package org.obtainingwater.api;

import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.media.Schema;
import org.obtainingwater.cases.CaseRecord;

/** One line of "my applications". */
@Schema(description = "我的申请中的一件")
record ApplicationSummary(
    @Schema(example = "GW-2026-000123") String applicationNumber,
    @Schema(description = "用水地址", example = "芦淞区建设南路 88 号") String siteAddress,
    @Schema(description = "当前环节代码", example = "SURVEY") String stage,
    @Schema(description = "当前环节", example = "现场查勘") String stageLabel,
    @Schema(description = "办结结果代码；办理中为 null", example = "WATER_CONNECTED") String outcome,
    @Schema(description = "办结结果；办理中为 null") String outcomeLabel,
    OffsetDateTime receivedAt,
    @Schema(description = "客户下一步需要做什么") String nextStep,
    @Schema(description = "这件申请的进度地址") String statusUrl) {

  static ApplicationSummary of(CaseRecord record) {
    boolean finished = record.finished();
    return new ApplicationSummary(record.applicationNumber(), record.siteAddress(), record.stage().name(),
        record.stage().label(), finished ? record.outcome().name() : null, finished ? record.outcome().label() : null,
        record.receivedAt(), finished ? record.outcome().nextStep() : record.stage().nextStep(),
        org.obtainingwater.web.Doors.APPLICATIONS + "/" + record.applicationNumber());
  }
}
