package org.obtainingwater.api;

import static org.obtainingwater.api.ApplicationsController.NUMBER_MESSAGE;
import static org.obtainingwater.api.ApplicationsController.NUMBER_PATTERN;
import static org.obtainingwater.cases.RequestRefusedException.Reason.NOT_FOUND;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.obtainingwater.cases.CaseRecord;
import org.obtainingwater.cases.CaseRecords;
import org.obtainingwater.cases.RequestRefusedException;
import org.obtainingwater.contract.SupplyContracts;
import org.obtainingwater.web.ConcurrentChange;
import org.obtainingwater.web.Doors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff's side of the supply contract (docs/adr/0040): the counter, customer service, metering and supervisors
 * read any case's contract and, as the fallback to signing online, record that the customer signed the printed
 * contract at the counter. The guard ({@code web.AccessGuards}) lets only those groups in and names the login.
 */
@RestController
@RequestMapping(path = Doors.STAFF_CONTRACTS + "/{applicationNumber}")
@Tag(name = "供水合同（员工）", description = "营业厅、客服、装表和督导查看任一申请的供水合同，登记柜台签字")
@SecurityRequirement(name = Doors.STAFF_BASIC)
class StaffContractsController {

  private final CaseRecords records;
  private final SupplyContracts contracts;

  StaffContractsController(CaseRecords records, SupplyContracts contracts) {
    this.records = records;
    this.contracts = contracts;
  }

  private static String documentUrl(String applicationNumber) {
    return Doors.STAFF_CONTRACTS + "/" + applicationNumber + "/document";
  }

  private CaseRecord existing(String applicationNumber) {
    return records.find(applicationNumber)
        .orElseThrow(() -> new RequestRefusedException(NOT_FOUND, "没有编号为 " + applicationNumber + " 的申请"));
  }

  @Operation(summary = "查看供水合同", description = "合同编号、出具时间、文件的 SHA-256 和签署情况。")
  @ApiResponse(responseCode = "200", description = "合同及签署情况")
  @ApiResponse(responseCode = "401", description = "没有员工登录（HTTP Basic）",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "403", description = "不属于受理员、客服专员、装表员、服务督导或管理员组",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "没有这个编号的申请",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "409", description = "还没有供水合同（合同在装表通水时出具）",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  ContractView contract(@PathVariable @Pattern(regexp = NUMBER_PATTERN, message = NUMBER_MESSAGE) String applicationNumber) {
    existing(applicationNumber);
    return ContractView.of(contracts.get(applicationNumber), documentUrl(applicationNumber));
  }

  @Operation(summary = "下载供水合同（PDF）", description = "签署前是出具的合同（可打印给客户在柜台签字）；签署后附有签署记录页。")
  @ApiResponse(responseCode = "200", description = "PDF 文件", content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE))
  @ApiResponse(responseCode = "401", description = "没有员工登录（HTTP Basic）",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "403", description = "不属于受理员、客服专员、装表员、服务督导或管理员组",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "没有这个编号的申请",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "409", description = "还没有供水合同（合同在装表通水时出具）",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping(path = "/document", produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
  ResponseEntity<byte[]> document(
      @PathVariable @Pattern(regexp = NUMBER_PATTERN, message = NUMBER_MESSAGE) String applicationNumber) {
    existing(applicationNumber);
    return SupplyContractController.pdf(contracts.get(applicationNumber).contractNumber(),
        contracts.document(applicationNumber));
  }

  @Operation(summary = "登记柜台签字", description = "客户在营业厅打印的合同上签字后，由经办人登记；签署记录写明经办人。"
      + "documentSha256 须为出具的合同文件的摘要（打印件与之一致）。")
  @ApiResponse(responseCode = "201", description = "已登记，返回合同及签署记录")
  @ApiResponse(responseCode = "400", description = "documentSha256 与出具的合同不一致",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "401", description = "没有员工登录（HTTP Basic）",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "403", description = "不属于受理员、客服专员、装表员、服务督导或管理员组",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "没有这个编号的申请",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "409", description = "还没有供水合同，或合同已签署",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping(path = "/counter-signature", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ContractView> signAtCounter(
      @PathVariable @Pattern(regexp = NUMBER_PATTERN, message = NUMBER_MESSAGE) String applicationNumber,
      @Valid @RequestBody CounterSigningRequest request, HttpServletRequest http) {
    CaseRecord record = existing(applicationNumber);
    ContractView signed = ContractView.of(ConcurrentChange.retried(SupplyContractController.SIGNING_ATTEMPTS,
        "Counter signature of " + applicationNumber, () -> contracts.signAtCounter(applicationNumber,
            record.contactPhone(), http.getRemoteUser(), request.documentSha256())), documentUrl(applicationNumber));
    return ResponseEntity.status(HttpStatus.CREATED).body(signed);
  }
}
