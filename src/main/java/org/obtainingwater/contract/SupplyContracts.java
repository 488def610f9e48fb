package org.obtainingwater.contract;

import static org.obtainingwater.cases.RequestRefusedException.Reason.CONFLICT;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.obtainingwater.cases.RequestRefusedException;
import org.obtainingwater.contract.ContractSignature.Method;
import org.obtainingwater.identity.VerificationCodes;
import org.obtainingwater.notification.Masking;
import org.obtainingwater.process.InvalidInputException;
import org.obtainingwater.process.RecordedTime;
import org.obtainingwater.process.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supply contracts (合同后置, docs/adr/0040): issued once per case at water-on, kept in
 * {@code supply_contract} with the SHA-256 of the document, and signed once, by the customer with a fresh SMS
 * code sent to the case's phone for that contract, or at the counter by staff. The signature names the
 * document it signs by its SHA-256, so a customer signs exactly what they were shown.
 */
@Service
public class SupplyContracts {

  private static final Logger LOG = LoggerFactory.getLogger(SupplyContracts.class);
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** A case's contract as recorded, without the document itself. */
  public record ContractRecord(String applicationNumber, String contractNumber, OffsetDateTime issuedAt,
      String documentSha256, Optional<ContractSignature> signature) {
  }

  private final JdbcTemplate jdbc;
  private final VerificationCodes codes;
  private final ZoneId zone;
  private final ContractSigningWait wait;

  SupplyContracts(JdbcTemplate jdbc, VerificationCodes codes, ZoneId serviceZone, ContractSigningWait wait) {
    this.jdbc = jdbc;
    this.codes = codes;
    this.zone = serviceZone;
    this.wait = wait;
  }

  /**
   * Issues the case's contract unless it already has one: the step that calls this runs again after a
   * failure, and the customer must be asked to sign one document, not a new one each time.
   */
  @Transactional
  public ContractRecord issue(SupplyContract contract) {
    Optional<ContractRecord> existing = find(contract.applicationNumber());
    if (existing.isPresent()) {
      return existing.get();
    }
    byte[] document = ContractDocument.issued(contract);
    jdbc.update("INSERT INTO supply_contract (application_number, contract_number, document, document_sha256, issued_at) "
        + "VALUES (?, ?, ?, ?, ?)", contract.applicationNumber(), contract.contractNumber(), document,
        Sha256.of(document), contract.issuedAt());
    LOG.info("Supply contract {} issued for {}", contract.contractNumber(), contract.applicationNumber());
    return find(contract.applicationNumber()).orElseThrow();
  }

  @Transactional(readOnly = true)
  public Optional<ContractRecord> find(String applicationNumber) {
    return jdbc.query("SELECT application_number, contract_number, issued_at, document_sha256, signed_by, signed_at, "
        + "signer_phone, verification_code_id, counter_staff FROM supply_contract WHERE application_number = ?",
        (row, i) -> {
          String method = row.getString("signed_by");
          Long codeId = row.getObject("verification_code_id") == null ? null : row.getLong("verification_code_id");
          Optional<ContractSignature> signature = method == null ? Optional.empty()
              : Optional.of(new ContractSignature(Method.valueOf(method), at(row.getObject("signed_at", OffsetDateTime.class)),
                  row.getString("document_sha256"), row.getString("signer_phone"), codeId, row.getString("counter_staff")));
          return new ContractRecord(row.getString("application_number"), row.getString("contract_number"),
              at(row.getObject("issued_at", OffsetDateTime.class)), row.getString("document_sha256"), signature);
        }, applicationNumber).stream().findFirst();
  }

  /** The case's contract; 409 with a reason while it has none yet (it is issued at water-on). */
  @Transactional(readOnly = true)
  public ContractRecord get(String applicationNumber) {
    return find(applicationNumber).orElseThrow(() -> notIssued(applicationNumber));
  }

  /** The document to show: the signed one (with its signature page) once signed, else the issued one. */
  @Transactional(readOnly = true)
  public byte[] document(String applicationNumber) {
    return stored("COALESCE(signed_document, document)", applicationNumber);
  }

  /** The document as issued, the one a signature's SHA-256 refers to. */
  @Transactional(readOnly = true)
  public byte[] issuedDocument(String applicationNumber) {
    return stored("document", applicationNumber);
  }

  private byte[] stored(String column, String applicationNumber) {
    List<byte[]> documents = jdbc.query("SELECT " + column + " FROM supply_contract WHERE application_number = ?",
        (row, i) -> row.getBytes(1), applicationNumber);
    return documents.stream().findFirst().orElseThrow(() -> notIssued(applicationNumber));
  }

  /** The case's contract while it waits for a signature; 409 with the reason when it has none or is signed. */
  @Transactional(readOnly = true)
  public ContractRecord unsigned(String applicationNumber) {
    return unsigned(applicationNumber, false);
  }

  /** Sends the case's phone a code that signs this contract and nothing else. */
  @Transactional
  public void sendSigningCode(String applicationNumber, String phone) {
    ContractRecord contract = unsigned(applicationNumber, false);
    codes.sendForSigning(phone, contract.contractNumber());
  }

  /**
   * Signs with the code sent for this contract to the case's phone: {@code documentSha256} must be the issued
   * document's (the one the customer was shown). A wrong code counts as a try and answers which field is wrong.
   */
  @Transactional(noRollbackFor = InvalidInputException.class)
  public ContractRecord signWithCode(String applicationNumber, String phone, String code, String documentSha256) {
    ContractRecord contract = unsigned(applicationNumber, true);
    sameDocument(contract, documentSha256);
    long codeId = codes.useForSigning(phone, contract.contractNumber(), code);
    ContractRecord signed = sign(contract, new ContractSignature(Method.SMS_CODE, now(), contract.documentSha256(), phone,
        codeId, null));
    wait.signed(applicationNumber);
    return signed;
  }

  /** Records that the customer signed the paper contract at the counter, by the staff login that saw it. */
  @Transactional
  public ContractRecord signAtCounter(String applicationNumber, String phone, String staff, String documentSha256) {
    ContractRecord contract = unsigned(applicationNumber, true);
    sameDocument(contract, documentSha256);
    ContractRecord signed = signedAtCounter(contract, phone, staff);
    wait.signed(applicationNumber);
    return signed;
  }

  /**
   * The counter signature recorded by submitting the follow-up task (跟进合同签署): the document as issued is the one
   * the agent printed from the task, and the case moves on by the task's own completion.
   */
  @Transactional
  ContractRecord recordCounterSignature(String applicationNumber, String phone, String staff) {
    return signedAtCounter(unsigned(applicationNumber, true), phone, staff);
  }

  private ContractRecord signedAtCounter(ContractRecord contract, String phone, String staff) {
    return sign(contract, new ContractSignature(Method.COUNTER, now(), contract.documentSha256(), phone, null, staff));
  }

  private ContractRecord sign(ContractRecord contract, ContractSignature signature) {
    String holder = jdbc.queryForObject("SELECT applicant_name FROM application WHERE application_number = ?",
        String.class, contract.applicationNumber());
    byte[] signed = ContractDocument.signed(issuedDocument(contract.applicationNumber()), contract.contractNumber(),
        holder, signature);
    jdbc.update("UPDATE supply_contract SET signed_by = ?, signed_at = ?, signer_phone = ?, verification_code_id = ?, "
        + "counter_staff = ?, signed_document = ? WHERE application_number = ?", signature.method().name(),
        signature.signedAt(), signature.phone(), signature.verificationCodeId(), signature.counterStaff(), signed,
        contract.applicationNumber());
    LOG.info("Supply contract {} signed ({}) for {}", contract.contractNumber(), signature.method(),
        Masking.phone(signature.phone()));
    return find(contract.applicationNumber()).orElseThrow();
  }

  /** The contract, not yet signed; locked for the signature when {@code lock}. */
  private ContractRecord unsigned(String applicationNumber, boolean lock) {
    if (lock) {
      jdbc.query("SELECT application_number FROM supply_contract WHERE application_number = ? FOR UPDATE",
          (row, i) -> row.getString(1), applicationNumber);
    }
    ContractRecord contract = find(applicationNumber).orElseThrow(() -> notIssued(applicationNumber));
    contract.signature().ifPresent(signature -> {
      throw new RequestRefusedException(CONFLICT, "供水合同 " + contract.contractNumber() + " 已于 "
          + MINUTE.format(signature.signedAt()) + " 签署（" + signature.method().label() + "），无需再签");
    });
    return contract;
  }

  private static void sameDocument(ContractRecord contract, String documentSha256) {
    if (documentSha256 == null || !contract.documentSha256().equalsIgnoreCase(documentSha256.strip())) {
      throw new InvalidInputException("documentSha256", "签署的合同文本与出具的不一致：请重新打开合同，确认内容后再签署"
          + "（documentSha256 应为合同文件的 SHA-256：" + contract.documentSha256() + "）");
    }
  }

  private static RequestRefusedException notIssued(String applicationNumber) {
    return new RequestRefusedException(CONFLICT, "申请 " + applicationNumber + " 还没有供水合同：合同在装表通水时出具");
  }

  private OffsetDateTime now() {
    return RecordedTime.now().atZoneSameInstant(zone).toOffsetDateTime();
  }

  private OffsetDateTime at(OffsetDateTime stored) {
    return stored == null ? null : stored.atZoneSameInstant(zone).toOffsetDateTime();
  }

}
