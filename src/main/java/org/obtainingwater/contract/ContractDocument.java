package org.obtainingwater.contract;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.obtainingwater.notification.Masking;

/**
 * The supply contract as a PDF (docs/adr/0040), written with Apache PDFBox in the bundled CJK font
 * (fonts/wqy-microhei.ttc, WenQuanYi Micro Hei, Apache-2.0), of which each document embeds the glyphs it uses:
 * it renders the same on every reader and server, whatever fonts they have. A character the font does not
 * have (a rare character in a name) is written as its code point, 〔U+xxxx〕, rather than dropped or boxed.
 * The signed document is the issued one with a page that records the signature appended.
 */
final class ContractDocument {

  private static final String FONT = "fonts/wqy-microhei.ttc";
  private static final String FONT_NAME = "WenQuanYiMicroHei";
  private static final float MARGIN = 56;
  private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy 年 M 月 d 日");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** What the contract says beyond the case's facts: the usual terms of a supply contract, in short. */
  static final List<String> TERMS = List.of(
      "供水人自通水之日起按国家生活饮用水卫生标准向用水人连续供水；因工程施工、设备检修等确需停水的，应提前通知用水人。",
      "用水人按用水性质对应的水价和计量水表的读数按期缴纳水费；用水性质改变的，应向供水人申请变更。",
      "以水表（含表前阀门）为界：水表及表前管道设施由供水人维护管理，表后管道设施由用水人维护管理。",
      "用水人不得擅自改装、拆除、迁移水表，不得在表前接管用水，不得将自来水转供他人。",
      "本合同经用水人以发送至其登记手机的短信验证码确认，或在营业厅签字后生效；电子文本与纸质文本具有同等效力。",
      "未尽事宜按《城市供水条例》及本地供水用水管理规定执行。");

  private static volatile byte[] fontBytes;

  private ContractDocument() {
  }

  /** The contract as issued, to be signed. */
  static byte[] issued(SupplyContract contract) {
    try (Pdf pdf = new Pdf()) {
      Page page = pdf.page();
      page.centered("供 用 水 合 同", 20);
      page.gap(6);
      page.centered("合同编号：" + contract.contractNumber() + "　　报装申请编号：" + contract.applicationNumber(), 10);
      page.gap(16);
      page.field("供水人", contract.supplier());
      page.field("用水人", contract.holderName());
      page.field("用水地址", contract.siteAddress());
      page.field("用水性质（水价类别）", contract.tariffClass());
      page.field("用水户号", contract.accountNumber());
      page.field("计量水表", "口径 DN" + contract.meterDn() + "，表号 " + contract.meterSerialNumber() + "，初始读数 "
          + contract.initialReading().stripTrailingZeros().toPlainString() + " 立方米");
      page.field("通水日期", DAY.format(contract.waterOnAt()));
      page.gap(12);
      page.text("双方约定如下：", 11);
      for (int i = 0; i < TERMS.size(); i++) {
        page.paragraph((i + 1) + ". " + TERMS.get(i), 11, 18);
      }
      page.gap(20);
      page.text("供水人：" + contract.supplier(), 11);
      page.text("出具日期：" + DAY.format(contract.issuedAt()), 11);
      page.gap(8);
      page.text("用水人签署：请在“我的申请”中查看本合同，并用发送到登记手机的短信验证码确认；也可到营业厅签字。", 11);
      page.footer("本合同由供水服务系统于 " + MINUTE.format(contract.issuedAt()) + " 出具");
      pdf.info("供用水合同 " + contract.contractNumber(), contract.supplier(), contract.issuedAt());
      return pdf.bytes();
    }
  }

  /** The issued document with a page that records the signature appended. */
  static byte[] signed(byte[] issued, String contractNumber, String holderName, ContractSignature signature) {
    try (Pdf pdf = new Pdf(issued)) {
      Page page = pdf.page();
      page.centered("签 署 记 录", 16);
      page.gap(16);
      page.field("合同编号", contractNumber);
      page.field("用水人", holderName);
      page.field("签署方式", signature.method().label());
      page.field("签署时间", MINUTE.format(signature.signedAt()));
      page.field("登记手机", Masking.phone(signature.phone()));
      if (signature.method() == ContractSignature.Method.SMS_CODE) {
        page.field("验证码核验", "发送至登记手机的签署验证码（记录号 " + signature.verificationCodeId() + "）核验通过");
      } else {
        page.field("经办人", signature.counterStaff());
      }
      page.field("签署文本 SHA-256", signature.documentSha256());
      page.gap(12);
      page.paragraph("用水人签署的是前页合同文本（出具时的文件）。该文件的 SHA-256 摘要见上；"
          + "可从“我的申请”取得出具时的文件，用任何 SHA-256 工具核对。", 10, 16);
      page.footer("签署记录由供水服务系统于 " + MINUTE.format(signature.signedAt()) + " 附加");
      pdf.info("供用水合同 " + contractNumber + "（已签署）", null, signature.signedAt());
      return pdf.bytes();
    }
  }

  private static byte[] font() {
    byte[] bytes = fontBytes;
    if (bytes == null) {
      try (InputStream in = ContractDocument.class.getClassLoader().getResourceAsStream(FONT)) {
        if (in == null) {
          throw new IllegalStateException(FONT + " is missing from the application");
        }
        bytes = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      fontBytes = bytes;
    }
    return bytes;
  }

  /** A PDF being written, with the font loaded into it; the collection stays open until the document is saved. */
  private static final class Pdf implements AutoCloseable {

    private final PDDocument document;
    private final TrueTypeCollection fonts;
    private final TrueTypeFont font;
    private final PDType0Font pdfFont;
    private final List<Page> pages = new ArrayList<>();

    Pdf() {
      this(null);
    }

    Pdf(byte[] existing) {
      try {
        this.document = existing == null ? new PDDocument() : Loader.loadPDF(existing);
        this.fonts = new TrueTypeCollection(new ByteArrayInputStream(font()));
        this.font = fonts.getFontByName(FONT_NAME);
        this.pdfFont = PDType0Font.load(document, font, true);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    Page page() {
      PDPage pdPage = new PDPage(PDRectangle.A4);
      document.addPage(pdPage);
      Page page = new Page(this, pdPage);
      pages.add(page);
      return page;
    }

    /** Title, author (kept when null), creator and dates. */
    void info(String title, String author, OffsetDateTime at) {
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle(title);
      if (author != null) {
        info.setAuthor(author);
      }
      info.setCreator("obtaining-water");
      Calendar when = GregorianCalendar.from(at.toZonedDateTime());
      if (info.getCreationDate() == null) {
        info.setCreationDate(when);
      }
      info.setModificationDate(when);
    }

    /** The text with each character the font lacks written as its code point. */
    String printable(String text) {
      StringBuilder out = new StringBuilder();
      text.codePoints().forEach(codePoint -> {
        boolean has;
        try {
          has = codePoint == ' ' || font.getUnicodeCmapLookup().getGlyphId(codePoint) > 0;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        if (has) {
          out.appendCodePoint(codePoint);
        } else {
          out.append(String.format("〔U+%04X〕", codePoint));
        }
      });
      return out.toString();
    }

    float width(String text, float size) {
      try {
        return pdfFont.getStringWidth(text) / 1000 * size;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    byte[] bytes() {
      try {
        for (Page page : pages) {
          page.close();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        document.close();
        fonts.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** One A4 page written top down. */
  private static final class Page {

    private final Pdf pdf;
    private final PDPageContentStream content;
    private float y = PDRectangle.A4.getHeight() - MARGIN;
    private boolean closed;

    Page(Pdf pdf, PDPage page) {
      this.pdf = pdf;
      try {
        this.content = new PDPageContentStream(pdf.document, page);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void gap(float points) {
      y -= points;
    }

    void centered(String text, float size) {
      String shown = pdf.printable(text);
      write(shown, size, MARGIN + (WIDTH - pdf.width(shown, size)) / 2);
      y -= size * 1.6f;
    }

    void text(String text, float size) {
      paragraph(text, size, 0);
    }

    void field(String label, String value) {
      paragraph(label + "：" + value, 12, 0);
    }

    /** The text wrapped to the page's width; lines after the first are indented by {@code indent}. */
    void paragraph(String text, float size, float indent) {
      String rest = pdf.printable(text);
      float left = MARGIN;
      while (!rest.isEmpty()) {
        int fit = rest.length();
        while (fit > 1 && pdf.width(rest.substring(0, fit), size) > WIDTH - (left - MARGIN)) {
          fit--;
        }
        if (Character.isHighSurrogate(rest.charAt(fit - 1)) && fit < rest.length()) {
          fit--;
        }
        write(rest.substring(0, fit), size, left);
        y -= size * 1.7f;
        rest = rest.substring(fit);
        left = MARGIN + indent;
      }
    }

    void footer(String text) {
      String shown = pdf.printable(text);
      float saved = y;
      y = MARGIN - 20;
      write(shown, 9, MARGIN);
      y = saved;
    }

    private void write(String text, float size, float x) {
      try {
        content.beginText();
        content.setFont(pdf.pdfFont, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void close() throws IOException {
      if (!closed) {
        content.close();
        closed = true;
      }
    }
  }
}
