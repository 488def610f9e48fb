package org.obtainingwater.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

/** Staff record that the customer signed the printed contract at the counter. */
@Schema(description = "营业厅柜台签字：客户在打印的合同上签字后由经办人登记")
record CounterSigningRequest(
    @Schema(description = "客户签字的合同文件的 SHA-256（查询合同时返回的 documentSha256，打印件与之一致）",
        example = "9f2c4b1e0a7d3c5f8e6b2a4d1c9e7f3b5a8d2c6e4f1b7a9c3e5d8f2a6b4c1e7d")
    @NotBlank(message = "请带上客户签字的合同文件的 SHA-256（查询合同时返回的 documentSha256）")
    String documentSha256) {
}
