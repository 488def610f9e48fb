package org.obtainingwater.api;

import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer to a filed application: its number and where to follow it. */
@Schema(description = "申请回执")
record ApplicationReceipt(
    @Schema(description = "申请编号，查询进度和撤回时使用", example = "GW-2026-000123") String applicationNumber,
    @Schema(description = "收到申请的时间") OffsetDateTime receivedAt,
    @Schema(description = "查询进度的地址（需在请求头 X-Contact-Phone 中提供联系电话）",
        example = "/api/v1/applications/GW-2026-000123") String statusUrl) {
}
