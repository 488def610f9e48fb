package org.obtainingwater.process;

import static org.obtainingwater.process.ProcessVariable.decimal;
import static org.obtainingwater.process.ProcessVariable.flag;
import static org.obtainingwater.process.ProcessVariable.integer;
import static org.obtainingwater.process.ProcessVariable.text;

import java.util.Date;

/**
 * Every variable of the obtainingWater process, typed once. Names equal the Camunda Form field
 * keys in {@code forms/}; labels are what staff call them. See docs/adr/0002-process-variables.md.
 */
public final class CaseVariables {

  // Application (start form; confirmed or corrected at intake)
  public static final ProcessVariable<String> APPLICANT_NAME = text("applicantName", "申请单位/申请人");
  public static final ProcessVariable<String> CONTACT_PHONE = text("contactPhone", "联系电话");
  public static final ProcessVariable<String> SITE_ADDRESS = text("siteAddress", "用水地址");
  public static final ProcessVariable<String> USE_TYPE = text("useType", "用水类型");
  public static final ProcessVariable<Double> EXPECTED_PEAK_DEMAND = decimal("expectedPeakDemand", "预计最大用水量");
  public static final ProcessVariable<String> CHANNEL = text("channel", "申请渠道");
  public static final ProcessVariable<String> APPLICATION_NUMBER = text("applicationNumber", "申请编号");
  /** Optional on the application: the pre-engaged project it belongs to (docs/adr/0010-pre-engagement-link.md). */
  public static final ProcessVariable<String> PROJECT_REFERENCE = text("projectReference", "提前办项目编号");
  /** What the application took over from the pre-engagement: none, design or pipeBuilt (written by the link). */
  public static final ProcessVariable<String> PRE_ENGAGEMENT_TAKEOVER = text("preEngagementTakeover", "沿用的提前办成果");

  // Intake
  public static final ProcessVariable<String> INTAKE_DECISION = text("intakeDecision", "受理结论");
  public static final ProcessVariable<String> INTAKE_REJECTION_REASON = text("intakeRejectionReason", "不予受理原因");

  // Survey
  public static final ProcessVariable<String> SURVEY_CONCLUSION = text("surveyConclusion", "查勘结论");
  public static final ProcessVariable<String> INFEASIBILITY_REASON = text("infeasibilityReason", "不具备接水条件的原因");
  public static final ProcessVariable<String> CONNECTION_POINT = text("connectionPoint", "接驳点");
  public static final ProcessVariable<Double> EXTERNAL_PIPE_LENGTH = decimal("externalPipeLength", "红线外管线长度");
  public static final ProcessVariable<Boolean> CROSSES_ROAD = flag("crossesRoad", "穿越或沿道路");
  public static final ProcessVariable<Boolean> CROSSES_GREEN_BELT = flag("crossesGreenBelt", "穿越绿化带");
  public static final ProcessVariable<Double> PEAK_FLOW = decimal("peakFlow", "设计高峰流量");
  public static final ProcessVariable<String> METER_POSITION = text("meterPosition", "水表位置");

  // Design (recommendedMeterDn, meterDn and meterReviewRequired come from the meterSize decision; the
  // designer confirms meterDn and, when the peak exceeds the largest meter, explains the scheme)
  public static final ProcessVariable<Integer> RECOMMENDED_METER_DN = integer("recommendedMeterDn", "推荐水表口径");
  public static final ProcessVariable<Integer> METER_DN = integer("meterDn", "水表口径");
  public static final ProcessVariable<Boolean> METER_REVIEW_REQUIRED = flag("meterReviewRequired", "须设计复核");
  public static final ProcessVariable<Integer> SUPPLY_PIPE_DN = integer("supplyPipeDn", "接水管径");
  public static final ProcessVariable<Double> IN_RED_LINE_BUDGET = decimal("inRedLineBudget", "红线内工程预算");
  public static final ProcessVariable<String> DESIGN_NOTES = text("designNotes", "设计说明");
  public static final ProcessVariable<Boolean> FEE_WAIVED = flag("feeWaived", "费用全免");
  public static final ProcessVariable<Double> CUSTOMER_FEE = decimal("customerFee", "客户应付费用");
  public static final ProcessVariable<String> FEE_BASIS = text("feeBasis", "收费依据");

  // Quote and payment, only where connectionFee charges something (docs/adr/0043): the paymentTiming decision
  /** {@code beforeWorks} (先付款) or {@code afterWaterOn} (信用报装); absent when nothing is charged. */
  public static final ProcessVariable<String> PAYMENT_TIMING = text("paymentTiming", "付款时点");
  /** Working days: after acceptance (先付款) or after water-on (信用报装) until the customer is reminded. */
  public static final ProcessVariable<Integer> PAYMENT_DUE_DAYS = integer("paymentDueDays", "付款期限（工作日）");
  public static final ProcessVariable<String> PAYMENT_TIMING_BASIS = text("paymentTimingBasis", "付款安排说明");

  // Permits: decided per case, then handled inside each permit sub-process with local variables
  public static final ProcessVariable<Boolean> ROAD_PERMIT_REQUIRED = flag("roadPermitRequired", "需占道挖掘许可");
  public static final ProcessVariable<Boolean> GREENERY_PERMIT_REQUIRED = flag("greeneryPermitRequired", "需绿化占用许可");
  public static final ProcessVariable<String> PERMIT_PROCEDURE = text("permitProcedure", "办理方式");
  public static final ProcessVariable<String> PERMIT_KIND = text("permitKind", "许可类型");
  public static final ProcessVariable<String> PERMIT_APPLICATION_REF = text("permitApplicationRef", "申报受理号");
  public static final ProcessVariable<String> PERMIT_DECISION = text("permitDecision", "审批结果");
  public static final ProcessVariable<String> PERMIT_NUMBER = text("permitNumber", "许可证号");
  public static final ProcessVariable<String> PERMIT_REJECTION_REASON = text("permitRejectionReason", "不予批准原因");
  public static final ProcessVariable<String> PERMIT_REVISION_NOTE = text("permitRevisionNote", "修改说明");
  public static final ProcessVariable<String> ROAD_PERMIT_NUMBER = text("roadPermitNumber", "占道挖掘许可证号");
  public static final ProcessVariable<String> GREENERY_PERMIT_NUMBER = text("greeneryPermitNumber", "绿化占用许可证号");

  // External pipeline construction
  public static final ProcessVariable<String> WORK_ORDER_NUMBER = text("workOrderNumber", "施工任务单号");
  public static final ProcessVariable<Double> LAID_LENGTH = decimal("laidLength", "实际敷设长度");
  public static final ProcessVariable<String> PRESSURE_TEST_RESULT = text("pressureTestResult", "试压结果");
  public static final ProcessVariable<Boolean> FLUSHING_COMPLETED = flag("flushingCompleted", "冲洗消毒已完成");
  public static final ProcessVariable<String> CONSTRUCTION_NOTES = text("constructionNotes", "施工说明");

  // Meter and water on
  public static final ProcessVariable<String> METER_SERIAL_NUMBER = text("meterSerialNumber", "水表表号");
  public static final ProcessVariable<Double> INITIAL_READING = decimal("initialReading", "初始读数");
  public static final ProcessVariable<String> WATER_ON_AT = text("waterOnAt", "通水时间");
  public static final ProcessVariable<String> CUSTOMER_ACCOUNT_NUMBER = text("customerAccountNumber", "用水户号");
  public static final ProcessVariable<String> SUPPLY_CONTRACT_NUMBER = text("supplyContractNumber", "供水合同编号");
  /** Whether the contract was signed when the case came to wait for it (gateway 合同已签署？, docs/adr/0046). */
  public static final ProcessVariable<Boolean> CONTRACT_SIGNED = flag("contractSigned", "合同已签署");
  /** 跟进合同签署: the customer signed the paper contract at the counter; submitting records the counter signature. */
  public static final ProcessVariable<Boolean> CONTRACT_SIGNED_AT_COUNTER = flag("contractSignedAtCounter",
      "客户已在柜台签署纸质合同");
  public static final ProcessVariable<String> CONTRACT_FOLLOW_UP_NOTE = text("contractFollowUpNote", "跟进记录");

  // Callback
  public static final ProcessVariable<Integer> SATISFACTION_SCORE = integer("satisfactionScore", "满意度");
  public static final ProcessVariable<String> CALLBACK_REMARKS = text("callbackRemarks", "回访记录");
  /** {@code reached} or {@code unreachable}; a callback submitted without it counts as reached. */
  public static final ProcessVariable<String> CALLBACK_RESULT = text("callbackResult", "回访结果");
  /** How many callbacks found nobody; the third closes the case without a score (gateway 接通了吗？). */
  public static final ProcessVariable<Integer> UNREACHABLE_CALLS = integer("unreachableCalls", "未接通次数");
  public static final ProcessVariable<String> RECTIFICATION_NOTE = text("rectificationNote", "整改情况");
  /** The customer's own rating on the customer page, in words (cases.ServiceRatings): for the callback task. */
  public static final ProcessVariable<String> ONLINE_RATING = text("onlineRating", "客户网上评价");
  /** How many rectifications were made; after the second a still dissatisfied customer goes to the supervisor. */
  public static final ProcessVariable<Integer> RECTIFICATION_ROUNDS = integer("rectificationRounds", "整改轮次");

  // Outcome
  public static final ProcessVariable<String> WITHDRAWAL_REASON = text("withdrawalReason", "撤回原因");
  public static final ProcessVariable<String> CASE_OUTCOME = text("caseOutcome", "办结结果");
  public static final ProcessVariable<Date> CASE_CLOSED_AT = new ProcessVariable<>("caseClosedAt", Date.class, "办结时间");

  // Pre-engagement (提前办, process preEngagement): the project as the account manager registers it. The
  // pre-survey, pre-design and pipe built ahead use the survey, design and construction variables above.
  public static final ProcessVariable<String> PROJECT_NAME = text("projectName", "项目名称");
  public static final ProcessVariable<String> EXPECTED_APPLICATION_DATE = text("expectedApplicationDate", "预计报装日期");
  public static final ProcessVariable<Date> EXPECTED_APPLICATION_DUE = new ProcessVariable<>("expectedApplicationDue", Date.class, "预计报装日");
  public static final ProcessVariable<Date> APPLICATION_DEADLINE = new ProcessVariable<>("applicationDeadline", Date.class, "等待报装截止时间");
  public static final ProcessVariable<String> PIPE_AHEAD_DECISION = text("pipeAheadDecision", "是否提前建设红线外管线");
  public static final ProcessVariable<String> PIPE_AHEAD_NOTE = text("pipeAheadNote", "决定说明");
  public static final ProcessVariable<String> CLOSURE_REASON = text("closureReason", "关闭原因");
  public static final ProcessVariable<String> LINKED_APPLICATION_NUMBER = text("linkedApplicationNumber", "关联的报装申请编号");

  // Task-local copies for the Tasklist task card (see org.obtainingwater.staff.TaskCardVariables)
  public static final ProcessVariable<String> CARD_APPLICATION_NUMBER = text("cardApplicationNumber", "申请编号");
  public static final ProcessVariable<String> CARD_APPLICANT_NAME = text("cardApplicantName", "申请人");
  public static final ProcessVariable<String> CARD_SITE_ADDRESS = text("cardSiteAddress", "用水地址");

  // Visits booked by the customer (org.obtainingwater.visits, docs/adr/0042): set by the application, read-only in the forms
  public static final ProcessVariable<String> SURVEY_VISIT = text("surveyVisit", "预约查勘时间");
  public static final ProcessVariable<String> METER_VISIT = text("meterVisit", "预约装表时间");
  /** Task-local copy of the booked visit on the survey or metering task, for the Tasklist card. */
  public static final ProcessVariable<String> CARD_VISIT = text("cardVisit", "预约上门");

  // The clock stops for the customer (docs/adr/0045): survey and metering staff mark 等待客户条件具备 in their form
  /** Always written by the survey and metering checks (false unless ticked): the gateway 需等待客户？ reads it. */
  public static final ProcessVariable<Boolean> AWAITING_CUSTOMER = flag("awaitingCustomer", "等待客户条件具备");
  /** One of {@code org.obtainingwater.pauses.PauseReason}'s codes: siteNotReady, customerPostponed, customerUnreachable. */
  public static final ProcessVariable<String> PAUSE_REASON = text("pauseReason", "暂停原因");
  public static final ProcessVariable<String> PAUSE_REMARK = text("pauseRemark", "暂停说明");
  /** Staff's note when they resume in Tasklist (恢复办理); the customer's own "ready" writes none. */
  public static final ProcessVariable<String> RESUME_NOTE = text("resumeNote", "恢复办理说明");

  // Task-local flag of a task that ran past its stage's target (see org.obtainingwater.sla.OverdueEscalations)
  public static final ProcessVariable<Boolean> OVERDUE = flag("overdue", "已超期");

  // Local input of each send task: which notice to send
  public static final ProcessVariable<String> NOTICE_TYPE = text("noticeType", "通知类型");

  private CaseVariables() {
  }
}
