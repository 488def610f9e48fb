package org.obtainingwater.web;

import java.io.IOException;

/** A request body beyond the API's limit; answered 413. */
class RequestTooLargeException extends IOException {

  RequestTooLargeException(long limit) {
    super("请求体超过 " + limit + " 字节的上限；申请只需开始表单的少量信息");
  }
}
