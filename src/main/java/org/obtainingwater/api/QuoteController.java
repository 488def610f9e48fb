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
import org.obtainingwater.identity.RateLimits;
import org.obtainingwater.identity.RateLimits.Limit;
import org.obtainingwater.payment.Payments;
import org.obtainingwater.web.CustomerPrincipal;
import org.obtainingwater.web.Doors;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer's quote (docs/adr/0043): read it, accept it, pay it through the payment gateway. Only where the
 * connection fee charges something; the verified phone's own case only, another phone's case answers 404.
 */
@RestController
@RequestMapping(path = Doors.APPLICATIONS + "/{applicationNumber}/quote", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "报价与付款", description = "接水工程需付费时（接水管径 DN100 及以上）查看报价、确认报价、在线付款")
@SecurityRequirement(name = Doors.CUSTOMER_SESSION)
@SecurityRequirement(name = Doors.CUSTOMER_COOKIE)
@SecurityRequirement(name = Doors.CHANNEL_TOKEN)
class QuoteController {

  private final Payments payments;
  private final RateLimits limits;

  QuoteController(Payments payments, RateLimits limits) {
    this.payments = payments;
    this.limits = limits;
  }

  @Operation(summary = "查看报价", description = "金额、收费依据、费用包含的内容、付款安排（先付款或信用报装）和付款情况。"
      + "费用全免（接水管径小于 DN100）或方案尚未确定的申请没有报价，返回 409。")
  @ApiResponse(responseCode = "200", description = "报价")
  @ApiResponse(responseCode = "401", description = "没有客户会话，也没有渠道凭证",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "这个手机号名下没有这个编号的申请",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "409", description = "这个申请没有报价（费用全免或方案尚未确定）",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "429", description = "查询过于频繁；Retry-After 给出秒数",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping
  QuoteView quote(@PathVariable @Pattern(regexp = NUMBER_PATTERN, message = NUMBER_MESSAGE) String applicationNumber,
      HttpServletRequest http) {
    CustomerPrincipal customer = CustomerReads.reader(http, limits);
    return QuoteView.of(payments.forCustomer(applicationNumber, customer.phone()));
  }

  @Operation(summary = "确认报价", description = "确认后：先付款的，请付款，到账后施工装表；信用报装的，直接施工装表，通水后付款。"
      + "已确认的再次确认不再生效，返回当前报价。")
  @ApiResponse(responseCode = "200", description = "已确认，返回报价")
  @ApiResponse(responseCode = "401", description = "没有客户会话，也没有渠道凭证",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "这个手机号名下没有这个编号的申请",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "409", description = "没有报价，或申请已不在等待确认（已撤回、已办结）",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "429", description = "确认、付款过于频繁；Retry-After 给出秒数",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping("/acceptance")
  QuoteView accept(@PathVariable @Pattern(regexp = NUMBER_PATTERN, message = NUMBER_MESSAGE) String applicationNumber,
      HttpServletRequest http) {
    CustomerPrincipal customer = CustomerPrincipal.of(http);
    limits.take(Limit.QUOTE_PER_PHONE, customer.phone());
    return QuoteView.of(payments.acceptByCustomer(applicationNumber, customer.phone()));
  }

  @Operation(summary = "付款", description = "在支付平台下支付单，返回付款页面地址（payUrl），客户在那里付款，支付平台到账后通知本系统。"
      + "未付的支付单再次请求时返回同一张。先付款的确认报价后即可付款；信用报装的通水后付款。")
  @ApiResponse(responseCode = "200", description = "支付单和付款页面地址")
  @ApiResponse(responseCode = "401", description = "没有客户会话，也没有渠道凭证",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "这个手机号名下没有这个编号的申请",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "409", description = "尚未确认报价、信用报装尚未通水、已付清，或申请已撤回、已办结",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "429", description = "确认、付款过于频繁；Retry-After 给出秒数",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "503", description = "支付平台暂时无法受理，稍后再试",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping("/payments")
  QuoteView.Order pay(@PathVariable @Pattern(regexp = NUMBER_PATTERN, message = NUMBER_MESSAGE) String applicationNumber,
      HttpServletRequest http) {
    CustomerPrincipal customer = CustomerPrincipal.of(http);
    limits.take(Limit.QUOTE_PER_PHONE, customer.phone());
    return QuoteView.Order.of(payments.startPayment(applicationNumber, customer.phone()));
  }
}
