package org.obtainingwater.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The utility's own channels that verify a customer's phone themselves (the app's back-end, the
 * WeChat back-end): each calls the customer API with its own bearer credential and names the
 * customer's phone in {@code X-Contact-Phone} (docs/adr/0025). Configured as
 * {@code obtaining-water.customers.channels.<name>} ({@code OW_CHANNEL_APP_TOKEN},
 * {@code OW_CHANNEL_WECHAT_TOKEN}); a channel without a credential is closed. Outside the demo profile
 * a credential must have at least 32 characters ({@link CustomerChannelsCheck}).
 */
@ConfigurationProperties("obtaining-water.customers")
public record CustomerChannels(Map<String, String> channels) {

  public CustomerChannels {
    Map<String, String> open = new LinkedHashMap<>();
    if (channels != null) {
      channels.forEach((name, token) -> {
        if (token != null && !token.isBlank()) {
          open.put(name, token.strip());
        }
      });
    }
    channels = Map.copyOf(open);
  }

  /** The channel whose credential the bearer token is (compared in constant time), if any. */
  Optional<String> channelOf(String bearerToken) {
    if (bearerToken == null) {
      return Optional.empty();
    }
    String given = bearerToken.strip();
    String found = null;
    for (Map.Entry<String, String> channel : channels.entrySet()) {
      if (BearerTokens.matches(channel.getValue(), given)) {
        found = channel.getKey();
      }
    }
    return Optional.ofNullable(found);
  }
}
