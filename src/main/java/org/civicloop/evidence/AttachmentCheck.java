package org.civicloop.evidence;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.civicloop.kernel.Result;

/**
 * Decides whether an uploaded file may become an evidence attachment. The type is sniffed from the bytes (PDF, PNG
 * or JPEG only), the name and declared type must agree with what the bytes are, the size is capped, markup is
 * refused wherever it could be mistaken for a page, and PDFs carrying active content (scripts, launch actions,
 * embedded files, forms that submit, rich media) are refused, including when that content hides behind escaped
 * names or inside compressed streams. Encrypted PDFs are refused because their content cannot be inspected.
 * Plain Java, no Jakarta.
 */
public final class AttachmentCheck {

    /** The kinds of file accepted; the media type served is always this one, never what the uploader said. */
    public enum MediaKind {
        PDF("application/pdf", List.of("pdf")),
        PNG("image/png", List.of("png")),
        JPEG("image/jpeg", List.of("jpg", "jpeg"));

        private final String mediaType;
        private final List<String> extensions;

        MediaKind(String mediaType, List<String> extensions) {
            this.mediaType = mediaType;
            this.extensions = extensions;
        }

        public String mediaType() {
            return mediaType;
        }

        public List<String> extensions() {
            return extensions;
        }

        public static MediaKind ofMediaType(String type) {
            for (MediaKind k : values()) {
                if (k.mediaType.equals(type)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("Not an accepted media type: " + type);
        }
    }

    /** PDF names that start actions or carry executable or embedded content. */
    static final List<String> ACTIVE_PDF_NAMES = List.of("/JavaScript", "/JS", "/Launch", "/EmbeddedFile",
            "/EmbeddedFiles", "/RichMedia", "/XFA", "/SubmitForm", "/ImportData", "/AA", "/GoToE", "/Sound",
            "/Movie");
    private static final List<String> MARKUP = List.of("<html", "<script", "<!doctype", "<body", "<iframe",
            "<svg", "<object", "<embed", "<meta");
    private static final Pattern NAME_ESCAPE = Pattern.compile("#([0-9A-Fa-f]{2})");
    private static final Pattern STREAM = Pattern.compile("stream\r?\n");
    private static final long MAX_INFLATED = 64L * 1024 * 1024;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private AttachmentCheck() {
    }

    /**
     * The kind of file these bytes are, or the refusal: {@code fileName} and {@code declaredType} are what the
     * uploader claims (the type may be null or application/octet-stream when unknown).
     */
    public static Result<MediaKind> check(byte[] bytes, String fileName, String declaredType, long maxBytes) {
        if (bytes == null || bytes.length == 0) {
            return Result.refused("refused.attachment.empty");
        }
        if (bytes.length > maxBytes) {
            return Result.refused("refused.attachment.tooLarge", maxBytes / (1024 * 1024));
        }
        MediaKind kind = sniff(bytes);
        if (kind == null) {
            return Result.refused("refused.attachment.type");
        }
        if (looksLikeMarkup(bytes)) {
            return Result.refused("refused.attachment.markup");
        }
        String extension = extension(fileName);
        if (extension == null || !kind.extensions().contains(extension)) {
            return Result.refused("refused.attachment.mismatch", kind.extensions().get(0).toUpperCase(Locale.ROOT));
        }
        if (declaredType != null && !declaredType.isBlank()) {
            String declared = declaredType.split(";")[0].strip().toLowerCase(Locale.ROOT);
            boolean unknown = declared.equals("application/octet-stream")
                    || declared.equals("binary/octet-stream");
            boolean jpegAlias = kind == MediaKind.JPEG && declared.equals("image/jpg");
            if (!unknown && !jpegAlias && !declared.equals(kind.mediaType())) {
                return Result.refused("refused.attachment.mismatch",
                        kind.extensions().get(0).toUpperCase(Locale.ROOT));
            }
        }
        String damaged = switch (kind) {
            case PDF -> pdfProblem(bytes);
            case PNG -> contains(bytes, "IEND", Math.max(0, bytes.length - 64)) ? null : "refused.attachment.damaged";
            case JPEG -> endsWithJpegEnd(bytes) ? null : "refused.attachment.damaged";
        };
        return damaged == null ? Result.done(kind) : Result.refused(damaged);
    }

    /** What the bytes are (by their signatures), or null when none of the accepted kinds. */
    public static MediaKind sniff(byte[] b) {
        if (startsWith(b, "%PDF-".getBytes(StandardCharsets.US_ASCII)) && b.length > 8
                && (b[5] == '1' || b[5] == '2') && b[6] == '.') {
            return MediaKind.PDF;
        }
        if (startsWith(b, PNG_SIGNATURE) && b.length > 16 && b[12] == 'I' && b[13] == 'H' && b[14] == 'D'
                && b[15] == 'R') {
            return MediaKind.PNG;
        }
        if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return MediaKind.JPEG;
        }
        return null;
    }

    /** A file name reduced to safe characters (letters, digits, dot, dash, underscore, space), at most 120. */
    public static String safeFileName(String fileName, MediaKind kind) {
        String base = fileName == null ? "" : fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = base.replaceAll("[^A-Za-z0-9._ -]", "_").replaceAll("^[.\\s]+", "").strip();
        if (base.isEmpty()) {
            base = "attachment." + kind.extensions().get(0);
        }
        if (base.length() > 120) {
            String ext = "." + kind.extensions().get(0);
            base = base.substring(0, 120 - ext.length()) + ext;
        }
        return base;
    }

    private static String pdfProblem(byte[] bytes) {
        if (!contains(bytes, "%%EOF", Math.max(0, bytes.length - 2048))) {
            return "refused.attachment.damaged";
        }
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        String names = decodeNames(raw);
        if (hasName(names, "/Encrypt")) {
            return "refused.attachment.encrypted";
        }
        if (hasActiveContent(names)) {
            return "refused.attachment.active";
        }
        // Object streams and content streams are usually compressed: look inside them too.
        long inflatedTotal = 0;
        Matcher m = STREAM.matcher(raw);
        int from = 0;
        while (m.find(from)) {
            int start = m.end();
            int end = raw.indexOf("endstream", start);
            if (end < 0) {
                break;
            }
            byte[] inflated = inflate(bytes, start, end - start, MAX_INFLATED - inflatedTotal);
            if (inflated == null && inflatedTotal >= MAX_INFLATED) {
                return "refused.attachment.damaged";
            }
            if (inflated != null) {
                inflatedTotal += inflated.length;
                String inner = decodeNames(new String(inflated, StandardCharsets.ISO_8859_1));
                if (hasActiveContent(inner)) {
                    return "refused.attachment.active";
                }
            }
            from = end + "endstream".length();
        }
        return null;
    }

    static boolean hasActiveContent(String text) {
        for (String name : ACTIVE_PDF_NAMES) {
            if (hasName(text, name)) {
                return true;
            }
        }
        return false;
    }

    /** The PDF name appears as a whole name (not the start of a longer one). */
    private static boolean hasName(String text, String name) {
        int i = text.indexOf(name);
        while (i >= 0) {
            int after = i + name.length();
            if (after >= text.length() || !isRegularNameChar(text.charAt(after))) {
                return true;
            }
            i = text.indexOf(name, after);
        }
        return false;
    }

    private static boolean isRegularNameChar(char c) {
        return c > 32 && c < 127 && "()<>[]{}/%".indexOf(c) < 0;
    }

    /** PDF names may spell letters as #xx ("/J#61vaScript"); undo that before looking for names. */
    static String decodeNames(String text) {
        if (text.indexOf('#') < 0) {
            return text;
        }
        Matcher m = NAME_ESCAPE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(
                    String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The inflated stream, or null when it is not a zlib stream (images, other filters) or too large. */
    private static byte[] inflate(byte[] bytes, int offset, int length, long budget) {
        if (length < 2 || budget <= 0) {
            return null;
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(bytes, offset, length);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0) {
                    if (inflater.needsInput() || inflater.needsDictionary()) {
                        break;
                    }
                }
                out.write(buffer, 0, n);
                if (out.size() > budget) {
                    return null;
                }
            }
            return out.size() == 0 ? null : out.toByteArray();
        } catch (DataFormatException e) {
            return null;
        } finally {
            inflater.end();
        }
    }

    private static boolean looksLikeMarkup(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        for (String tag : MARKUP) {
            if (head.contains(tag)) {
                return true;
            }
        }
        return false;
    }

    private static String extension(String fileName) {
        if (fileName == null) {
            return null;
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 || dot == fileName.length() - 1 ? null : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] b, String ascii, int from) {
        return new String(b, from, b.length - from, StandardCharsets.ISO_8859_1).contains(ascii);
    }

    private static boolean endsWithJpegEnd(byte[] b) {
        int end = b.length;
        while (end > 2 && b[end - 1] == 0) {
            end--;
        }
        return end >= 2 && (b[end - 2] & 0xFF) == 0xFF && (b[end - 1] & 0xFF) == 0xD9;
    }
}
