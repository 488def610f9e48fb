package org.obtainingwater.adapters;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.obtainingwater.payment.PaymentGateway;
import org.obtainingwater.payment.PaymentRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Local adapter: records the payment orders it would send to the gateway and answers the demo's simulated pay page
 * ({@link DemoPaymentGateway}) as where to pay; a second order with the same reference answers the same page and
 * records nothing new. Nothing is collected: outside the demo profile the start is refused while this adapter is
 * selected (docs/adr/0034).
 */
@Component
@ConditionalOnProperty(name = "obtaining-water.adapters.payment-gateway", havingValue = "recording", matchIfMissing = true)
public class RecordingPaymentGateway implements PaymentGateway {

  /** The name of the gateway in the adapter journal. */
  public static final String SYSTEM = "payment-gateway";

  private static final Logger LOG = LoggerFactory.getLogger(RecordingPaymentGateway.class);
  private static final int KEPT = 1_000;

  private final Map<String, PaymentRequest> orders = new LinkedHashMap<>();
  private final IdempotentCalls calls;

  RecordingPaymentGateway(AdapterJournal journal) {
    this.calls = journal.calls(SYSTEM);
  }

  @Override
  public String createOrder(PaymentRequest request) {
    IdempotentCalls.Answer answer = calls.call(request.reference(), () -> {
      LOG.info("Payment order {} for {}: {} yuan ({})", request.reference(), request.applicationNumber(),
          request.amount().toPlainString(), request.description());
      return DemoPaymentGateway.PATH + "/" + request.reference();
    });
    remember(request);
    return answer.value();
  }

  private synchronized void remember(PaymentRequest request) {
    if (!orders.containsKey(request.reference()) && orders.size() == KEPT) {
      orders.remove(orders.keySet().iterator().next());
    }
    orders.put(request.reference(), request);
  }

  /** The order sent with this reference, if any. */
  public synchronized Optional<PaymentRequest> order(String reference) {
    return Optional.ofNullable(orders.get(reference));
  }
}
