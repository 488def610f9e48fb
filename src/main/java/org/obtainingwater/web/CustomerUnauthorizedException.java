package org.obtainingwater.web;

/** A customer API request without a session or a channel credential; answered 401. */
public class CustomerUnauthorizedException extends RuntimeException {

  CustomerUnauthorizedException() {
    super("请先用手机号和短信验证码登录（POST /api/v1/sessions），或由受信任的渠道携带其凭证和客户手机号调用；"
        + "登录已过期时请重新获取验证码");
  }
}
