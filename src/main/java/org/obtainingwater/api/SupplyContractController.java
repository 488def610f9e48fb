package org.obtainingwater.api;

import static org.obtainingwater.api.ApplicationsController.NUMBER_MESSAGE;
import static org.obtainingwater.api.ApplicationsController.NUMBER_PATTERN;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.obtainingwater.cases.CustomerCases;
import org.obtainingwater.contract.SupplyContracts;
import org.obtainingwater.identity.RateLimits;
import org.obtainingwater.identity.RateLimits.Limit;
import org.obtainingwater.web.ConcurrentChange;
import org.obtainingwater.web.CustomerPrincipal;
import org.obtainingwater.web.Doors;
import org.springframework.http.HttpHeaders;
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
 * The customer's supply contract (合同后置, docs/adr/0040): issued at water-on, read and signed online by the
 * case's verified phone, with a fresh SMS code sent for that contract. Another phone's case answers 404, as
 * everywhere in the customer API.
 */
@RestController
@RequestMapping(path = Doors.APPLICATIONS + "/{applicationNumber}/contract")
@Tag(name = "供水合同", description = "通水后出具的供水合同：查看、下载 PDF、用短信验证码在线签署")
@SecurityRequirement(name = Doors.CUSTOMER_SESSION)
@SecurityRequirement(name = Doors.CUSTOMER_COOKIE)
@SecurityRequirement(name = Doors.CHANNEL_TOKEN)
class SupplyContractController {

  /** Tries of a signature that lost a race for its case (docs/adr/0046). */
  static final int SIGNING_ATTEMPTS = 3;

  private final CustomerCases cases;
  private final SupplyContracts contracts;
  private final RateLimits limits;

  SupplyContractController(CustomerCases cases, SupplyContracts contracts, RateLimits limits) {
    this.cases = cases;
    this.contracts = contracts;
    this.limits = limits;
  }

  static String documentUrl(String applicationNumber) {
    return Doors.APPLICATIONS + "/" + applicationNumber + "/contract/document";
  }

  /** The caller's own case, or 404 exactly as for an unknown number. */
  private String ownCase(String applicationNumber, CustomerPrincipal customer) {
    return cases.status(applicationNumber, customer.phone()).record().contactPhone();
  }

  @Operation(summary = "查看供水合同", description = "合同编号、出具时间、文件的 SHA-256 和签署情况。合同在装表通水时出具，此前返回 409。")
  @ApiResponse(responseCode = "200", description = "合同及签署情况")
  @ApiResponse(responseCode = "401", description = "没有客户会话，也没有渠道凭证",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "这个手机号名下没有这个编号的申请",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "409", description = "还没有供水合同（合同在装表通水时出具）",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  ContractView contract(@PathVariable @Pattern(regexp = NUMBER_PATTERN, message = NUMBER_MESSAGE) String applicationNumber,
      HttpServletRequest http) {
    ownCase(applicationNumber, CustomerReads.reader(http, limits));
    return ContractView.of(contracts.get(applicationNumber),
        documentUrl(applicationNumber));
  }

  @Operation(summary = "下载供水合同（PDF）", description = "签署前是出具的合同；签署后是附有签署记录页的合同。")
  @ApiResponse(responseCode = "200", description = "PDF 文件", content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE))
  @ApiResponse(responseCode = "401", description = "没有客户会话，也没有渠道凭证",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "这个手机号名下没有这个编号的申请",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "409", description = "还没有供水合同（合同在装表通水时出具）",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping(path = "/document", produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
  ResponseEntity<byte[]> document(
      @PathVariable @Pattern(regexp = NUMBER_PATTERN, message = NUMBER_MESSAGE) String applicationNumber,
      HttpServletRequest http) {
    ownCase(applicationNumber, CustomerReads.reader(http, limits));
    return pdf(contracts.get(applicationNumber).contractNumber(),
        contracts.document(applicationNumber));
  }

  @Operation(summary = "获取签署验证码", description = "向申请登记的手机发送签署这份合同专用的 6 位验证码（登录验证码不能签署），"
      + "5 分钟内有效，可输错 5 次。每个手机号每分钟 1 次、每天 5 次，并计入每个手机号每天的短信总量上限。")
  @ApiResponse(responseCode = "202", description = "签署验证码已安排发送")
  @ApiResponse(responseCode = "401", description = "没有客户会话，也没有渠道凭证",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "这个手机号名下没有这个编号的申请",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "409", description = "还没有供水合同，或合同已签署",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "429", description = "获取过于频繁或短信已达当日上限；Retry-After 给出秒数",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping(path = "/signing-codes", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> signingCode(
      @PathVariable @Pattern(regexp = NUMBER_PATTERN, message = NUMBER_MESSAGE) String applicationNumber,
      HttpServletRequest http) {
    String phone = ownCase(applicationNumber, CustomerPrincipal.of(http));
    contracts.unsigned(applicationNumber);
    limits.take(Limit.SIGNING_CODE_PER_PHONE, phone);
    limits.take(Limit.SMS_PER_PHONE, phone);
    contracts.sendSigningCode(applicationNumber, phone);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("message", "签署验证码已发送到申请登记的手机，请查看短信"));
  }

  @Operation(summary = "签署供水合同", description = "用签署验证码确认签署；documentSha256 须为查看合同时返回的摘要，"
      + "证明签署的就是看到的文本。签署记录保存文件摘要、手机号、时间和验证码核验，并附在合同 PDF 之后。")
  @ApiResponse(responseCode = "201", description = "已签署，返回合同及签署记录")
  @ApiResponse(responseCode = "400", description = "验证码不正确或已失效，或 documentSha256 与出具的合同不一致；errors 指出字段",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "401", description = "没有客户会话，也没有渠道凭证",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "这个手机号名下没有这个编号的申请",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "409", description = "还没有供水合同，或合同已签署",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping(path = "/signature", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ContractView> sign(
      @PathVariable @Pattern(regexp = NUMBER_PATTERN, message = NUMBER_MESSAGE) String applicationNumber,
      @Valid @RequestBody SigningRequest request, HttpServletRequest http) {
    String phone = ownCase(applicationNumber, CustomerPrincipal.of(http));
    // no limit of its own: a code allows 5 tries and a phone gets at most 5 signing codes a day
    // A signature racing the case's five-day timer is applied again on the new state (the follow-up task open):
    // the customer must not be asked to sign twice.
    ContractView signed = ContractView.of(ConcurrentChange.retried(SIGNING_ATTEMPTS, "Signature of " + applicationNumber,
        () -> contracts.signWithCode(applicationNumber, phone, request.code(), request.documentSha256())),
        documentUrl(applicationNumber));
    return ResponseEntity.status(HttpStatus.CREATED).body(signed);
  }

  static ResponseEntity<byte[]> pdf(String contractNumber, byte[] document) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + contractNumber + ".pdf\"")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store").body(document);
  }
}
