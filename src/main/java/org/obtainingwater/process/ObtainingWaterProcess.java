package org.obtainingwater.process;

/**
 * The obtainingWater process as code sees it: its key, the message it waits for and the ids of
 * the elements code and tests name. The diagram is bpmn/obtaining-water.bpmn; renaming one of
 * these ids there breaks running cases and this class (docs/adr/0001-deployment.md).
 */
public final class ObtainingWaterProcess {

  public static final String PROCESS_KEY = "obtainingWater";

  /**
   * Correlated by business key (the application number) when the customer withdraws; only a case still in
   * {@link Elements#CONNECTION} (before water-on) waits for it.
   */
  public static final String MESSAGE_APPLICATION_WITHDRAWN = "Message_ApplicationWithdrawn";

  /**
   * The city's permit platform decided the road permit (占道挖掘许可) filed for the case: correlated by business key (the
   * application number) and, through the message name, the permit kind (docs/adr/0041). Only a case whose road permit
   * sub-process waits at {@link Elements#AWAIT_ROAD_PERMIT_DECISION} has the subscription.
   */
  public static final String MESSAGE_ROAD_PERMIT_DECIDED = "Message_RoadPermitDecided";

  /** As {@link #MESSAGE_ROAD_PERMIT_DECIDED}, for the greenery permit (绿化占用许可). */
  public static final String MESSAGE_GREENERY_PERMIT_DECIDED = "Message_GreeneryPermitDecided";

  /**
   * The customer accepted the quote (on the page or at the counter), correlated by business key; only a case waiting
   * at {@link Elements#AWAIT_QUOTE_ACCEPTANCE} has the subscription (docs/adr/0043).
   */
  public static final String MESSAGE_QUOTE_ACCEPTED = "Message_QuoteAccepted";

  /**
   * The payment gateway reported the quoted fee paid, correlated by business key: the case waits for it at
   * {@link Elements#AWAIT_PAYMENT} (先付款) or, for a credit connection, at {@link Elements#AWAIT_CREDIT_PAYMENT}
   * after water-on (docs/adr/0043).
   */
  public static final String MESSAGE_PAYMENT_RECEIVED = "Message_PaymentReceived";

  /**
   * The customer signed the supply contract (with an SMS code on the page, or at the counter), correlated by business
   * key: after water-on the case waits for it at {@link Elements#AWAIT_CONTRACT_SIGNATURE} (docs/adr/0046).
   */
  public static final String MESSAGE_CONTRACT_SIGNED = "Message_ContractSigned";

  /** User task ids, one per stage, as they appear in Tasklist and history. */
  public static final class UserTasks {
    public static final String REVIEW_APPLICATION = "userTask_reviewApplication";
    public static final String SURVEY_SITE = "userTask_surveySite";
    public static final String DESIGN_SUPPLY_SCHEME = "userTask_designSupplyScheme";
    public static final String RECORD_ROAD_PERMIT_DECISION = "userTask_recordRoadPermitDecision";
    public static final String REVISE_ROAD_PERMIT_APPLICATION = "userTask_reviseRoadPermitApplication";
    public static final String RECORD_GREENERY_PERMIT_DECISION = "userTask_recordGreeneryPermitDecision";
    public static final String REVISE_GREENERY_PERMIT_APPLICATION = "userTask_reviseGreeneryPermitApplication";
    public static final String BUILD_EXTERNAL_PIPELINE = "userTask_buildExternalPipeline";
    public static final String INSTALL_METER = "userTask_installMeter";
    public static final String CALL_BACK_CUSTOMER = "userTask_callBackCustomer";
    public static final String RECTIFY_SERVICE = "userTask_rectifyService";
    /** Customer service follows up a contract unsigned five working days after water-on (docs/adr/0046). */
    public static final String FOLLOW_UP_CONTRACT_SIGNING = "userTask_followUpContractSigning";
    /**
     * 等待客户条件具备 (docs/adr/0045): the clock stopped for the customer after the survey or the meter visit. The
     * customer's time, not the utility's: no due date and no overdue timer, unlike every other user task.
     */
    public static final String AWAIT_SURVEY_READINESS = "userTask_awaitSurveyReadiness";
    public static final String AWAIT_METER_READINESS = "userTask_awaitMeterReadiness";
    /** The user tasks that wait for the customer (see {@link #AWAIT_SURVEY_READINESS}). */
    public static final java.util.Set<String> CUSTOMER_WAITS = java.util.Set.of(AWAIT_SURVEY_READINESS, AWAIT_METER_READINESS);

    private UserTasks() {
    }
  }

  /** Other elements tests and code refer to. */
  public static final class Elements {
    public static final String START_EVENT = "startEvent_applicationReceived";
    public static final String ROAD_PERMIT = "subProcess_roadPermit";
    public static final String GREENERY_PERMIT = "subProcess_greeneryPermit";
    public static final String FILE_ROAD_PERMIT = "serviceTask_fileRoadPermitApplication";
    public static final String FILE_GREENERY_PERMIT = "serviceTask_fileGreeneryPermitApplication";
    public static final String PERMITS_JOIN = "gateway_permitsJoin";
    /** Where a permit waits for the platform's decision (docs/adr/0041). */
    public static final String AWAIT_ROAD_PERMIT_DECISION = "receiveTask_awaitRoadPermitDecision";
    public static final String AWAIT_GREENERY_PERMIT_DECISION = "receiveTask_awaitGreeneryPermitDecision";
    /** The timers after which the permit agent records the decision by hand. */
    public static final String ROAD_PERMIT_DECISION_NOT_RECEIVED = "boundaryEvent_roadPermitDecisionNotReceived";
    public static final String GREENERY_PERMIT_DECISION_NOT_RECEIVED = "boundaryEvent_greeneryPermitDecisionNotReceived";
    /** Where a filing-only procedure (备案) ends its permit sub-process without a decision. */
    public static final String ROAD_PERMIT_FILING_ACCEPTED = "endEvent_roadPermitFilingAccepted";
    public static final String GREENERY_PERMIT_FILING_ACCEPTED = "endEvent_greeneryPermitFilingAccepted";
    public static final String ISSUE_WORK_ORDER = "serviceTask_issueWorkOrder";
    public static final String OPEN_CUSTOMER_ACCOUNT = "serviceTask_openCustomerAccount";
    public static final String END_WATER_CONNECTED = "endEvent_waterConnected";
    public static final String END_APPLICATION_REJECTED = "endEvent_applicationRejected";
    public static final String END_CONNECTION_NOT_FEASIBLE = "endEvent_connectionNotFeasible";
    public static final String END_APPLICATION_WITHDRAWN = "endEvent_applicationWithdrawn";
    /** Where a withdrawal starts: the message boundary event of {@link #CONNECTION} (docs/adr/0031). */
    public static final String WITHDRAWAL = "boundaryEvent_applicationWithdrawn";
    /** Everything from the application to water-on: the scope in which the customer may withdraw. */
    public static final String CONNECTION = "subProcess_connection";
    public static final String WITHDRAW_PERMIT_FILINGS = "serviceTask_withdrawPermitFilings";
    public static final String CANCEL_WORK_ORDER = "serviceTask_cancelWorkOrder";
    /** Where the rectification loop ends when the customer stays dissatisfied. */
    public static final String ESCALATE_UNRESOLVED_COMPLAINT = "serviceTask_escalateUnresolvedComplaint";
    /** Links an accepted application to its pre-engaged project (docs/adr/0010-pre-engagement-link.md). */
    public static final String LINK_PRE_ENGAGEMENT = "serviceTask_linkPreEngagement";
    public static final String PRE_ENGAGEMENT_TAKEN_OVER = "gateway_preEngagementTakenOver";
    public static final String READY_FOR_METER = "gateway_readyForMeter";
    /** Quote and payment (docs/adr/0043): only when the connectionFee decision charges something. */
    public static final String CUSTOMER_PAYS = "gateway_customerPays";
    public static final String DETERMINE_PAYMENT_TIMING = "businessRuleTask_determinePaymentTiming";
    public static final String ISSUE_QUOTE = "serviceTask_issueQuote";
    public static final String SEND_QUOTE = "sendTask_sendQuote";
    public static final String AWAIT_QUOTE_ACCEPTANCE = "receiveTask_awaitQuoteAcceptance";
    public static final String AWAIT_PAYMENT = "receiveTask_awaitPayment";
    public static final String PAYMENT_REMINDER = "boundaryEvent_paymentReminder";
    public static final String REMIND_PAYMENT = "sendTask_remindPayment";
    /** A credit connection (信用报装) waits for the payment after water-on, beside the callback. */
    public static final String AWAIT_CREDIT_PAYMENT = "receiveTask_awaitCreditPayment";
    public static final String CREDIT_PAYMENT_OVERDUE = "boundaryEvent_creditPaymentOverdue";
    public static final String REMIND_CREDIT_PAYMENT = "sendTask_remindCreditPayment";
    /** After water-on the case waits for the supply contract's signature, beside the callback (docs/adr/0046). */
    public static final String CONTRACT_SIGNED = "gateway_contractSigned";
    public static final String AWAIT_CONTRACT_SIGNATURE = "receiveTask_awaitContractSignature";
    public static final String CONTRACT_SIGNING_REMINDER = "boundaryEvent_contractSigningReminder";
    public static final String REMIND_CONTRACT_SIGNING = "sendTask_remindContractSigning";
    public static final String CONTRACT_UNSIGNED = "boundaryEvent_contractUnsigned";
    /** The callback's branch is done (satisfied, three times unreachable, or escalated) and goes to the closing join. */
    public static final String CALLBACK_DONE = "gateway_mergeCaseClosing";

    private Elements() {
    }
  }

  private ObtainingWaterProcess() {
  }
}
