package org.obtainingwater.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** The customer signs the supply contract with the code the signing SMS brought. */
@Schema(description = "用签署验证码签署供水合同")
record SigningRequest(
    @Schema(description = "签署短信中的 6 位验证码（登录验证码不能用于签署）", example = "123456")
    @NotBlank(message = "请填写签署短信中的验证码") @Pattern(regexp = "^\\d{6}$", message = "验证码是短信中的 6 位数字")
    String code,
    @Schema(description = "所签合同文件的 SHA-256（查询合同时返回的 documentSha256）",
        example = "9f2c4b1e0a7d3c5f8e6b2a4d1c9e7f3b5a8d2c6e4f1b7a9c3e5d8f2a6b4c1e7d")
    @NotBlank(message = "请带上所签合同文件的 SHA-256（查询合同时返回的 documentSha256）")
    String documentSha256) {
}
