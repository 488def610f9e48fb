package org.obtainingwater.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.obtainingwater.payment.PaymentOrder;
import org.obtainingwater.payment.Payments;
import org.obtainingwater.payment.Quote;

/** A case's quote as the customer page and staff see it (docs/adr/0043). */
@Schema(description = "接水工程费用报价：金额、依据、包含的内容、付款安排，以及确认和付款情况")
record QuoteView(
    @Schema(example = "GW-2026-000123") String applicationNumber,
    @Schema(description = "报价金额（元）", example = "86000.00") BigDecimal amount,
    @Schema(description = "收费依据（接水费用规则）") String basis,
    @Schema(description = "费用包含的内容") String covers,
    @Schema(description = "beforeWorks 先付款后施工装表；afterWaterOn 信用报装，先通水后付款", allowableValues = {"beforeWorks", "afterWaterOn"})
    String paymentTiming,
    @Schema(description = "付款期限（工作日）：先付款自确认报价起，信用报装自通水起", example = "5") int paymentDueDays,
    @Schema(description = "付款安排说明（付款时点规则）") String timingBasis,
    OffsetDateTime issuedAt,
    @Schema(description = "确认时间，未确认为 null", nullable = true) OffsetDateTime acceptedAt,
    @Schema(description = "PAGE 客户页面、COUNTER 营业厅，未确认为 null", nullable = true) String acceptedVia,
    @Schema(description = "AWAITING_ACCEPTANCE 待确认；AWAITING_PAYMENT 待付款；PAYMENT_AFTER_WATER_ON 信用报装，通水后付款；"
        + "PAID 已付清；CLOSED 申请已撤回或已办结，不再办理", example = "AWAITING_ACCEPTANCE") String state,
    @Schema(description = "已付金额（元）", example = "0") BigDecimal paidAmount,
    @Schema(description = "支付单，最新的在前") List<Order> orders) {

  @Schema(description = "一张支付单")
  record Order(
      @Schema(example = "ZF-2026-000123-1") String paymentReference,
      BigDecimal amount,
      @Schema(description = "付款页面地址") String payUrl,
      OffsetDateTime createdAt,
      @Schema(nullable = true) OffsetDateTime paidAt) {

    static Order of(PaymentOrder order) {
      return new Order(order.reference(), order.amount(), order.payUrl(), order.createdAt(), order.paidAt());
    }
  }

  static QuoteView of(Payments.QuoteState state) {
    Quote quote = state.quote();
    String phase;
    if (state.paid()) {
      phase = "PAID";
    } else if (state.awaitingAcceptance()) {
      phase = "AWAITING_ACCEPTANCE";
    } else if (state.awaitingPayment()) {
      phase = "AWAITING_PAYMENT";
    } else if (quote.accepted() && quote.credit()) {
      phase = "PAYMENT_AFTER_WATER_ON"; // may also be a case withdrawn after acceptance: the status API says so
    } else {
      phase = "CLOSED";
    }
    BigDecimal paid = state.orders().stream().filter(PaymentOrder::paid).map(PaymentOrder::paidAmount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    return new QuoteView(quote.applicationNumber(), quote.amount(), quote.basis(), quote.covers(), quote.paymentTiming(),
        quote.paymentDueDays(), quote.timingBasis(), quote.issuedAt(), quote.acceptedAt(), quote.acceptedVia(), phase,
        paid, state.orders().stream().map(Order::of).toList());
  }
}
