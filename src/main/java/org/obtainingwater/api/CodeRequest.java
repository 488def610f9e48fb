package org.obtainingwater.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** A customer asks for a verification code by SMS. */
@Schema(description = "获取短信验证码")
record CodeRequest(
    @Schema(description = "接收验证码的手机号", example = "13812345678")
    @NotBlank(message = "请填写手机号") @Pattern(regexp = CustomerIdentityController.MOBILE, message = CustomerIdentityController.MOBILE_MESSAGE)
    String phone) {
}
