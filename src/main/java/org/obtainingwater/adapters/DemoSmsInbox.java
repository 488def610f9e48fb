package org.obtainingwater.adapters;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Demo profile only: what the recording SMS adapter sent to a phone, so a person trying the customer
 * page without a real phone can read the code (docs/adr/0025). Administrators only, by HTTP Basic
 * (the guard is web.AccessGuards' demo inbox filter on {@code web.Doors.DEMO_SMS_INBOX}). Outside the demo
 * profile neither the door nor the page exists.
 */
@RestController
@Profile("demo")
@ConditionalOnProperty(name = "obtaining-water.adapters.sms-gateway", havingValue = "recording", matchIfMissing = true)
class DemoSmsInbox {

  static final String PATH = "/demo/sms-inbox";

  private final RecordingSmsGateway gateway;

  DemoSmsInbox(RecordingSmsGateway gateway) {
    this.gateway = gateway;
  }

  /** The messages to the phone, newest first. */
  @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  List<RecordingSmsGateway.Delivery> inbox(@RequestParam String phone) {
    List<RecordingSmsGateway.Delivery> delivered = new java.util.ArrayList<>(gateway.deliveredTo(phone.strip()));
    java.util.Collections.reverse(delivered);
    return delivered;
  }

  /** A page beside the JSON: type a phone, read its messages. */
  @GetMapping(path = PATH + "/page", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
  String page() {
    return """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>演示短信收件箱</title>
        <style>body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:40rem;padding:1rem;color:#1a1a1a}
        label,input,button{font-size:16px}input{padding:.6rem;width:12rem}button{padding:.6rem 1rem;min-height:44px}
        li{border-bottom:1px solid #ccc;padding:.5rem 0}</style></head>
        <body><main><h1>演示短信收件箱</h1>
        <p>仅在演示环境中存在：这里显示本地短信适配器“发出”的短信，真实环境中短信发到客户手机上。</p>
        <form id="f"><label for="phone">手机号</label> <input id="phone" name="phone" inputmode="numeric" autocomplete="tel">
        <button type="submit">查看短信</button></form>
        <ol id="list" aria-live="polite"></ol></main>
        <script>
        document.getElementById('f').addEventListener('submit', async (e) => {
          e.preventDefault();
          const phone = document.getElementById('phone').value.trim();
          const list = document.getElementById('list');
          list.textContent = '';
          const answer = await fetch('/demo/sms-inbox?phone=' + encodeURIComponent(phone), {headers: {Accept: 'application/json'}});
          const messages = answer.ok ? await answer.json() : [];
          if (!messages.length) { const li = document.createElement('li'); li.textContent = '没有发给这个号码的短信'; list.append(li); }
          for (const m of messages) { const li = document.createElement('li'); li.textContent = m.text; list.append(li); }
        });
        </script></body></html>
        """;
  }
}
