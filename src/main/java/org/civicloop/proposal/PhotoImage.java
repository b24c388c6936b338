package org.civicloop.proposal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.civicloop.kernel.Result;

/**
 * A resident's photo made safe to publish (plain Java, {@code javax.imageio} only). The kind is judged by the bytes,
 * never by a file name or a declared type: JPEG or PNG. WebP is refused with its own message, because the JDK cannot
 * decode it (so it could not be re-encoded). The file is capped at {@link #MAX_BYTES} and its pixels at
 * {@link #MAX_SIDE} a side and {@link #MAX_PIXELS} in all, read from the header before anything is decoded. The image
 * is then decoded, turned upright as the camera's EXIF orientation says, scaled to at most {@link #LARGE} pixels a
 * side (a thumbnail to {@link #THUMB}) and written again in its own format with no metadata at all: what a phone puts
 * in a photo (GPS position, camera, time, comments) is not in the stored bytes.
 */
public final class PhotoImage {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_SIDE = 8000;
    public static final long MAX_PIXELS = 40_000_000L;
    public static final int MIN_SIDE = 16;
    public static final int LARGE = 1600;
    public static final int THUMB = 480;
    public static final int ALT_MAX = 250;

    /** The kinds accepted, with the type they are served as. */
    public enum Kind {
        JPEG("image/jpeg", "jpeg"), PNG("image/png", "png");

        private final String mediaType;
        private final String format;

        Kind(String mediaType, String format) {
            this.mediaType = mediaType;
            this.format = format;
        }

        public String mediaType() {
            return mediaType;
        }

        public static Kind ofMediaType(String type) {
            return type.equals(PNG.mediaType) ? PNG : JPEG;
        }
    }

    /** The re-encoded photo and thumbnail, with their sizes and the photo's SHA-256. */
    public record Encoded(Kind kind, byte[] image, int width, int height, byte[] thumbnail, int thumbWidth,
                          int thumbHeight, String sha256) {
    }

    private PhotoImage() {
    }

    /** The kind these bytes are (by their signature), or null for anything else. */
    static Kind sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Kind.JPEG;
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        if (b.length >= png.length && java.util.Arrays.equals(b, 0, png.length, png, 0, png.length)) {
            return Kind.PNG;
        }
        return null;
    }

    static boolean isWebp(byte[] b) {
        return b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W'
                && b[9] == 'E' && b[10] == 'B' && b[11] == 'P';
    }

    /** The text a photo is described by, stripped, or the refusal: required, at most {@link #ALT_MAX} characters. */
    public static Result<String> alt(String text) {
        String t = text == null ? null : text.strip();
        if (t == null || t.isEmpty() || t.length() > ALT_MAX) {
            return Result.refused("refused.photo.alt", String.valueOf(ALT_MAX));
        }
        return Result.done(t);
    }

    /** The photo re-encoded without metadata, or the refusal (nothing is kept of a refused file). */
    public static Result<Encoded> encode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return Result.refused("refused.photo.empty");
        }
        if (bytes.length > MAX_BYTES) {
            return Result.refused("refused.photo.tooLarge", String.valueOf(MAX_BYTES / (1024 * 1024)));
        }
        if (isWebp(bytes)) {
            return Result.refused("refused.photo.webp");
        }
        Kind kind = sniff(bytes);
        if (kind == null) {
            return Result.refused("refused.photo.type");
        }
        BufferedImage decoded;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(kind.format);
            if (in == null || !readers.hasNext()) {
                return Result.refused("refused.photo.unreadable");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS || w < MIN_SIDE || h < MIN_SIDE) {
                    return Result.refused("refused.photo.dimensions", String.valueOf(MIN_SIDE),
                            String.valueOf(MAX_SIDE));
                }
                decoded = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // a damaged file, or one ImageIO cannot read (a CMYK JPEG, say)
            return Result.refused("refused.photo.unreadable");
        }
        if (decoded == null) {
            return Result.refused("refused.photo.unreadable");
        }
        BufferedImage upright = kind == Kind.JPEG ? upright(decoded, ExifOrientation.of(bytes)) : decoded;
        boolean alpha = kind == Kind.PNG && upright.getColorModel().hasAlpha();
        BufferedImage large = scaled(upright, LARGE, alpha);
        BufferedImage thumb = scaled(large, THUMB, alpha);
        try {
            byte[] image = write(large, kind);
            return Result.done(new Encoded(kind, image, large.getWidth(), large.getHeight(), write(thumb, kind),
                    thumb.getWidth(), thumb.getHeight(), sha256(image)));
        } catch (IOException e) {
            return Result.refused("refused.photo.unreadable");
        }
    }

    /** The image scaled to fit {@code max} pixels a side (never enlarged), in halving steps for a smooth result. */
    static BufferedImage scaled(BufferedImage src, int max, boolean alpha) {
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        int w = src.getWidth();
        int h = src.getHeight();
        double f = Math.min(1.0, (double) max / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * f));
        int th = Math.max(1, (int) Math.round(h * f));
        BufferedImage current = src;
        do {
            w = Math.max(tw, w / 2);
            h = Math.max(th, h / 2);
            BufferedImage next = new BufferedImage(w, h, type);
            Graphics2D g = next.createGraphics();
            if (!alpha) {
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, w, h);
            }
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(current, 0, 0, w, h, null);
            g.dispose();
            current = next;
        } while (w != tw || h != th);
        return current;
    }

    /** The image turned as EXIF orientation 1 to 8 says the camera held it. */
    static BufferedImage upright(BufferedImage src, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        boolean swap = orientation >= 5;
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(Math.PI / 2); t.scale(1, -1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
        }
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(src, t, null);
        g.dispose();
        return out;
    }

    /** Writes the pixels only: no EXIF, XMP, ICC profile, comments or text chunks. */
    private static byte[] write(BufferedImage img, Kind kind) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(kind.format).next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (kind == Kind.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.85f);
            }
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The orientation tag (0x0112) of a JPEG's EXIF segment: 1 (upright) when there is none or it is unreadable. */
    static final class ExifOrientation {

        private ExifOrientation() {
        }

        static int of(byte[] b) {
            try {
                int i = 2;
                while (i + 4 <= b.length && (b[i] & 0xFF) == 0xFF) {
                    int marker = b[i + 1] & 0xFF;
                    int len = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
                    if (marker == 0xDA || len < 2) {
                        return 1;
                    }
                    int start = i + 4;
                    if (marker == 0xE1 && len >= 16 && b[start] == 'E' && b[start + 1] == 'x' && b[start + 2] == 'i'
                            && b[start + 3] == 'f') {
                        return fromTiff(b, start + 6, i + 2 + len);
                    }
                    i += 2 + len;
                }
            } catch (ArrayIndexOutOfBoundsException e) {
                return 1;
            }
            return 1;
        }

        private static int fromTiff(byte[] b, int t, int end) {
            boolean little = b[t] == 'I';
            int ifd = t + (int) read(b, t + 4, 4, little);
            int entries = (int) read(b, ifd, 2, little);
            for (int e = 0; e < entries; e++) {
                int at = ifd + 2 + 12 * e;
                if (at + 12 > end) {
                    return 1;
                }
                if (read(b, at, 2, little) == 0x0112) {
                    return (int) read(b, at + 8, 2, little);
                }
            }
            return 1;
        }

        private static long read(byte[] b, int at, int n, boolean little) {
            long v = 0;
            for (int k = 0; k < n; k++) {
                int shift = little ? 8 * k : 8 * (n - 1 - k);
                v |= (long) (b[at + k] & 0xFF) << shift;
            }
            return v;
        }
    }
}
