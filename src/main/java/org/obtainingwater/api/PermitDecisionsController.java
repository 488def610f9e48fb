package org.obtainingwater.api;

import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.obtainingwater.permits.FiledPermit;
import org.obtainingwater.permits.PermitDecisions;
import org.obtainingwater.process.InvalidInputException;
import org.obtainingwater.web.ConcurrentChange;
import org.obtainingwater.web.Doors;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The city's approval platform reports its decision on a permit the utility filed (占道挖掘、绿化占用).
 * The permit waiting for it goes on (docs/adr/0041); when the platform was silent so long that the permit agent's
 * Tasklist task is open, the decision completes that task and it disappears.
 * The permit platform's credential (web.AccessGuards) turns away callers without the platform's token before anything
 * in the request is read.
 */
@RestController
@RequestMapping(path = Doors.PERMIT_DECISIONS, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "许可审批结果回调", description = "城市审批平台回报许可审批结果（需审批平台的回调凭证）")
@SecurityRequirement(name = Doors.PLATFORM_TOKEN)
class PermitDecisionsController {


  /** Tries of a decision that keeps losing races for its case before the platform is answered 409 to try again. */
  static final int ATTEMPTS = 3;

  private final PermitDecisions decisions;

  PermitDecisionsController(PermitDecisions decisions) {
    this.decisions = decisions;
  }

  /** What was recorded for the filing. */
  @Schema(description = "已登记的审批结果")
  record RecordedDecision(String permitApplicationRef, String applicationNumber, String permitKind, String decision,
      String permitNumber, String rejectionReason, OffsetDateTime decidedAt) {

    static RecordedDecision of(FiledPermit filing) {
      return new RecordedDecision(filing.reference(), filing.applicationNumber(), filing.kind().code(),
          filing.decision(), filing.permitNumber(), filing.rejectionReason(), filing.decidedAt());
    }
  }

  @Operation(summary = "回报许可审批结果", description = "批准须带许可证号，驳回须带原因。报装在等待该结果时继续办理；"
      + "平台超过 1 个工作日未回复、代办员的登记任务已出现时，本结果仍被接受并完成该任务。同一申报只能登记一次结果："
      + "已有结果（含代办员已在任务列表登记）或报装已不在等待该申报时返回 409；未知的申报受理号返回 404。")
  @ApiResponse(responseCode = "200", description = "已登记，报装流程继续")
  @ApiResponse(responseCode = "401", description = "缺少或错误的回调凭证",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "没有这个申报受理号",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "409", description = "该申报已有审批结果，或报装已不在等待该结果",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping(path = "/{permitApplicationRef}", consumes = MediaType.APPLICATION_JSON_VALUE)
  RecordedDecision decide(
      @Parameter(description = "申报时平台给出的申报受理号", example = "ZD-GW-2026-000123-1")
      @PathVariable @Pattern(regexp = "^[\\p{L}\\p{N}._:-]{1,64}$", message = "申报受理号格式不正确") String permitApplicationRef,
      @Valid @RequestBody PermitDecisionRequest request) {
    InvalidInputException incomplete = request.incomplete();
    if (incomplete != null) {
      throw incomplete;
    }
    PermitDecisions.Decision decision = new PermitDecisions.Decision(request.decision(),
        blankToNull(request.permitNumber()), blankToNull(request.rejectionReason()));
    // Lost a race for the case, above all with the permit's fallback timer firing at the same moment: nothing was
    // applied, and on the case's new state (the agent's task open) the decision completes that task. The platform
    // takes 409 for "already decided" and would not send it again, so it is applied again here.
    return ConcurrentChange.retried(ATTEMPTS, "Permit decision for " + permitApplicationRef,
        () -> RecordedDecision.of(decisions.apply(permitApplicationRef, decision)));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
