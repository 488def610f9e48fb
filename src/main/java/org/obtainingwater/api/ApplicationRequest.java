package org.obtainingwater.api;

import static org.obtainingwater.process.ApplicationRules.ADDRESS_MAX;
import static org.obtainingwater.process.ApplicationRules.CHANNEL_PATTERN;
import static org.obtainingwater.process.ApplicationRules.NAME_MAX;
import static org.obtainingwater.process.ApplicationRules.PHONE_PATTERN;
import static org.obtainingwater.process.ApplicationRules.PLAIN_TEXT;
import static org.obtainingwater.process.ApplicationRules.USE_TYPE_PATTERN;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.obtainingwater.process.CaseVariables;
import org.obtainingwater.process.PreEngagementProcess;

/** A new application (零资料: the minimal data of the start form) and the channel it came through. */
@Schema(description = "用水报装申请：开始表单的最少信息加上申请渠道")
public record ApplicationRequest(
    @Schema(description = "申请单位或申请人", example = "株洲市芦淞区某某食品有限公司", maxLength = NAME_MAX)
    @NotBlank(message = "请填写申请单位/申请人") @Size(max = NAME_MAX, message = "申请单位/申请人不能超过 {max} 个字")
    @Pattern(regexp = PLAIN_TEXT, message = "申请单位/申请人不能包含控制字符") String applicantName,

    @Schema(description = "联系电话：11 位手机号或带区号的固定电话", example = "13812345678")
    @NotBlank(message = "请填写联系电话") @Pattern(regexp = PHONE_PATTERN, message = "联系电话格式不正确：请填写 11 位手机号或带区号的固定电话")
    String contactPhone,

    @Schema(description = "用水地址", example = "芦淞区建设南路 88 号", maxLength = ADDRESS_MAX)
    @NotBlank(message = "请填写用水地址") @Size(max = ADDRESS_MAX, message = "用水地址不能超过 {max} 个字")
    @Pattern(regexp = PLAIN_TEXT, message = "用水地址不能包含控制字符") String siteAddress,

    @Schema(description = "用水性质", allowableValues = {"industrial", "commercial", "construction", "residential", "publicService"})
    @NotBlank(message = "请选择用水性质") @Pattern(regexp = USE_TYPE_PATTERN,
        message = "用水性质只能是 industrial、commercial、construction、residential 或 publicService")
    String useType,

    @Schema(description = "预计最大用水量（立方米/小时），0.1 到 10000", example = "12.5")
    @NotNull(message = "请填写预计最大用水量") @DecimalMin(value = "0.1", message = "预计最大用水量至少为 0.1 立方米/小时")
    @DecimalMax(value = "10000", message = "预计最大用水量不能超过 10000 立方米/小时")
    Double expectedPeakDemand,

    @Schema(description = "申请渠道", allowableValues = {"app", "wechat", "hotline", "web", "counter"})
    @NotBlank(message = "请填写申请渠道") @Pattern(regexp = CHANNEL_PATTERN,
        message = "申请渠道只能是 app、wechat、hotline、web 或 counter")
    String channel,

    @Schema(description = "提前办项目编号（选填）：列入提前办的重大项目报装时，填写客户经理告知的投资项目统一代码，"
        + "已完成的预查勘、预设计（及提前建成的红线外管线）将直接沿用。编号不存在或项目已关闭时返回 400，并在 errors 中说明。",
        example = "2026-430211-47-01-000123", nullable = true)
    @Pattern(regexp = PreEngagementProcess.REFERENCE_PATTERN,
        message = "提前办项目编号格式不正确，应为投资项目统一代码，形如 2026-430211-47-01-000123；没有可不填")
    String projectReference) {

  /** The start form's variables. */
  Map<String, Object> variables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(CaseVariables.APPLICANT_NAME.name(), applicantName.strip());
    variables.put(CaseVariables.CONTACT_PHONE.name(), contactPhone);
    variables.put(CaseVariables.SITE_ADDRESS.name(), siteAddress.strip());
    variables.put(CaseVariables.USE_TYPE.name(), useType);
    variables.put(CaseVariables.EXPECTED_PEAK_DEMAND.name(), expectedPeakDemand);
    variables.put(CaseVariables.CHANNEL.name(), channel);
    if (projectReference != null) {
      variables.put(CaseVariables.PROJECT_REFERENCE.name(), projectReference);
    }
    return variables;
  }

  /** Identifies the content, so a retry with the same Idempotency-Key can be told from a reused key. */
  String fingerprint() {
    // Without a project reference the fingerprint is what it was before the field existed, so a retry
    // across the upgrade is still recognised.
    return projectReference == null
        ? Fingerprint.of(applicantName.strip(), contactPhone, siteAddress.strip(), useType,
            String.valueOf(expectedPeakDemand), channel)
        : Fingerprint.of(applicantName.strip(), contactPhone, siteAddress.strip(), useType,
            String.valueOf(expectedPeakDemand), channel, projectReference);
  }
}
