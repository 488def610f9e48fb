package org.obtainingwater.api;

import static org.obtainingwater.api.ApplicationsController.NUMBER_MESSAGE;
import static org.obtainingwater.api.ApplicationsController.NUMBER_PATTERN;
import static org.obtainingwater.api.VisitsController.KIND_MESSAGE;
import static org.obtainingwater.api.VisitsController.KIND_PATTERN;

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
import org.obtainingwater.process.InvalidInputException;
import org.obtainingwater.sla.WorkingCalendar;
import org.obtainingwater.visits.VisitBookings;
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
 * Staff reschedule a customer's visit (docs/adr/0042): the surveyor, the meter installer, the counter, customer
 * service or a supervisor, with a reason, recorded under the login the guard ({@code web.AccessGuards}) names.
 * Staff moving a visit is the utility's time: the task's due date does not move.
 */
@RestController
@RequestMapping(path = Doors.STAFF_VISITS + "/{applicationNumber}/{kind}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "预约上门（员工）", description = "员工查看任一申请的预约上门，为客户预约或改约上门查勘、装表的时段")
@SecurityRequirement(name = Doors.STAFF_BASIC)
class StaffVisitsController {

  private final VisitBookings visits;
  private final WorkingCalendar calendar;

  StaffVisitsController(VisitBookings visits, WorkingCalendar calendar) {
    this.visits = visits;
    this.calendar = calendar;
  }

  @Operation(summary = "查看预约上门", description = "任一申请的当前预约、可约时段（含剩余名额）和改约记录。")
  @ApiResponse(responseCode = "200", description = "预约情况和可约时段")
  @ApiResponse(responseCode = "401", description = "没有员工登录（HTTP Basic）",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "403", description = "不属于受理员、查勘员、装表员、客服专员、服务督导或管理员组",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "没有这个编号的申请",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping
  VisitView visit(@PathVariable @Pattern(regexp = NUMBER_PATTERN, message = NUMBER_MESSAGE) String applicationNumber,
      @Parameter(description = "survey 上门查勘、metering 上门装表", example = "survey")
      @PathVariable @Pattern(regexp = KIND_PATTERN, message = KIND_MESSAGE) String kind) {
    return VisitView.of(visits.offer(applicationNumber, VisitsController.kind(kind)), calendar.officeDay().toMinutes());
  }

  @Operation(summary = "员工改约上门时段", description = "与客户商定后改到可约范围内工作日的上午或下午，须写明原因；记录经办人。"
      + "员工改约不计为客户的时间，环节的办理时限不顺延。")
  @ApiResponse(responseCode = "200", description = "已改约，返回预约情况")
  @ApiResponse(responseCode = "400", description = "没有原因，日期不是工作日或不在可约范围内；errors 指出字段",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "401", description = "没有员工登录（HTTP Basic）",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "403", description = "不属于受理员、查勘员、装表员、客服专员、服务督导或管理员组",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "没有这个编号的申请",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "409", description = "现在不能预约（环节未到或已过），或这个时段已约满",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  VisitView reschedule(@PathVariable @Pattern(regexp = NUMBER_PATTERN, message = NUMBER_MESSAGE) String applicationNumber,
      @Parameter(description = "survey 上门查勘、metering 上门装表", example = "survey")
      @PathVariable @Pattern(regexp = KIND_PATTERN, message = KIND_MESSAGE) String kind,
      @Valid @RequestBody BookingRequest request, HttpServletRequest http) {
    String reason = request.keptReason();
    if (reason == null) {
      throw new InvalidInputException("reason", "员工改约须写明原因，例如“客户来电要求改期”");
    }
    return VisitView.of(visits.bookByStaff(applicationNumber, http.getRemoteUser(), VisitsController.kind(kind),
        request.day(), request.half(), reason), calendar.officeDay().toMinutes());
  }
}
