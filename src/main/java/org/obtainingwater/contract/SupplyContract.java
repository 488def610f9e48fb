package org.obtainingwater.contract;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * What the supply contract says, as issued at water-on (供水合同签署后置化): the parties, the site, the tariff
 * class, the meter and the account billing opened.
 *
 * @param contractNumber GS-…, derived from the application number
 * @param applicationNumber the case
 * @param supplier the utility, as configured ({@code obtaining-water.supply-contract.supplier})
 * @param holderName the customer (the applicant)
 * @param siteAddress where water is supplied
 * @param tariffClass the use type's name (工业用水, …), which sets the tariff
 * @param accountNumber 用水户号 from billing
 * @param meterDn the meter's size
 * @param meterSerialNumber the meter fitted
 * @param initialReading the first reading, in cubic metres
 * @param waterOnAt when water came on, in the utility's zone
 * @param issuedAt when the contract was issued, in the utility's zone
 */
public record SupplyContract(String contractNumber, String applicationNumber, String supplier, String holderName,
    String siteAddress, String tariffClass, String accountNumber, int meterDn, String meterSerialNumber,
    BigDecimal initialReading, OffsetDateTime waterOnAt, OffsetDateTime issuedAt) {
}
