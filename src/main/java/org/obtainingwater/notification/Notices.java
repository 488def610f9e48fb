package org.obtainingwater.notification;

import static org.obtainingwater.process.CaseVariables.APPLICATION_NUMBER;
import static org.obtainingwater.process.CaseVariables.CONTACT_PHONE;
import static org.obtainingwater.process.CaseVariables.CUSTOMER_ACCOUNT_NUMBER;
import static org.obtainingwater.process.CaseVariables.CUSTOMER_FEE;
import static org.obtainingwater.process.CaseVariables.INFEASIBILITY_REASON;
import static org.obtainingwater.process.CaseVariables.INTAKE_REJECTION_REASON;
import static org.obtainingwater.process.CaseVariables.PAYMENT_DUE_DAYS;
import static org.obtainingwater.process.CaseVariables.PAYMENT_TIMING_BASIS;
import static org.obtainingwater.process.CaseVariables.SUPPLY_CONTRACT_NUMBER;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.obtainingwater.process.ProcessVariable;

/** Composes the text of each notice from the case's variables. */
final class Notices {

  /** The utility's name every customer SMS begins with (the SMS signature the provider registers). */
  static final String SIGNATURE = "【供水服务】";

  static Notice compose(NoticeType type, VariableScope scope) {
    String number = APPLICATION_NUMBER.get(scope);
    String text = switch (type) {
      case APPLICATION_RECEIVED -> "您的用水报装申请已收到，申请编号 " + number
          + "。我们将尽快受理并上门查勘，全程无需您跑腿。";
      case APPLICATION_REJECTED -> "很抱歉，您的用水报装申请 " + number + " 未予受理，原因："
          + or(scope, INTAKE_REJECTION_REASON) + "。如有疑问请致电服务热线。";
      case CONNECTION_NOT_FEASIBLE -> "经现场查勘，您的用水报装申请 " + number + " 暂不具备接水条件，原因："
          + or(scope, INFEASIBILITY_REASON) + "。如有疑问请致电服务热线。";
      case QUOTE_ISSUED -> "您的用水报装 " + number + " 接水工程费用报价 " + yuan(scope) + " 元（"
          + or(scope, PAYMENT_TIMING_BASIS) + "）。请在客户页面查看报价依据和费用包含的内容并确认，或到营业厅办理。";
      case PAYMENT_REMINDER -> "您的用水报装 " + number + " 接水工程费用 " + yuan(scope) + " 元已到付款期限（"
          + PAYMENT_DUE_DAYS.find(scope).map(String::valueOf).orElse("（未注明）") + " 个工作日），请在客户页面付款，"
          + "或到营业厅办理。如已付款请忽略。";
      case WATER_ON -> "您的用水报装 " + number + " 已装表通水。用水户号 " + or(scope, CUSTOMER_ACCOUNT_NUMBER)
          + "，供水合同 " + or(scope, SUPPLY_CONTRACT_NUMBER) + " 已发送，请在线签署。";
      case CONTRACT_SIGNING_REMINDER -> "您的用水报装 " + number + " 已通水，供水合同 " + or(scope, SUPPLY_CONTRACT_NUMBER)
          + " 尚未签署。请在客户页面查看合同并用短信验证码签署，或携带身份证明到营业厅签署。如已签署请忽略。";
      // The reason is the caller's free text: never repeated in a message signed with the utility's name
      // (a phishing vector); staff read it in the case.
      case APPLICATION_WITHDRAWN -> "您的用水报装申请 " + number + " 已按您的要求撤回，相关工作已停止。"
          + "如非本人操作，请致电服务热线。";
      case VERIFICATION_CODE, CONTRACT_SIGNING_CODE, VISIT_RESCHEDULED, CASE_PAUSED ->
          throw new IllegalArgumentException(type + " is composed where it is made");
      case SUPERVISOR_OVERDUE, SUPERVISOR_CALENDAR, SUPERVISOR_COMPLAINT ->
          throw new IllegalArgumentException(type + " goes to a supervisor");
    };
    // The variables of the notice's SMS template at a provider that sends templates only (docs/operations.md).
    Map<String, String> params = new LinkedHashMap<>();
    params.put("number", number);
    switch (type) {
      case APPLICATION_REJECTED -> params.put("reason", or(scope, INTAKE_REJECTION_REASON));
      case CONNECTION_NOT_FEASIBLE -> params.put("reason", or(scope, INFEASIBILITY_REASON));
      case QUOTE_ISSUED, PAYMENT_REMINDER -> params.put("amount", yuan(scope));
      case CONTRACT_SIGNING_REMINDER -> params.put("contract", or(scope, SUPPLY_CONTRACT_NUMBER));
      case WATER_ON -> {
        params.put("account", or(scope, CUSTOMER_ACCOUNT_NUMBER));
        params.put("contract", or(scope, SUPPLY_CONTRACT_NUMBER));
      }
      default -> {
      }
    }
    return new Notice(number, CONTACT_PHONE.get(scope), type, SIGNATURE + text, params);
  }

  private static String yuan(VariableScope scope) {
    return CUSTOMER_FEE.find(scope).map(fee -> BigDecimal.valueOf(fee)
        .setScale(2, RoundingMode.HALF_UP).toPlainString()).orElse("（未注明）");
  }

  private static String or(VariableScope scope, ProcessVariable<String> variable) {
    return variable.find(scope).filter(value -> !value.isBlank()).orElse("（未注明）");
  }

  private Notices() {
  }
}
