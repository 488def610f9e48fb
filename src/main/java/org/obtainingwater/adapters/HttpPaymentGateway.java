package org.obtainingwater.adapters;

import java.util.LinkedHashMap;
import java.util.Map;

import org.obtainingwater.payment.PaymentGateway;
import org.obtainingwater.payment.PaymentRequest;
import org.obtainingwater.process.OutsideSystemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The payment gateway over HTTP/JSON ({@code obtaining-water.adapters.payment-gateway: http}), as
 * {@code docs/contracts/payment-gateway.yaml} describes it: {@code POST /orders} keyed by our payment reference,
 * answered with where the customer pays (201, or 200 with the order already created for that reference). It is
 * called while the customer waits on the page, so a failure is answered to the customer (503, try again), never
 * retried behind their back.
 */
@Component
@ConditionalOnProperty(name = "obtaining-water.adapters.payment-gateway", havingValue = "http")
public class HttpPaymentGateway implements PaymentGateway {

  static final String SYSTEM = "payment-gateway";
  private static final Logger LOG = LoggerFactory.getLogger(HttpPaymentGateway.class);

  private final HttpJsonSystem gateway;

  @Autowired
  HttpPaymentGateway(Environment configuration) {
    this(HttpJsonSystem.Settings.of(configuration, SYSTEM));
  }

  HttpPaymentGateway(HttpJsonSystem.Settings settings) {
    this.gateway = new HttpJsonSystem(SYSTEM, "支付平台 (payment gateway)", settings);
  }

  @Override
  public String createOrder(PaymentRequest request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("paymentReference", request.reference());
    body.put("applicationNumber", request.applicationNumber());
    body.put("amount", request.amount());
    body.put("description", request.description());
    JsonNode answer = gateway.post("/orders", request.reference(), body);
    String payUrl = answer.path("payUrl").asText("");
    if (payUrl.isBlank()) {
      throw OutsideSystemException.unavailable(SYSTEM, "支付平台的应答缺少付款地址（payUrl），请稍后再试。/ "
          + "The gateway's answer has no payUrl.", null);
    }
    LOG.info("Payment order {} for {} created at the gateway", request.reference(), request.applicationNumber());
    return payUrl;
  }
}
