package org.obtainingwater.api;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;
import static org.obtainingwater.process.ApplicationRules.ADDRESS_MAX;
import static org.obtainingwater.process.ApplicationRules.NAME_MAX;
import static org.obtainingwater.process.ApplicationRules.PHONE_PATTERN;
import static org.obtainingwater.process.ApplicationRules.SINGLE_LINE;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.obtainingwater.process.ApplicationRules;
import org.obtainingwater.process.CaseVariables;
import org.obtainingwater.process.PreEngagementProcess;
import org.obtainingwater.process.TaskInput;

/**
 * A new application (零资料: the minimal data of the start form) and the channel it came through.
 * Checked by the same rules as the start form (ApplicationRules) before anything is filed; the schema
 * below shows those rules to clients.
 */
@Schema(description = "用水报装申请：开始表单的最少信息加上申请渠道")
record ApplicationRequest(
    @Schema(description = "申请单位或申请人", example = "株洲市芦淞区某某食品有限公司", requiredMode = REQUIRED,
        maxLength = NAME_MAX, pattern = SINGLE_LINE)
    String applicantName,

    @Schema(description = "联系电话：11 位手机号或带区号的固定电话", example = "13812345678", requiredMode = REQUIRED,
        pattern = PHONE_PATTERN)
    String contactPhone,

    @Schema(description = "用水地址", example = "芦淞区建设南路 88 号", requiredMode = REQUIRED, maxLength = ADDRESS_MAX,
        pattern = SINGLE_LINE)
    String siteAddress,

    @Schema(description = "用水性质", requiredMode = REQUIRED,
        allowableValues = {"industrial", "commercial", "construction", "residential", "publicService"})
    String useType,

    @Schema(description = "预计最大用水量（立方米/小时），0.1 到 10000", example = "12.5", requiredMode = REQUIRED,
        minimum = "0.1", maximum = "10000")
    Double expectedPeakDemand,

    @Schema(description = "申请渠道", requiredMode = REQUIRED, allowableValues = {"app", "wechat", "hotline", "web", "counter"})
    String channel,

    @Schema(description = "提前办项目编号（选填）：列入提前办的重大项目报装时，填写客户经理告知的投资项目统一代码，"
        + "已完成的预查勘、预设计（及提前建成的红线外管线）将直接沿用。编号不存在或项目已关闭时返回 400，并在 errors 中说明。",
        example = "2026-430211-47-01-000123", nullable = true, pattern = PreEngagementProcess.REFERENCE_PATTERN)
    String projectReference) {

  /**
   * Refuses the request, naming every wrong field, unless the application rules accept it: the same
   * rules and messages as the start form in Tasklist.
   */
  void check() {
    Map<String, Object> fields = new HashMap<>();  // HashMap: the fields may be null
    fields.put(CaseVariables.APPLICANT_NAME.name(), applicantName);
    fields.put(CaseVariables.CONTACT_PHONE.name(), contactPhone);
    fields.put(CaseVariables.SITE_ADDRESS.name(), siteAddress);
    fields.put(CaseVariables.USE_TYPE.name(), useType);
    fields.put(CaseVariables.EXPECTED_PEAK_DEMAND.name(), expectedPeakDemand);
    fields.put(CaseVariables.CHANNEL.name(), channel);
    fields.put(CaseVariables.PROJECT_REFERENCE.name(), projectReference);
    TaskInput input = TaskInput.of(fields);
    ApplicationRules.checkFiling(input);
    input.throwIfInvalid();
  }

  /** The start form's variables. */
  Map<String, Object> variables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(CaseVariables.APPLICANT_NAME.name(), applicantName.strip());
    variables.put(CaseVariables.CONTACT_PHONE.name(), contactPhone.strip());
    variables.put(CaseVariables.SITE_ADDRESS.name(), siteAddress.strip());
    variables.put(CaseVariables.USE_TYPE.name(), useType);
    variables.put(CaseVariables.EXPECTED_PEAK_DEMAND.name(), expectedPeakDemand);
    variables.put(CaseVariables.CHANNEL.name(), channel);
    if (projectReference != null) {
      variables.put(CaseVariables.PROJECT_REFERENCE.name(), projectReference.strip());
    }
    return variables;
  }

  /** Identifies the content, so a retry with the same Idempotency-Key can be told from a reused key. */
  String fingerprint() {
    // Without a project reference the fingerprint is what it was before the field existed, so a retry
    // across the upgrade is still recognised.
    return projectReference == null
        ? Fingerprint.of(applicantName.strip(), contactPhone.strip(), siteAddress.strip(), useType,
            String.valueOf(expectedPeakDemand), channel)
        : Fingerprint.of(applicantName.strip(), contactPhone.strip(), siteAddress.strip(), useType,
            String.valueOf(expectedPeakDemand), channel, projectReference.strip());
  }
}
