package org.civicloop.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.civicloop.evidence.AttachmentCheck.MediaKind;
import org.civicloop.kernel.Result;
import org.junit.jupiter.api.Test;

class AttachmentCheckTest {

    private static final long MAX = 5L * 1024 * 1024;

    private static String refusal(Result<MediaKind> r) {
        assertTrue(r instanceof Result.Refused, "refused: " + r);
        return ((Result.Refused<MediaKind>) r).key();
    }

    @Test
    void acceptsRealPdfPngAndJpegWithMatchingNames() {
        assertEquals(MediaKind.PDF, AttachmentCheck.check(Samples.pdf(), "report.pdf", "application/pdf", MAX).value());
        assertEquals(MediaKind.PNG, AttachmentCheck.check(Samples.png(), "chart.PNG", null, MAX).value());
        assertEquals(MediaKind.JPEG, AttachmentCheck.check(Samples.jpeg(), "photo.jpeg", "image/jpeg", MAX).value());
        assertEquals(MediaKind.JPEG, AttachmentCheck.check(Samples.jpeg(), "photo.jpg", "application/octet-stream",
                MAX).value());
    }

    @Test
    void refusesAFileLyingAboutItsType() {
        assertEquals("refused.attachment.mismatch",
                refusal(AttachmentCheck.check(Samples.png(), "minutes.pdf", "application/pdf", MAX)));
        assertEquals("refused.attachment.mismatch",
                refusal(AttachmentCheck.check(Samples.pdf(), "minutes.pdf", "image/png", MAX)));
        assertEquals("refused.attachment.mismatch",
                refusal(AttachmentCheck.check(Samples.pdf(), "minutes", null, MAX)));
    }

    @Test
    void refusesHtmlPosingAsPdfAndMarkupInsideAPdf() {
        assertEquals("refused.attachment.type",
                refusal(AttachmentCheck.check(Samples.html(), "report.pdf", "application/pdf", MAX)));
        byte[] polyglot = ("%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("refused.attachment.markup",
                refusal(AttachmentCheck.check(polyglot, "report.pdf", "application/pdf", MAX)));
    }

    @Test
    void refusesOversizedAndEmptyFiles() {
        assertEquals("refused.attachment.tooLarge",
                refusal(AttachmentCheck.check(Samples.pdfOfSize(2048), "big.pdf", null, 1024)));
        assertEquals(MediaKind.PDF, AttachmentCheck.check(Samples.pdfOfSize(1024), "ok.pdf", null, 1024).value());
        assertEquals("refused.attachment.empty", refusal(AttachmentCheck.check(new byte[0], "a.pdf", null, MAX)));
    }

    @Test
    void refusesPdfsWithActiveContentEvenWhenHidden() {
        assertEquals("refused.attachment.active", refusal(AttachmentCheck.check(
                Samples.pdf("/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"), "a.pdf", null, MAX)));
        assertEquals("refused.attachment.active", refusal(AttachmentCheck.check(
                Samples.pdf("/OpenAction << /S /J#61vaScript /J#53 (x) >>"), "a.pdf", null, MAX)));
        assertEquals("refused.attachment.active", refusal(AttachmentCheck.check(
                Samples.pdf("/OpenAction << /S /Launch /F (cmd.exe) >>"), "a.pdf", null, MAX)));
        assertEquals("refused.attachment.active", refusal(AttachmentCheck.check(
                Samples.pdf("/Names << /EmbeddedFiles 9 0 R >>"), "a.pdf", null, MAX)));
        assertEquals("refused.attachment.active", refusal(AttachmentCheck.check(
                Samples.pdfWithCompressedScript(), "a.pdf", null, MAX)));
        assertEquals("refused.attachment.encrypted", refusal(AttachmentCheck.check(
                Samples.pdf("/Encrypt 7 0 R"), "a.pdf", null, MAX)));
    }

    @Test
    void aLongerNameIsNotMistakenForAnActiveOne() {
        // "/JSON" is not "/JS"; "/AAPL" is not "/AA".
        assertEquals(MediaKind.PDF, AttachmentCheck.check(Samples.pdf("/Custom /JSON /Tag /AAPL"), "a.pdf", null,
                MAX).value());
    }

    @Test
    void refusesTruncatedFiles() {
        byte[] pdf = Samples.pdf();
        byte[] cut = java.util.Arrays.copyOf(pdf, pdf.length - 10);
        assertEquals("refused.attachment.damaged", refusal(AttachmentCheck.check(cut, "a.pdf", null, MAX)));
        byte[] jpeg = Samples.jpeg();
        assertEquals("refused.attachment.damaged", refusal(AttachmentCheck.check(
                java.util.Arrays.copyOf(jpeg, jpeg.length - 2), "a.jpg", null, MAX)));
    }

    @Test
    void safeFileNamesKeepOnlyHarmlessCharacters() {
        assertEquals("evil_.pdf", AttachmentCheck.safeFileName("../../etc/evil\".pdf", MediaKind.PDF));
        assertEquals("attachment.png", AttachmentCheck.safeFileName("...", MediaKind.PNG));
        assertEquals("r_sum_.pdf", AttachmentCheck.safeFileName("C:\\Users\\x\\résumé.pdf", MediaKind.PDF));
        assertTrue(AttachmentCheck.safeFileName("a".repeat(300) + ".pdf", MediaKind.PDF).length() <= 120);
    }
}
