package org.obtainingwater.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

/** Staff record that the customer signed the printed contract at the counter. */
@Schema(description = "营业厅柜台签字：客户在打印的合同上签字后由经办人登记")
record CounterSigningRequest(
    @Schema(description = "客户签字的合同文件的 SHA-256（查询合同时返回的 documentSha256，打印件与之一致）")
    @NotBlank(message = "请带上客户签字的合同文件的 SHA-256（查询合同时返回的 documentSha256）")
    String documentSha256) {
}
