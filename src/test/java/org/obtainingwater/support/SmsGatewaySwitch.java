package org.obtainingwater.support;

import org.obtainingwater.adapters.RecordingSmsGateway;
import org.obtainingwater.notification.SmsGateway;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Beside {@link AppOnH2} or {@link AppOnPostgres} ({@code @Import(SmsGatewaySwitch.class)}): the context's SMS
 * gateway is the recording one, until a test takes it {@link #down()}: then every delivery fails as a timed-out
 * provider would, and the outbox retries and gives up as configured.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SmsGatewaySwitch {

  private volatile boolean down;

  public void down() {
    down = true;
  }

  public void up() {
    down = false;
  }

  @Bean
  @Primary
  SmsGateway switchableSmsGateway(RecordingSmsGateway recording) {
    return (messageId, message) -> {
      if (down) {
        throw new IllegalStateException("SMS gateway timed out");
      }
      return recording.deliver(messageId, message);
    };
  }
}
