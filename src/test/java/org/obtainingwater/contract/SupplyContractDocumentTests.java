package org.obtainingwater.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.obtainingwater.contract.ContractSignature.Method;
import org.obtainingwater.process.Sha256;

/**
 * The supply contract PDF (docs/adr/0040): it opens, says what the contract is about as text a machine can
 * extract (so also a screen reader and a search), and every character is drawn with a real glyph of the
 * embedded CJK font, none with the empty "missing glyph".
 */
class SupplyContractDocumentTests {

  static final SupplyContract CONTRACT = new SupplyContract("GS-2026-000123", "GW-2026-000123", "示范城市供水有限公司",
      "株洲市荷塘区鑫源食品有限公司", "株洲市荷塘区新华东路 1288 号鑫源食品产业园 3 号厂房（东门）", "工业用水", "ZS20260000123",
      50, "ZZ2026-050-0001", new BigDecimal("0.00"), OffsetDateTime.parse("2026-11-26T16:00+08:00"),
      OffsetDateTime.parse("2026-11-26T16:05+08:00"));

  @Test
  void theIssuedContract_opens_andNamesTheParties_theSite_theMeter_andTheAccount_asText() throws IOException {
    byte[] issued = ContractDocument.issued(CONTRACT);

    try (PDDocument pdf = Loader.loadPDF(issued)) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(1);
      assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("供用水合同 GS-2026-000123");
      String text = oneLine(new PDFTextStripper().getText(pdf));
      assertThat(text).contains("供 用 水 合 同", "GS-2026-000123", "GW-2026-000123", "示范城市供水有限公司",
          "株洲市荷塘区鑫源食品有限公司", "ZS20260000123", "工业用水", "DN50", "ZZ2026-050-0001", "2026 年 11 月 26 日",
          "《城市供水条例》");
      assertThat(text).as("the long address wraps, and every character of it stays")
          .contains("株洲市荷塘区新华东路 1288 号鑫源食品产业园 3 号厂房（东门）");
      for (String term : ContractDocument.TERMS) {
        assertThat(text).contains(term);
      }
    }
  }

  @Test
  void everyCharacterIsDrawnWithARealGlyphOfTheEmbeddedFont_andThePageIsPictured() throws IOException {
    byte[] issued = ContractDocument.issued(CONTRACT);

    try (PDDocument pdf = Loader.loadPDF(issued)) {
      List<String> missing = new ArrayList<>();
      List<String> fonts = new ArrayList<>();
      PDFTextStripper glyphs = new PDFTextStripper() {
        @Override
        protected void processTextPosition(TextPosition text) {
          PDType0Font font = (PDType0Font) text.getFont();
          fonts.add(font.getName() + (font.isEmbedded() ? " embedded" : " not embedded"));
          for (int code : text.getCharacterCodes()) {
            try {
              if (((PDCIDFontType2) font.getDescendantFont()).codeToGID(code) == 0) {
                missing.add(text.getUnicode());
              }
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          }
          super.processTextPosition(text);
        }
      };
      glyphs.getText(pdf);

      assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font).contains("WenQuanYiMicroHei").endsWith(" embedded"));
      assertThat(missing).as("characters drawn as the missing glyph").isEmpty();

      BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 110);
      Path picture = Path.of("target/screenshots/supply-contract.png");
      Files.createDirectories(picture.getParent());
      ImageIO.write(page, "png", picture.toFile());
      assertThat(inkShare(page)).as("share of the page that is printed on").isBetween(0.01, 0.5);
    }
  }

  @Test
  void aCharacterTheFontLacks_isWrittenAsItsCodePoint_notDroppedOrBoxed() throws IOException {
    SupplyContract rare = new SupplyContract("GS-2026-000124", "GW-2026-000124", "示范城市供水有限公司", "\uD840\uDC00记商行",
        "株洲市芦淞区", "商业用水", "ZS20260000124", 20, "ZZ2026-020-0001", BigDecimal.ONE,
        OffsetDateTime.parse("2026-11-26T16:00+08:00"), OffsetDateTime.parse("2026-11-26T16:05+08:00"));

    try (PDDocument pdf = Loader.loadPDF(ContractDocument.issued(rare))) {
      assertThat(oneLine(new PDFTextStripper().getText(pdf))).contains("〔U+20000〕记商行");
    }
  }

  @Test
  void theSignedContract_isTheIssuedOneWithASignaturePage() throws IOException {
    byte[] issued = ContractDocument.issued(CONTRACT);
    String sha = Sha256.of(issued);
    ContractSignature signature = new ContractSignature(Method.SMS_CODE, OffsetDateTime.parse("2026-11-27T09:12+08:00"),
        sha, "13812345678", 42L, null);

    byte[] signed = ContractDocument.signed(issued, CONTRACT.contractNumber(), CONTRACT.holderName(), signature);

    try (PDDocument pdf = Loader.loadPDF(signed); PDDocument original = Loader.loadPDF(issued)) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(2);
      PDFTextStripper firstPage = new PDFTextStripper();
      firstPage.setEndPage(1);
      assertThat(firstPage.getText(pdf)).isEqualTo(new PDFTextStripper().getText(original));
      PDFTextStripper lastPage = new PDFTextStripper();
      lastPage.setStartPage(2);
      String record = oneLine(lastPage.getText(pdf));
      assertThat(record).contains("签 署 记 录", "GS-2026-000123", "株洲市荷塘区鑫源食品有限公司", "短信验证码确认",
          "2026-11-27 09:12", "138****5678", "记录号 42", sha).doesNotContain("13812345678");
    }
  }

  /** The text with the page's line breaks taken out, so a wrapped paragraph reads as one. */
  private static String oneLine(String text) {
    return text.replaceAll("\\R\\s*", "");
  }

  private static double inkShare(BufferedImage page) {
    long ink = 0;
    for (int y = 0; y < page.getHeight(); y++) {
      for (int x = 0; x < page.getWidth(); x++) {
        if ((page.getRGB(x, y) & 0xFF) < 128) {
          ink++;
        }
      }
    }
    return (double) ink / ((long) page.getWidth() * page.getHeight());
  }
}
