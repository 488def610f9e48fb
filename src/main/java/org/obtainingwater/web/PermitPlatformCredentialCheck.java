package org.obtainingwater.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile the permit platform's callback token must come from the environment
 * ({@code OW_PERMIT_CALLBACK_TOKEN}, at least 32 characters); without it the application refuses to
 * start rather than run with a callback nobody can use or everybody can guess.
 */
@Component
@Profile("!demo")
class PermitPlatformCredentialCheck {

  static final int MIN_LENGTH = BearerTokens.MIN_LENGTH;

  PermitPlatformCredentialCheck(@Value("${obtaining-water.permit-platform.callback-token:}") String token) {
    BearerTokens.requireFromEnvironment(token, "OW_PERMIT_CALLBACK_TOKEN", "the permit platform's callback credential");
  }
}
