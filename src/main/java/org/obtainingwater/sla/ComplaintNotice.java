package org.obtainingwater.sla;

/**
 * What the callback stage's supervisor is told when a customer is still dissatisfied after the rounds of
 * rectification the diagram allows (整改仍不满意，报主管督办): the case closes, the complaint goes up.
 *
 * @param applicationNumber the case
 * @param rounds how many rectifications were made
 * @param lastScore the score of the last callback
 * @param supervisor who is told
 */
public record ComplaintNotice(String applicationNumber, int rounds, int lastScore, Supervisor supervisor) {

  /** One notice per case and round count, however often the step runs (docs/adr/0021). */
  public String idempotencyKey() {
    return "complaint/" + applicationNumber + "/" + rounds;
  }

  /** The message as the supervisor reads it. */
  public String text() {
    return "【整改督办】" + applicationNumber + " 经 " + rounds + " 轮整改，客户回访仍不满意（" + lastScore
        + " 分），请主管跟进处理。";
  }
}
