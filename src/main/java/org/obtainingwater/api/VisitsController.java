package org.obtainingwater.api;

import static org.obtainingwater.api.ApplicationsController.NUMBER_MESSAGE;
import static org.obtainingwater.api.ApplicationsController.NUMBER_PATTERN;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.obtainingwater.identity.RateLimits;
import org.obtainingwater.identity.RateLimits.Limit;
import org.obtainingwater.process.InvalidInputException;
import org.obtainingwater.sla.WorkingCalendar;
import org.obtainingwater.visits.VisitBookings;
import org.obtainingwater.visits.VisitKind;
import org.obtainingwater.web.CustomerPrincipal;
import org.obtainingwater.web.Doors;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer books the survey visit and the meter installation (docs/adr/0042): a half-day on a working day
 * within the window, for the verified phone's own case only; another phone's case answers 404.
 */
@RestController
@RequestMapping(path = Doors.APPLICATIONS + "/{applicationNumber}/visits/{kind}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "预约上门", description = "受理后预约上门查勘，具备装表条件后预约上门装表：工作日上午或下午，可改约")
@SecurityRequirement(name = Doors.CUSTOMER_SESSION)
@SecurityRequirement(name = Doors.CUSTOMER_COOKIE)
@SecurityRequirement(name = Doors.CHANNEL_TOKEN)
class VisitsController {

  static final String KIND_PATTERN = "^(survey|metering)$";
  static final String KIND_MESSAGE = "上门事项只能是 survey（查勘）或 metering（装表）";

  private final VisitBookings visits;
  private final RateLimits limits;
  private final WorkingCalendar calendar;

  VisitsController(VisitBookings visits, RateLimits limits, WorkingCalendar calendar) {
    this.visits = visits;
    this.limits = limits;
    this.calendar = calendar;
  }

  static VisitKind kind(String path) {
    return VisitKind.ofPath(path).orElseThrow(() -> new InvalidInputException("kind", KIND_MESSAGE));
  }

  VisitView view(VisitBookings.Offer offer) {
    return VisitView.of(offer, calendar.officeDay().toMinutes());
  }

  @Operation(summary = "查看可预约时段", description = "当前预约、最早可约时段和可约范围内每个工作日上午、下午的剩余名额，以及改约记录。"
      + "查勘在受理通过后、装表在具备装表条件后可以预约；其他时候 bookable 为 false 并说明原因。")
  @ApiResponse(responseCode = "200", description = "预约情况和可约时段")
  @ApiResponse(responseCode = "400", description = "上门事项不是 survey 或 metering",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "401", description = "没有客户会话，也没有渠道凭证",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "这个手机号名下没有这个编号的申请",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "429", description = "查询过于频繁；Retry-After 给出秒数",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping
  VisitView offer(@PathVariable @Pattern(regexp = NUMBER_PATTERN, message = NUMBER_MESSAGE) String applicationNumber,
      @Parameter(description = "survey 上门查勘、metering 上门装表", example = "survey")
      @PathVariable @Pattern(regexp = KIND_PATTERN, message = KIND_MESSAGE) String kind, HttpServletRequest http) {
    CustomerPrincipal customer = CustomerReads.reader(http, limits);
    return view(visits.offer(applicationNumber, customer.phone(), kind(kind)));
  }

  @Operation(summary = "预约或改约上门时段", description = "选择可约范围内工作日的上午（AM）或下午（PM）；已有预约时即为改约，原因选填。"
      + "选择晚于最早可约时段的，其间的工作日计为客户的时间：该环节的办理时限相应顺延，考核时不计入水司办理时间。"
      + "每个手机号每天最多预约、改约 10 次。")
  @ApiResponse(responseCode = "200", description = "已预约（或改约），返回预约情况")
  @ApiResponse(responseCode = "400", description = "日期不是工作日、不在可约范围内，或时段不是 AM/PM；errors 指出字段",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "401", description = "没有客户会话，也没有渠道凭证",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "这个手机号名下没有这个编号的申请",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "409", description = "现在不能预约（环节未到或已过），或这个时段已约满",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "429", description = "预约、改约过于频繁；Retry-After 给出秒数",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  VisitView book(@PathVariable @Pattern(regexp = NUMBER_PATTERN, message = NUMBER_MESSAGE) String applicationNumber,
      @Parameter(description = "survey 上门查勘、metering 上门装表", example = "survey")
      @PathVariable @Pattern(regexp = KIND_PATTERN, message = KIND_MESSAGE) String kind,
      @Valid @RequestBody BookingRequest request, HttpServletRequest http) {
    CustomerPrincipal customer = CustomerPrincipal.of(http);
    VisitKind visit = kind(kind);
    limits.take(Limit.BOOKING_PER_PHONE, customer.phone());
    return view(visits.bookByCustomer(applicationNumber, customer.phone(), visit, request.day(), request.half(),
        request.keptReason()));
  }
}
