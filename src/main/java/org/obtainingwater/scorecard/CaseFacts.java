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
    java.util.Map<Stage, Integer> customerMinutes) {

  /** One stay in a stage; {@code left} is null while the case is still in it. */
  record Span(Stage stage, Instant entered, Instant left) {
  }
}
