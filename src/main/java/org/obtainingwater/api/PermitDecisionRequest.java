package org.obtainingwater.api;

import static org.obtainingwater.process.ApplicationRules.MULTILINE_TEXT;
import static org.obtainingwater.process.ApplicationRules.SINGLE_LINE;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.obtainingwater.process.InvalidInputException;

/** The platform's decision on one filing. */
@Schema(description = "审批平台对一份许可申报的审批结果")
record PermitDecisionRequest(
    @Schema(description = "审批结果", allowableValues = {"approved", "rejected"})
    @NotBlank(message = "请填写审批结果 decision：approved 或 rejected")
    @Pattern(regexp = "approved|rejected", message = "审批结果 decision 只能是 approved 或 rejected")
    String decision,

    @Schema(description = "许可证号；批准时必填", example = "株建占字〔2026〕201号", maxLength = 64)
    @Size(max = 64, message = "许可证号不能超过 {max} 个字符")
    @Pattern(regexp = SINGLE_LINE, message = "许可证号不能包含控制字符") String permitNumber,

    @Schema(description = "不予批准的原因；驳回时必填", example = "施工时段与道路维修冲突", maxLength = 500)
    @Size(max = 500, message = "不予批准原因不能超过 {max} 个字")
    @Pattern(regexp = MULTILINE_TEXT, message = "不予批准原因不能包含控制字符") String rejectionReason) {

  /** The field a decision of this kind needs but lacks, or null when it is complete. */
  InvalidInputException incomplete() {
    if ("approved".equals(decision) && (permitNumber == null || permitNumber.isBlank())) {
      return new InvalidInputException("permitNumber", "批准（approved）时必须填写许可证号 permitNumber");
    }
    if ("rejected".equals(decision) && (rejectionReason == null || rejectionReason.isBlank())) {
      return new InvalidInputException("rejectionReason", "驳回（rejected）时必须填写不予批准原因 rejectionReason");
    }
    return null;
  }
}
