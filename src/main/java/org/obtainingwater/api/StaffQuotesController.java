package org.obtainingwater.api;

import static org.obtainingwater.api.ApplicationsController.NUMBER_MESSAGE;
import static org.obtainingwater.api.ApplicationsController.NUMBER_PATTERN;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;
import org.obtainingwater.payment.Payments;
import org.obtainingwater.web.Doors;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff's side of the quote (docs/adr/0043): read any case's quote, and record that the customer accepted it at the
 * counter, under the login the guard ({@code web.AccessGuards}) names. Payment stays the customer's, at the gateway.
 */
@RestController
@RequestMapping(path = Doors.STAFF_QUOTES + "/{applicationNumber}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "报价（员工）", description = "员工查看任一申请的报价和付款情况，登记客户在营业厅确认报价")
@SecurityRequirement(name = Doors.STAFF_BASIC)
class StaffQuotesController {

  private final Payments payments;

  StaffQuotesController(Payments payments) {
    this.payments = payments;
  }

  @Operation(summary = "查看报价", description = "任一申请的报价、确认和付款情况。")
  @ApiResponse(responseCode = "200", description = "报价")
  @ApiResponse(responseCode = "401", description = "没有员工登录（HTTP Basic）",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "403", description = "不属于受理员、设计员、客服专员、服务督导或管理员组",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "没有这个编号的申请",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "409", description = "这个申请没有报价",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping
  QuoteView quote(@PathVariable @Pattern(regexp = NUMBER_PATTERN, message = NUMBER_MESSAGE) String applicationNumber) {
    return QuoteView.of(payments.forStaff(applicationNumber));
  }

  @Operation(summary = "登记营业厅确认报价", description = "客户在营业厅确认报价时由员工登记，记录经办人；已确认的再次登记不再生效。")
  @ApiResponse(responseCode = "200", description = "已登记，返回报价")
  @ApiResponse(responseCode = "401", description = "没有员工登录（HTTP Basic）",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "403", description = "不属于受理员、设计员、客服专员、服务督导或管理员组",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "没有这个编号的申请",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "409", description = "没有报价，或申请已不在等待确认（已撤回、已办结）",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping("/acceptance")
  QuoteView accept(@PathVariable @Pattern(regexp = NUMBER_PATTERN, message = NUMBER_MESSAGE) String applicationNumber,
      HttpServletRequest http) {
    return QuoteView.of(payments.acceptAtCounter(applicationNumber, http.getRemoteUser()));
  }
}
