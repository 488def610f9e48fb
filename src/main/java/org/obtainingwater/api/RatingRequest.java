package org.obtainingwater.api;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;
import static org.obtainingwater.process.ApplicationRules.MULTILINE_TEXT;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The customer's rating of the service after water-on (docs/adr/0037). The score is read as a number and
 * checked to be a whole 1–5 here, so 4.5 is refused with a reason instead of being cut to 4.
 */
@Schema(description = "客户对本次服务的评价")
record RatingRequest(
    @Schema(description = "评分：1 非常不满意、2 不满意、3 一般、4 满意、5 非常满意", example = "5", requiredMode = REQUIRED,
        minimum = "1", maximum = "5", type = "integer")
    @NotNull(message = "请选择评分：1 到 5 分")
    @DecimalMin(value = "1", message = "评分须为 1 到 5 之间的整数")
    @DecimalMax(value = "5", message = "评分须为 1 到 5 之间的整数")
    @Digits(integer = 1, fraction = 0, message = "评分须为 1 到 5 之间的整数")
    BigDecimal score,

    @Schema(description = "评价意见（选填）", example = "装表师傅准时，讲解清楚", maxLength = 500, nullable = true)
    @Size(max = 500, message = "评价意见不能超过 {max} 个字")
    @Pattern(regexp = MULTILINE_TEXT, message = "评价意见不能包含控制字符") String comment) {

  /** The comment as kept: without surrounding blanks, and none when only blanks were sent. */
  String keptComment() {
    return comment == null || comment.isBlank() ? null : comment.strip();
  }
}
