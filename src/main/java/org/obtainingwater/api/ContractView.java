package org.obtainingwater.api;

import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.media.Schema;
import org.obtainingwater.contract.ContractSignature;
import org.obtainingwater.contract.SupplyContracts.ContractRecord;

/** A case's supply contract as the customer and staff see it, without the document itself. */
@Schema(description = "供水合同：编号、出具时间、文件摘要和签署情况")
record ContractView(
    @Schema(description = "合同编号", example = "GS-2026-000123") String contractNumber,
    @Schema(description = "申请编号", example = "GW-2026-000123") String applicationNumber,
    @Schema(description = "出具时间（装表通水时）") OffsetDateTime issuedAt,
    @Schema(description = "出具的合同文件的 SHA-256，签署时原样带上，证明签署的就是这份文本") String documentSha256,
    @Schema(description = "合同文件（PDF）的地址；签署后是附有签署记录的文件") String documentUrl,
    @Schema(description = "是否已签署") boolean signed,
    @Schema(description = "签署记录；未签署时为空", nullable = true) Signature signature) {

  @Schema(description = "签署记录")
  record Signature(
      @Schema(description = "SMS_CODE（短信验证码确认）或 COUNTER（营业厅柜台签字）") ContractSignature.Method method,
      @Schema(description = "签署方式的中文名", example = "短信验证码确认") String methodLabel,
      @Schema(description = "签署时间") OffsetDateTime signedAt,
      @Schema(description = "登记手机（部分隐去）", example = "138****5678") String phone) {
  }

  static ContractView of(ContractRecord contract, String documentUrl) {
    return new ContractView(contract.contractNumber(), contract.applicationNumber(), contract.issuedAt(),
        contract.documentSha256(), documentUrl, contract.signature().isPresent(),
        contract.signature().map(signature -> new Signature(signature.method(), signature.method().label(),
            signature.signedAt(), signature.maskedPhone())).orElse(null));
  }
}
