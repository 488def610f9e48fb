package org.obtainingwater.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** A customer opens a session with the code the SMS brought. */
@Schema(description = "用手机号和短信验证码登录")
record SessionRequest(
    @Schema(description = "手机号", example = "13812345678")
    @NotBlank(message = "请填写手机号") @Pattern(regexp = CustomerIdentityController.MOBILE, message = CustomerIdentityController.MOBILE_MESSAGE)
    String phone,
    @Schema(description = "短信中的 6 位验证码", example = "123456")
    @NotBlank(message = "请填写短信验证码") @Pattern(regexp = "^\\d{6}$", message = "验证码是短信中的 6 位数字")
    String code) {
}
