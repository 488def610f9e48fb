package org.obtainingwater.adapters;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.obtainingwater.notification.Masking;
import org.obtainingwater.notification.SmsGateway;
import org.obtainingwater.notification.SmsMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Local adapter: keeps the most recent deliveries in memory and logs them with the phone number
 * masked, so the application runs without a gateway. A message id delivered before is answered with
 * its first reference and not sent again. What was sent stays in the outbox table.
 */
@Component
@ConditionalOnProperty(name = "obtaining-water.adapters.sms-gateway", havingValue = "recording", matchIfMissing = true)
public class RecordingSmsGateway implements SmsGateway {

  /** The name of the SMS gateway in the adapter journal. */
  public static final String SYSTEM = "sms-gateway";

  private static final Logger LOG = LoggerFactory.getLogger(RecordingSmsGateway.class);
  private static final int KEPT = 1_000;

  /** One message handed to the gateway. */
  public record Delivery(String reference, String phone, String text) {
  }

  private final Deque<Delivery> delivered = new ArrayDeque<>();
  private final IdempotentCalls calls;
  private final AtomicLong references;

  public RecordingSmsGateway(AdapterJournal journal) {
    this.calls = journal.calls(SYSTEM);
    this.references = new AtomicLong(calls.effects());
  }

  @Override
  public String deliver(String messageId, SmsMessage message) {
    String phone = message.phone();
    String text = message.text();
    IdempotentCalls.Answer answer = calls.call(messageId, () -> {
      String reference = "SMS-LOCAL-" + references.incrementAndGet();
      record(new Delivery(reference, phone, text));
      LOG.info("SMS {} to {}: {}", reference, Masking.phone(phone), text);
      return reference;
    });
    if (answer.repeat()) {
      LOG.info("SMS {} ({}) was already sent, not sent again", answer.value(), messageId);
    }
    return answer.value();
  }

  private synchronized void record(Delivery delivery) {
    if (delivered.size() == KEPT) {
      delivered.removeFirst();
    }
    delivered.addLast(delivery);
  }

  /** Deliveries to one phone number, oldest first. */
  public synchronized List<Delivery> deliveredTo(String phone) {
    return delivered.stream().filter(delivery -> delivery.phone().equals(phone)).toList();
  }
}
