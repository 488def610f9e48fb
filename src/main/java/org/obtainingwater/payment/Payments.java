package org.obtainingwater.payment;

import static org.obtainingwater.cases.RequestRefusedException.Reason.CONFLICT;
import static org.obtainingwater.cases.RequestRefusedException.Reason.NOT_FOUND;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.event.EventType;
import org.obtainingwater.cases.CaseRecord;
import org.obtainingwater.cases.CaseRecords;
import org.obtainingwater.cases.RequestRefusedException;
import org.obtainingwater.process.CaseReferences;
import org.obtainingwater.process.InvalidInputException;
import org.obtainingwater.process.ObtainingWaterProcess;
import org.obtainingwater.process.RecordedTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quote and payment (issue 16 item 1, docs/adr/0043). The quote is written by {@code serviceTask_issueQuote}; the
 * customer (on the page) or staff (at the counter) accept it, which is the message {@code Message_QuoteAccepted}
 * the case waits for; the customer then pays through the {@link PaymentGateway} while the case waits at
 * {@code receiveTask_awaitPayment} (先付款) or, for a credit connection (信用报装), at
 * {@code receiveTask_awaitCreditPayment} after water-on; the gateway's notification is the message
 * {@code Message_PaymentReceived}. Every change locks the case record first and, for a notification, the order's
 * row: a repeated notification finds the order paid and answers what the first did, without a second effect; a
 * crash before the commit leaves nothing, and the gateway's next attempt does it once.
 */
@Service
public class Payments {

  private static final Logger LOG = LoggerFactory.getLogger(Payments.class);
  private static final String QUOTE_COLUMNS = "application_number, amount, basis, covers, payment_timing, "
      + "payment_due_days, timing_basis, issued_at, accepted_at, accepted_via, accepted_by";
  private static final String ORDER_COLUMNS = "reference, application_number, amount, created_at, pay_url, paid_at, "
      + "paid_amount, gateway_transaction, effect";

  /** A quote and its orders, newest first, as the customer page and staff see them. */
  public record QuoteState(Quote quote, List<PaymentOrder> orders, boolean awaitingAcceptance, boolean awaitingPayment) {

    public boolean paid() {
      return orders.stream().anyMatch(PaymentOrder::paid);
    }
  }

  private final JdbcTemplate jdbc;
  private final CaseRecords records;
  private final RuntimeService runtime;
  private final PaymentGateway gateway;

  Payments(JdbcTemplate jdbc, CaseRecords records, RuntimeService runtime, PaymentGateway gateway) {
    this.jdbc = jdbc;
    this.records = records;
    this.runtime = runtime;
    this.gateway = gateway;
  }

  /** Writes the case's quote once; the step run again (a retried job) finds it and writes nothing. */
  void issue(Quote quote) {
    if (find(quote.applicationNumber()).isPresent()) {
      return;
    }
    jdbc.update("INSERT INTO quote (application_number, amount, basis, covers, payment_timing, payment_due_days, "
        + "timing_basis, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", quote.applicationNumber(), quote.amount(),
        quote.basis(), quote.covers(), quote.paymentTiming(), quote.paymentDueDays(), quote.timingBasis(),
        quote.issuedAt());
    LOG.info("Quote for {}: {} yuan, {}", quote.applicationNumber(), quote.amount(), quote.paymentTiming());
  }

  public Optional<Quote> find(String applicationNumber) {
    return jdbc.query("SELECT " + QUOTE_COLUMNS + " FROM quote WHERE application_number = ?", QUOTE, applicationNumber)
        .stream().findFirst();
  }

  /** The quote of the phone's own case; another phone's case is answered as an unknown one. */
  public QuoteState forCustomer(String applicationNumber, String contactPhone) {
    CaseRecord record = records.customersOwn(applicationNumber, contactPhone);
    return state(record);
  }

  /** Any case's quote, for staff. */
  public QuoteState forStaff(String applicationNumber) {
    return state(records.find(applicationNumber).orElseThrow(() -> notFound(applicationNumber)));
  }

  /** The customer accepts on the page: the case goes on to payment, or to the works for a credit connection. */
  @Transactional
  public QuoteState acceptByCustomer(String applicationNumber, String contactPhone) {
    CaseRecord record = records.lockCustomersOwn(applicationNumber, contactPhone);
    return accept(record, Quote.VIA_PAGE, "customer");
  }

  /** Staff record the customer's acceptance at the counter, under their login. */
  @Transactional
  public QuoteState acceptAtCounter(String applicationNumber, String login) {
    return accept(records.lock(applicationNumber).orElseThrow(() -> notFound(applicationNumber)), Quote.VIA_COUNTER, login);
  }

  private QuoteState accept(CaseRecord record, String via, String by) {
    String number = record.applicationNumber();
    Quote quote = find(number).orElseThrow(() -> noQuote(number));
    if (quote.accepted()) {
      return state(record); // accepted before (a second tap, or the counter after the page): nothing again
    }
    if (!waitsFor(record, ObtainingWaterProcess.MESSAGE_QUOTE_ACCEPTED)) {
      throw new RequestRefusedException(CONFLICT, "申请 " + number + " 当前不在等待确认报价（可能已撤回或已办结），不能确认报价");
    }
    jdbc.update("UPDATE quote SET accepted_at = ?, accepted_via = ?, accepted_by = ? WHERE application_number = ?",
        RecordedTime.now(), via, by, number);
    runtime.createMessageCorrelation(ObtainingWaterProcess.MESSAGE_QUOTE_ACCEPTED).processInstanceBusinessKey(number)
        .correlateWithResult();
    LOG.info("Quote for {} accepted ({})", number, via);
    return state(record);
  }

  /**
   * The customer pays: while the case waits for the payment, the open order (or a new one) at the gateway, with
   * where to pay it. Before acceptance, for a credit connection before water-on, and after payment it answers 409
   * saying why.
   */
  @Transactional
  public PaymentOrder startPayment(String applicationNumber, String contactPhone) {
    CaseRecord record = records.lockCustomersOwn(applicationNumber, contactPhone);
    Quote quote = find(applicationNumber).orElseThrow(() -> noQuote(applicationNumber));
    if (!quote.accepted()) {
      throw new RequestRefusedException(CONFLICT, "请先确认报价，再付款");
    }
    List<PaymentOrder> orders = orders(applicationNumber);
    if (orders.stream().anyMatch(PaymentOrder::paid)) {
      throw new RequestRefusedException(CONFLICT, "申请 " + applicationNumber + " 的费用已付清，无需再付");
    }
    if (!waitsFor(record, ObtainingWaterProcess.MESSAGE_PAYMENT_RECEIVED)) {
      throw new RequestRefusedException(CONFLICT, quote.credit()
          ? "信用报装：先施工装表通水，通水后再付款（" + quote.paymentDueDays() + " 个工作日内）；通水后请再来付款"
          : "申请 " + applicationNumber + " 当前不在等待付款（可能已撤回或已办结）");
    }
    Optional<PaymentOrder> open = orders.stream().filter(order -> !order.paid()).findFirst();
    if (open.isPresent()) {
      return open.get(); // the order already sent: the same reference, the same place to pay
    }
    String reference = CaseReferences.derive("ZF", applicationNumber) + "-" + (orders.size() + 1);
    String payUrl = gateway.createOrder(new PaymentRequest(reference, applicationNumber, quote.amount(),
        "用水报装 " + applicationNumber + " 接水工程费用"));
    jdbc.update("INSERT INTO payment_order (reference, application_number, amount, created_at, pay_url) "
        + "VALUES (?, ?, ?, ?, ?)", reference, applicationNumber, quote.amount(), RecordedTime.now(), payUrl);
    return order(reference).orElseThrow();
  }

  /** A payment the gateway reports; {@code repeat} when it had reported it before. */
  public record Notified(PaymentOrder order, boolean repeat) {
  }

  /**
   * The gateway reports the order paid. The first report records it and correlates {@code Message_PaymentReceived}
   * in one transaction, under the order's row lock; a repeat (however concurrent) finds it paid and answers the same,
   * doing nothing. An amount other than the order's is refused (400): the gateway's record and ours disagree.
   */
  @Transactional
  public Notified notified(String reference, BigDecimal amount, String transaction, OffsetDateTime paidAt) {
    PaymentOrder order = jdbc.query("SELECT " + ORDER_COLUMNS + " FROM payment_order WHERE reference = ? FOR UPDATE",
        ORDER, reference).stream().findFirst()
        .orElseThrow(() -> new RequestRefusedException(NOT_FOUND, "没有支付单号为 " + reference + " 的支付单"));
    if (order.paid()) {
      if (!order.gatewayTransaction().equals(transaction)) {
        throw new RequestRefusedException(CONFLICT, "支付单 " + reference + " 已于 " + order.paidAt() + " 由交易 "
            + order.gatewayTransaction() + " 付清，不能再登记交易 " + transaction + "；如重复扣款请按退款流程处理");
      }
      return new Notified(order, true);
    }
    if (amount.setScale(2, RoundingMode.HALF_UP).compareTo(order.amount().setScale(2, RoundingMode.HALF_UP)) != 0) {
      throw new InvalidInputException("amount", "付款金额 " + amount.toPlainString() + " 元与支付单 " + reference
          + " 的金额 " + order.amount().toPlainString() + " 元不符，未登记；请核对后重新通知");
    }
    CaseRecord record = records.lock(order.applicationNumber()).orElseThrow();
    boolean waiting = waitsFor(record, ObtainingWaterProcess.MESSAGE_PAYMENT_RECEIVED);
    String effect = waiting ? PaymentOrder.CASE_CONTINUED : PaymentOrder.CASE_NOT_WAITING;
    jdbc.update("UPDATE payment_order SET paid_at = ?, paid_amount = ?, gateway_transaction = ?, effect = ? "
        + "WHERE reference = ?", paidAt, amount, transaction, effect, reference);
    if (waiting) {
      runtime.createMessageCorrelation(ObtainingWaterProcess.MESSAGE_PAYMENT_RECEIVED)
          .processInstanceBusinessKey(order.applicationNumber()).correlateWithResult();
      LOG.info("Payment {} for {} received: {} yuan", reference, order.applicationNumber(), amount);
    } else {
      LOG.warn("Payment {} for {} received while the case no longer waits for it: recorded, to be refunded by staff",
          reference, order.applicationNumber());
    }
    return new Notified(order(reference).orElseThrow(), false);
  }

  /** What the case's customers paid, in total; zero when nothing. */
  public BigDecimal paid(String applicationNumber) {
    return orders(applicationNumber).stream().filter(PaymentOrder::paid).map(PaymentOrder::paidAmount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public List<PaymentOrder> orders(String applicationNumber) {
    return jdbc.query("SELECT " + ORDER_COLUMNS + " FROM payment_order WHERE application_number = ? "
        + "ORDER BY created_at DESC, reference DESC", ORDER, applicationNumber);
  }

  public Optional<PaymentOrder> order(String reference) {
    return jdbc.query("SELECT " + ORDER_COLUMNS + " FROM payment_order WHERE reference = ?", ORDER, reference).stream()
        .findFirst();
  }

  private QuoteState state(CaseRecord record) {
    String number = record.applicationNumber();
    Quote quote = find(number).orElseThrow(() -> noQuote(number));
    return new QuoteState(quote, orders(number), waitsFor(record, ObtainingWaterProcess.MESSAGE_QUOTE_ACCEPTED),
        waitsFor(record, ObtainingWaterProcess.MESSAGE_PAYMENT_RECEIVED));
  }

  private boolean waitsFor(CaseRecord record, String message) {
    return runtime.createEventSubscriptionQuery().processInstanceId(record.processInstanceId())
        .eventType(EventType.MESSAGE.name()).eventName(message).count() > 0;
  }

  private static RequestRefusedException notFound(String applicationNumber) {
    return new RequestRefusedException(NOT_FOUND, "没有找到编号为 " + applicationNumber + " 的申请");
  }

  private static RequestRefusedException noQuote(String applicationNumber) {
    return new RequestRefusedException(CONFLICT, "申请 " + applicationNumber
        + " 没有报价：接水费用全免（接水管径小于 DN100），或方案尚未确定");
  }

  private static final RowMapper<Quote> QUOTE = (rs, row) -> new Quote(rs.getString("application_number"),
      rs.getBigDecimal("amount"), rs.getString("basis"), rs.getString("covers"), rs.getString("payment_timing"),
      rs.getInt("payment_due_days"), rs.getString("timing_basis"), RecordedTime.read(rs, "issued_at"),
      RecordedTime.read(rs, "accepted_at"), rs.getString("accepted_via"), rs.getString("accepted_by"));

  private static final RowMapper<PaymentOrder> ORDER = Payments::order;

  private static PaymentOrder order(ResultSet rs, int row) throws SQLException {
    return new PaymentOrder(rs.getString("reference"), rs.getString("application_number"), rs.getBigDecimal("amount"),
        RecordedTime.read(rs, "created_at"), rs.getString("pay_url"), RecordedTime.read(rs, "paid_at"),
        rs.getBigDecimal("paid_amount"), rs.getString("gateway_transaction"), rs.getString("effect"));
  }
}
