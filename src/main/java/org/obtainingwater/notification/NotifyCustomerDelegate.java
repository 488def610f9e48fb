package org.obtainingwater.notification;

import static org.obtainingwater.process.CaseVariables.NOTICE_TYPE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Every send task of the process (发送申请回执, 告知不予受理原因, 告知不具备接水条件, 通知客户已通水并签约,
 * 告知客户已撤回): the task's input parameter {@code noticeType} says which notice to send.
 */
@Component
class NotifyCustomerDelegate implements JavaDelegate {

  private final CustomerNotifier notifier;

  NotifyCustomerDelegate(CustomerNotifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NoticeType type = NoticeType.valueOf(NOTICE_TYPE.get(execution));
    notifier.send(Notices.compose(type, execution));
  }
}
