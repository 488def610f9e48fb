package org.obtainingwater.api;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.obtainingwater.cases.CaseFiling.Filed;
import org.obtainingwater.cases.CaseFiling;
import org.obtainingwater.cases.CustomerCases;
import org.obtainingwater.contract.SupplyContracts;
import org.obtainingwater.identity.RateLimits;
import org.obtainingwater.identity.RateLimits.Limit;
import org.obtainingwater.pauses.CustomerPauses;
import org.obtainingwater.process.InvalidInputException;
import org.obtainingwater.web.CustomerPrincipal;
import org.obtainingwater.web.Doors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer API (24 小时受理): the customer page, the app, WeChat and the hotline system file
 * applications, list them, follow them and withdraw them, for the caller's verified phone only: a
 * customer's session or a trusted channel's credential plus the phone ({@code web.CustomerAccess},
 * docs/adr/0025). It reaches the engine only through the case services: no variables, tasks or engine
 * ids go in or out. docs/adr/0009-customer-api.md.
 */
@RestController
@RequestMapping(path = Doors.APPLICATIONS, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "用水报装申请", description = "客户渠道（App、微信、热线、网站）提交申请、查询进度、撤回申请")
@SecurityRequirement(name = Doors.CUSTOMER_SESSION)
@SecurityRequirement(name = Doors.CUSTOMER_COOKIE)
@SecurityRequirement(name = Doors.CHANNEL_TOKEN)
class ApplicationsController {

  static final String NUMBER_PATTERN = "^GW-\\d{4}-\\d{6}$";
  static final String NUMBER_MESSAGE = "申请编号格式不正确，应形如 GW-2026-000123";
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final String APPLICATION_EXAMPLE = """
      {"applicantName": "株洲市芦淞区某某食品有限公司", "contactPhone": "13812345678", "siteAddress": "芦淞区建设南路 88 号",
       "useType": "commercial", "expectedPeakDemand": 12.5, "channel": "app"}""";

  private final CaseFiling filing;
  private final CustomerCases cases;
  private final RateLimits limits;
  private final CaseTimeline timeline;
  private final SupplyContracts contracts;
  private final CustomerPauses pauses;

  ApplicationsController(CaseFiling filing, CustomerCases cases, RateLimits limits, CaseTimeline timeline,
      SupplyContracts contracts, CustomerPauses pauses) {
    this.filing = filing;
    this.cases = cases;
    this.limits = limits;
    this.timeline = timeline;
    this.contracts = contracts;
    this.pauses = pauses;
  }

  private CaseStatus status(CustomerCases.CaseView view) {
    // An open case whose contract waits for the signature waits for the customer (docs/adr/0046): that is the next step.
    boolean toSign = !view.record().finished() && contracts.find(view.record().applicationNumber())
        .filter(contract -> contract.signature().isEmpty()).isPresent();
    return CaseStatus.of(view, timeline.of(view), pauses.of(view.record().processInstanceId()), toSign);
  }

  private CustomerPrincipal reader(HttpServletRequest http) {
    return CustomerReads.reader(http, limits);
  }

  @Operation(summary = "提交用水报装申请",
      description = "创建一件报装申请并返回申请编号。带同一 Idempotency-Key 重试时返回同一件申请（200），不会重复建案；"
          + "同一 Idempotency-Key 用于内容不同的申请时返回 422。")
  @ApiResponse(responseCode = "201", description = "已受理，返回申请编号")
  @ApiResponse(responseCode = "200", description = "重试：这个 Idempotency-Key 的申请此前已提交，返回同一件申请")
  @ApiResponse(responseCode = "400", description = "申请内容有误（包括提前办项目编号不存在、已关闭或已关联其他申请），problem+json 的 errors 指出每个字段",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "401", description = "没有客户会话，也没有渠道凭证",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "429", description = "这个手机号今天提交的申请已达上限；Retry-After 给出秒数",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "422", description = "Idempotency-Key 已用于另一份内容不同的申请",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ApplicationReceipt> apply(
      @Parameter(in = ParameterIn.HEADER, description = "客户端为每份申请生成的唯一键（1–64 位字母、数字、-、_、.、:），重试时原样带上",
          example = "app-7f3c2a91")
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
      @Pattern(regexp = "^[A-Za-z0-9._:-]{1,64}$", message = "Idempotency-Key 只能由 1–64 位字母、数字和 - _ . : 组成")
      String idempotencyKey,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
          mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ApplicationRequest.class),
          // A whole example, so "Try it out" files an ordinary application: the property example of the
          // optional projectReference only shows its form and names no project that exists.
          examples = @ExampleObject(name = "普通申请", value = APPLICATION_EXAMPLE)))
      @RequestBody ApplicationRequest request, HttpServletRequest http) {
    CustomerPrincipal customer = CustomerPrincipal.of(http);
    request.check();
    if (!CustomerCases.samePhone(customer.phone(), request.contactPhone())) {
      throw new InvalidInputException("contactPhone", "联系电话须为已验证的手机号 " + customer.phone()
          + "：进度短信和查询都以这个手机号为准");
    }
    if (customer.ownSession()) {
      limits.take(Limit.FILING_PER_PHONE, customer.phone());
    }
    Filed filed = filing.file(request.variables(), idempotencyKey, request.fingerprint());
    String number = filed.record().applicationNumber();
    URI status = URI.create(Doors.APPLICATIONS + "/" + number);
    ApplicationReceipt receipt = new ApplicationReceipt(number, filed.record().receivedAt(), status.toString());
    return filed.replayed()
        ? ResponseEntity.ok().location(status).body(receipt)
        : ResponseEntity.status(HttpStatus.CREATED).location(status).body(receipt);
  }

  @Operation(summary = "我的申请", description = "登录手机号（或渠道在 X-Contact-Phone 中给出的手机号）名下的申请，最新的在前。")
  @ApiResponse(responseCode = "200", description = "申请编号、用水地址、当前环节、受理时间和下一步")
  @ApiResponse(responseCode = "401", description = "没有客户会话，也没有渠道凭证",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "429", description = "查询过于频繁；Retry-After 给出秒数",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping
  List<ApplicationSummary> mine(HttpServletRequest http) {
    if (!http.getRequestURI().endsWith(Doors.APPLICATIONS)) {
      // e.g. /api/v1/applications/%20, which the path matching trims to this door: a malformed number, not a list
      throw new InvalidInputException("applicationNumber", NUMBER_MESSAGE);
    }
    CustomerPrincipal customer = reader(http);
    return cases.list(customer.phone()).stream().map(ApplicationSummary::of).toList();
  }

  @Operation(summary = "查询申请进度", description = "只能查询登录手机号（或渠道给出的手机号）名下的申请；"
      + "编号不存在或不是这个手机号的申请时一律返回 404，不透露申请是否存在。")
  @ApiResponse(responseCode = "200", description = "当前环节、办理历程和下一步")
  @ApiResponse(responseCode = "401", description = "没有客户会话，也没有渠道凭证",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "这个手机号名下没有这个编号的申请",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "429", description = "查询过于频繁；Retry-After 给出秒数",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping("/{applicationNumber}")
  CaseStatus status(
      @PathVariable @Pattern(regexp = NUMBER_PATTERN, message = NUMBER_MESSAGE) String applicationNumber,
      HttpServletRequest http) {
    CustomerPrincipal customer = reader(http);
    return status(cases.status(applicationNumber, customer.phone()));
  }

  @Operation(summary = "撤回申请", description = "装表通水之前可以撤回；已撤回、已办结或已通水的申请返回 409 并说明原因。")
  @ApiResponse(responseCode = "200", description = "已撤回，返回撤回后的进度")
  @ApiResponse(responseCode = "401", description = "没有客户会话，也没有渠道凭证",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "这个手机号名下没有这个编号的申请",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "409", description = "该申请已撤回、已办结或已通水，不能撤回",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping(path = "/{applicationNumber}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
  CaseStatus withdraw(
      @PathVariable @Pattern(regexp = NUMBER_PATTERN, message = NUMBER_MESSAGE) String applicationNumber,
      @Valid @RequestBody WithdrawalRequest request, HttpServletRequest http) {
    CustomerPrincipal customer = CustomerPrincipal.of(http);
    if (request.contactPhone() != null && !CustomerCases.samePhone(customer.phone(), request.contactPhone())) {
      throw new InvalidInputException("contactPhone", "联系电话与登录的手机号不一致；可以不填，以登录的手机号为准");
    }
    return status(cases.withdraw(applicationNumber, customer.phone(), request.reason().strip()));
  }

  @Operation(summary = "评价服务", description = "通水后，客户对本次报装服务打分（1–5）并可留下意见；每件申请只能评价一次。"
      + "评价会显示在回访员的回访任务中，并单独计入考核指标。")
  @ApiResponse(responseCode = "201", description = "已评价，返回评价后的进度（rating 为这次评价）")
  @ApiResponse(responseCode = "400", description = "评分不是 1–5 的整数，或意见过长；errors 指出字段",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "401", description = "没有客户会话，也没有渠道凭证",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "这个手机号名下没有这个编号的申请",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "409", description = "尚未通水、未通水而办结，或已经评价过",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping(path = "/{applicationNumber}/rating", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<CaseStatus> rate(
      @PathVariable @Pattern(regexp = NUMBER_PATTERN, message = NUMBER_MESSAGE) String applicationNumber,
      @Valid @RequestBody RatingRequest request, HttpServletRequest http) {
    CustomerPrincipal customer = CustomerPrincipal.of(http);
    CaseStatus rated = status(cases.rate(applicationNumber, customer.phone(), request.score().intValueExact(),
        request.keptComment()));
    return ResponseEntity.status(HttpStatus.CREATED).body(rated);
  }

  @Operation(summary = "条件已具备，请继续办理", description = "查勘或装表因客户的原因暂停（等待客户条件具备）时，客户说明条件已具备："
      + "暂停结束，工作人员重新安排上门；暂停期间是客户的时间，不计入办理时限（docs/adr/0045）。请求体为空对象 {}。")
  @ApiResponse(responseCode = "200", description = "已恢复办理，返回恢复后的进度（pause 为 null）")
  @ApiResponse(responseCode = "401", description = "没有客户会话，也没有渠道凭证",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "这个手机号名下没有这个编号的申请",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "409", description = "申请目前没有暂停，无需恢复",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping(path = "/{applicationNumber}/readiness", consumes = MediaType.APPLICATION_JSON_VALUE)
  CaseStatus ready(
      @PathVariable @Pattern(regexp = NUMBER_PATTERN, message = NUMBER_MESSAGE) String applicationNumber,
      @RequestBody(required = false) ReadinessRequest request, HttpServletRequest http) {
    CustomerPrincipal customer = CustomerPrincipal.of(http);
    pauses.resumeByCustomer(applicationNumber, customer.phone());
    return status(cases.status(applicationNumber, customer.phone()));
  }
}
