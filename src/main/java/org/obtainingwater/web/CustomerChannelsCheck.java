package org.obtainingwater.web;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile a channel credential is at least 32 characters, from the environment, as
 * the permit platform's token is: the application refuses to start with one anybody could guess.
 */
@Component
@Profile("!demo")
class CustomerChannelsCheck {

  CustomerChannelsCheck(CustomerChannels channels) {
    channels.channels().forEach((name, token) -> {
      if (!BearerTokens.strongEnough(token)) {
        throw new IllegalStateException("The credential of customer channel '" + name + "' must have at least "
            + BearerTokens.MIN_LENGTH + " characters (OW_CHANNEL_" + name.toUpperCase() + "_TOKEN), "
            + "or be left empty to close the channel.");
      }
    });
  }
}
