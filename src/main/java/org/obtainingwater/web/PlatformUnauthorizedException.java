package org.obtainingwater.web;

/** A permit decision callback without the platform's credential; answered 401. */
class PlatformUnauthorizedException extends RuntimeException {

  PlatformUnauthorizedException() {
    super("需要审批平台的回调凭证：请在 Authorization 请求头中提供 Bearer 令牌");
  }
}
