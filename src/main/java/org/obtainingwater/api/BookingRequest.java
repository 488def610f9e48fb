package org.obtainingwater.api;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;
import static org.obtainingwater.process.ApplicationRules.SINGLE_LINE;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.obtainingwater.process.InvalidInputException;
import org.obtainingwater.visits.VisitBookings.HalfDay;

/** A half-day slot chosen for a visit (docs/adr/0042), by the customer or by staff. */
@Schema(description = "预约上门的时段：工作日的上午或下午")
record BookingRequest(
    @Schema(description = "日期（须为可约范围内的工作日）", example = "2026-12-08", requiredMode = REQUIRED, format = "date")
    @NotNull(message = "请选择日期")
    @Pattern(regexp = "^\\d{4}-\\d{2}-\\d{2}$", message = "日期格式应形如 2026-12-08")
    String date,

    @Schema(description = "AM 上午、PM 下午", example = "AM", requiredMode = REQUIRED, allowableValues = {"AM", "PM"})
    @NotNull(message = "请选择上午或下午")
    @Pattern(regexp = "^(AM|PM)$", message = "时段只能是 AM（上午）或 PM（下午）")
    String halfDay,

    @Schema(description = "改约原因（员工改约时必填，客户选填）", example = "客户临时出差", maxLength = 200, nullable = true)
    @Size(max = 200, message = "改约原因不能超过 {max} 个字")
    @Pattern(regexp = SINGLE_LINE, message = "改约原因不能包含换行或控制字符")
    String reason) {

  LocalDate day() {
    try {
      return LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("date", "没有这一天：" + date);
    }
  }

  HalfDay half() {
    return HalfDay.valueOf(halfDay);
  }

  /** The reason as kept: stripped, none when blank. */
  String keptReason() {
    return reason == null || reason.isBlank() ? null : reason.strip();
  }
}
