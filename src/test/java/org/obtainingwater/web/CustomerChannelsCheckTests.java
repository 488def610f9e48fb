package org.obtainingwater.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Outside demo a channel credential is at least 32 characters; an empty one closes the channel. */
class CustomerChannelsCheckTests {

  @Test
  void aShortCredential_refusesToStart_andNamesTheVariable() {
    assertThatThrownBy(() -> new CustomerChannelsCheck(new CustomerChannels(Map.of("app", "short"))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("OW_CHANNEL_APP_TOKEN");
  }

  @Test
  void anEmptyCredential_closesTheChannel_andALongOneIsAccepted() {
    CustomerChannels channels = new CustomerChannels(Map.of("wechat", "", "app", "x".repeat(32)));
    assertThatCode(() -> new CustomerChannelsCheck(channels)).doesNotThrowAnyException();
    org.assertj.core.api.Assertions.assertThat(channels.channels()).containsOnlyKeys("app");
    org.assertj.core.api.Assertions.assertThat(channels.channelOf("x".repeat(32))).contains("app");
    org.assertj.core.api.Assertions.assertThat(channels.channelOf("")).isEmpty();
  }
}
