package org.obtainingwater.cases;

/**
 * Where a case stands, as the customer and the utility's other systems see it (the {@code stage}
 * column of the case record). Coarser than the diagram: both permit sub-processes are one stage.
 * The label and the next step are what the status API tells the customer.
 */
public enum Stage {
  RECEIVED("申请已提交", "无需办理：我们将在 1 个工作日内受理您的申请。"),
  INTAKE("受理审核", "无需办理：受理员正在审核您的申请，如需补充信息会电话联系您。"),
  SURVEY("现场查勘", "请在客户页面预约上门查勘的时段（工作日上午或下午），并保持电话畅通。"),
  DESIGN("方案设计", "无需办理：设计员正在编制供水方案。"),
  /** Only when the connection fee charges something (docs/adr/0043): the customer's time, not the utility's. */
  PAYMENT("报价与付款", "请在客户页面确认报价并付款，或到营业厅办理。"),
  PERMITS("行政审批", "无需办理：占道挖掘、绿化占用等许可由我们代为申报。"),
  CONSTRUCTION("外线施工", "无需办理：红线外管线正在施工。"),
  METERING("装表通水", "请在客户页面预约上门装表的时段（工作日上午或下午），并保持电话畅通。"),
  WATER_ON("已通水", "请在线签署供水合同；用水户号和合同编号已通过短信发送给您。"),
  CALLBACK("服务回访", "请留意我们的回访电话，告诉我们您对本次服务是否满意。"),
  WITHDRAWAL("撤回中", "无需办理：我们正在停止相关工作。"),
  CLOSED("已办结", "无需办理。");

  private final String label;
  private final String nextStep;

  Stage(String label, String nextStep) {
    this.label = label;
    this.nextStep = nextStep;
  }

  public String label() {
    return label;
  }

  /** What the customer must do now; usually nothing. */
  public String nextStep() {
    return nextStep;
  }

  /** The customer may withdraw until the water is on; after that it is a matter of closing the account. */
  public boolean withdrawable() {
    return ordinal() <= METERING.ordinal();
  }
}
