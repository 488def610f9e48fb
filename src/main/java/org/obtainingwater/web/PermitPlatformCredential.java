package org.obtainingwater.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The city's permit platform calls back with its own credential: a bearer token the utility gives
 * the platform, configured as {@code obtaining-water.permit-platform.callback-token}
 * ({@code OW_PERMIT_CALLBACK_TOKEN}). Outside the demo profile the application refuses to start
 * without one (PermitPlatformCredentialCheck).
 */
@Component
class PermitPlatformCredential extends BearerCredential {

  PermitPlatformCredential(@Value("${obtaining-water.permit-platform.callback-token:}") String token) {
    super("permit-platform", token, "需要审批平台的回调凭证：请在 Authorization 请求头中提供 Bearer 令牌");
  }
}
