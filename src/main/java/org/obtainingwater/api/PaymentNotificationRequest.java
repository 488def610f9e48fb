package org.obtainingwater.api;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.obtainingwater.process.InvalidInputException;

/** What the payment gateway reports about one paid order. */
@Schema(description = "支付平台的付款通知")
record PaymentNotificationRequest(
    @Schema(description = "支付单号（下单时本系统给出）", example = "ZF-2026-000123-1", requiredMode = REQUIRED)
    @NotBlank(message = "请提供支付单号 paymentReference")
    @Pattern(regexp = "^ZF-\\d{4}-\\d{6}-\\d{1,3}$", message = "支付单号 paymentReference 格式不正确，应形如 ZF-2026-000123-1")
    String paymentReference,

    @Schema(description = "实付金额（元，两位小数）", example = "86000.00", requiredMode = REQUIRED)
    @NotNull(message = "请提供实付金额 amount（元）")
    @DecimalMin(value = "0.01", message = "实付金额 amount 须大于 0")
    @DecimalMax(value = "9999999999.99", message = "实付金额 amount 过大")
    @Digits(integer = 10, fraction = 2, message = "实付金额 amount 最多两位小数")
    BigDecimal amount,

    @Schema(description = "支付平台的交易号", example = "4200002026120412345678", requiredMode = REQUIRED)
    @NotBlank(message = "请提供支付平台的交易号 transactionId")
    @Pattern(regexp = "^[A-Za-z0-9._:-]{1,64}$", message = "交易号 transactionId 只能是 1–64 位字母、数字或 ._:-")
    String transactionId,

    @Schema(description = "到账时间（ISO 8601，带时区）", example = "2026-12-04T10:15:30+08:00", requiredMode = REQUIRED)
    @NotBlank(message = "请提供到账时间 paidAt，例如 2026-12-04T10:15:30+08:00")
    String paidAt) {

  OffsetDateTime paidAtTime() {
    try {
      return OffsetDateTime.parse(paidAt);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("paidAt", "到账时间 paidAt 应为带时区的 ISO 8601 时间，例如 2026-12-04T10:15:30+08:00");
    }
  }
}
