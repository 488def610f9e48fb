package org.obtainingwater.api;

import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.media.Schema;

/** An open session: the token is shown this once. */
@Schema(description = "客户会话：token 用作 Authorization: Bearer；页面使用同时设置的 Cookie")
record SessionReceipt(
    @Schema(description = "会话令牌，只返回这一次") String token,
    @Schema(example = "Bearer") String tokenType,
    @Schema(description = "已验证的手机号", example = "13812345678") String phone,
    @Schema(description = "会话到期时间") OffsetDateTime expiresAt) {
}
