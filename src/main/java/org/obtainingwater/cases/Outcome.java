package org.obtainingwater.cases;

/** How a finished case ended (the {@code outcome} column); null while the case runs. */
public enum Outcome {
  WATER_CONNECTED("已装表通水", "无需办理：已装表通水，感谢您的信任。"),
  REJECTED("不予受理", "如需再次申请，请按短信告知的原因补正后重新提交；如有疑问请致电服务热线。"),
  NOT_FEASIBLE("不具备接水条件", "请按短信告知的原因处理后重新申请；如有疑问请致电服务热线。"),
  WITHDRAWN("已撤回", "无需办理：申请已撤回，相关工作已停止。");

  private final String label;
  private final String nextStep;

  Outcome(String label, String nextStep) {
    this.label = label;
    this.nextStep = nextStep;
  }

  public String label() {
    return label;
  }

  /** What the customer can do now that the case has ended. */
  public String nextStep() {
    return nextStep;
  }
}
