package org.obtainingwater.scorecard;

import java.time.Instant;
import java.util.List;

import org.obtainingwater.cases.Stage;

/**
 * What the records say about one case whose water came on: from the case table its stages with their
 * times, from the engine's history the fee the connection-fee decision set, the satisfaction scores
 * the callbacks recorded and the customer procedures it completed. No figure is computed yet.
 *
 * @param satisfactionScores every score a callback recorded, in the order given (a dissatisfied
 *     customer is called again after the rectification)
 * @param onlineRating the customer's own rating on the customer page (docs/adr/0037), null when none
 * @param customerMinutes the customer's time per stage in working minutes ({@code customer_time}, docs/adr/0042)
 * @param quotedFee the quote's amount ({@code quote}, docs/adr/0043); null when the case had no quote (nothing
 *     charged, or a case of a version before quotes)
 * @param paidFee what the payment gateway reported paid ({@code payment_order}); null when nothing was paid
 */
record CaseFacts(
    String applicationNumber,
    String processInstanceId,
    Instant receivedAt,
    Instant waterOnAt,
    List<Span> stages,
    Double customerFee,
    Boolean feeWaived,
    List<Integer> satisfactionScores,
    int customerProcedures,
    Integer onlineRating,
    java.util.Map<Stage, Integer> customerMinutes,
    Double quotedFee,
    Double paidFee) {

  /**
   * The cost to the customer (docs/adr/0043): nothing when waived; what was paid when the case was quoted (null
   * while unpaid, e.g. a credit connection within its term); for a case without a quote, which paid outside this
   * system, the fee decision's amount.
   */
  Double cost() {
    if (Boolean.TRUE.equals(feeWaived)) {
      return 0.0;
    }
    return quotedFee != null ? paidFee : customerFee;
  }

  /** One stay in a stage; {@code left} is null while the case is still in it. */
  record Span(Stage stage, Instant entered, Instant left) {
  }
}
