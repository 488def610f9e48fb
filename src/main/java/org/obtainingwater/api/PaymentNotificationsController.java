package org.obtainingwater.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.obtainingwater.payment.PaymentOrder;
import org.obtainingwater.payment.Payments;
import org.obtainingwater.web.Doors;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The payment gateway reports a paid order (docs/adr/0043). The case waiting for the payment goes on; a repeated
 * notification of the same order and transaction is answered exactly as the first, and does nothing again. The
 * gateway's credential (web.PaymentGatewayCredential, the same pattern as the permit platform's) turns away callers
 * without its token before anything in the request is read.
 */
@RestController
@RequestMapping(path = Doors.PAYMENT_NOTIFICATIONS, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "付款通知", description = "支付平台通知付款结果（需支付平台的通知凭证）")
@SecurityRequirement(name = Doors.PAYMENT_TOKEN)
class PaymentNotificationsController {

  private final Payments payments;

  PaymentNotificationsController(Payments payments) {
    this.payments = payments;
  }

  /** What the notification did; the same for every repeat of it. */
  @Schema(description = "已登记的付款")
  record RecordedPayment(String paymentReference, String applicationNumber, BigDecimal amount, String transactionId,
      OffsetDateTime paidAt,
      @Schema(description = "CASE_CONTINUED 报装继续办理；CASE_NOT_WAITING 申请已不在等待付款（如已撤回），款项已登记，由员工办理退款")
      String effect) {

    static RecordedPayment of(PaymentOrder order) {
      return new RecordedPayment(order.reference(), order.applicationNumber(), order.paidAmount(),
          order.gatewayTransaction(), order.paidAt(), order.effect());
    }
  }

  @Operation(summary = "通知付款结果", description = "按支付单号幂等：同一支付单、同一交易号的重复通知返回与第一次相同的结果，"
      + "不会重复生效。金额与支付单不符返回 400；同一支付单已由另一交易付清返回 409；未知的支付单号返回 404。")
  @ApiResponse(responseCode = "200", description = "已登记（或此前已登记），报装继续办理")
  @ApiResponse(responseCode = "400", description = "字段缺失或格式不正确，或金额与支付单不符；errors 指出字段",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "401", description = "缺少或错误的通知凭证",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "没有这个支付单号",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "409", description = "该支付单已由另一笔交易付清",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  RecordedPayment notify(@Valid @RequestBody PaymentNotificationRequest request) {
    return RecordedPayment.of(payments.notified(request.paymentReference(), request.amount(), request.transactionId(),
        request.paidAtTime()).order());
  }
}
