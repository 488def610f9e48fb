package org.obtainingwater.notification;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Local adapter: keeps the most recent deliveries in memory and logs them with the phone number
 * masked, so the application runs without a gateway. What was sent stays in the outbox table.
 */
@Component
@ConditionalOnProperty(name = "obtaining-water.adapters.sms-gateway", havingValue = "recording", matchIfMissing = true)
public class RecordingSmsGateway implements SmsGateway {

  private static final Logger LOG = LoggerFactory.getLogger(RecordingSmsGateway.class);
  private static final int KEPT = 1_000;

  /** One message handed to the gateway. */
  public record Delivery(String reference, String phone, String text) {
  }

  private final Deque<Delivery> delivered = new ArrayDeque<>();
  private final AtomicLong references = new AtomicLong();

  @Override
  public synchronized String deliver(String phone, String text) {
    String reference = "SMS-LOCAL-" + references.incrementAndGet();
    if (delivered.size() == KEPT) {
      delivered.removeFirst();
    }
    delivered.addLast(new Delivery(reference, phone, text));
    LOG.info("SMS {} to {}: {}", reference, Masking.phone(phone), text);
    return reference;
  }

  /** Deliveries to one phone number, oldest first. */
  public synchronized List<Delivery> deliveredTo(String phone) {
    return delivered.stream().filter(delivery -> delivery.phone().equals(phone)).toList();
  }
}
