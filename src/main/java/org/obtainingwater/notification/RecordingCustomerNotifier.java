package org.obtainingwater.notification;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Local adapter: keeps the most recent notices in memory and logs them with the phone number
 * masked. A real gateway is another {@link CustomerNotifier} bean, selected with
 * {@code obtaining-water.adapters.notifier}.
 */
@Component
@ConditionalOnProperty(name = "obtaining-water.adapters.notifier", havingValue = "recording", matchIfMissing = true)
public class RecordingCustomerNotifier implements CustomerNotifier {

  private static final Logger LOG = LoggerFactory.getLogger(RecordingCustomerNotifier.class);
  private static final int KEPT = 1_000;

  private final Deque<Notice> sent = new ArrayDeque<>();

  @Override
  public synchronized void send(Notice notice) {
    if (sent.size() == KEPT) {
      sent.removeFirst();
    }
    sent.addLast(notice);
    LOG.info("Notice {} for {} to {}: {}", notice.type(), notice.applicationNumber(), Masking.phone(notice.phone()),
        notice.text());
  }

  /** The notices recorded for one case, oldest first. */
  public synchronized List<Notice> sentFor(String applicationNumber) {
    return sent.stream().filter(notice -> notice.applicationNumber().equals(applicationNumber)).toList();
  }
}
