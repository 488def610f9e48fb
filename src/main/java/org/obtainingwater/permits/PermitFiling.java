package org.obtainingwater.permits;

/**
 * One application to the city's permit platform, filed by the utility for the customer.
 *
 * @param applicationNumber the case
 * @param kind which permit
 * @param procedure {@code permit} or {@code filing} (备案, for short works), from the requiredPermits table
 * @param siteAddress where the works are
 * @param externalPipeLength metres of pipe outside the red line
 * @param revisionNote what changed since the last rejection; null on the first filing
 */
public record PermitFiling(String applicationNumber, PermitKind kind, String procedure, String siteAddress,
    double externalPipeLength, String revisionNote) {
}
