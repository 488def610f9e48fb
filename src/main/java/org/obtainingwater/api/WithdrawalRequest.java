package org.obtainingwater.api;

import static org.obtainingwater.process.ApplicationRules.MULTILINE_TEXT;
import static org.obtainingwater.process.ApplicationRules.PHONE_MESSAGE;
import static org.obtainingwater.process.ApplicationRules.PHONE_PATTERN;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A customer withdraws their application; the session or channel names the phone (docs/adr/0025). */
@Schema(description = "撤回申请")
record WithdrawalRequest(
    @Schema(description = "可不填；填写时须与登录的手机号一致", example = "13812345678", nullable = true)
    @Pattern(regexp = PHONE_PATTERN, message = PHONE_MESSAGE)
    String contactPhone,

    @Schema(description = "撤回原因", example = "项目延期，暂不用水", maxLength = 200)
    @NotBlank(message = "请填写撤回原因") @Size(max = 200, message = "撤回原因不能超过 {max} 个字")
    @Pattern(regexp = MULTILINE_TEXT, message = "撤回原因不能包含控制字符") String reason) {
}
