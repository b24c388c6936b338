package org.civicloop.evidence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

/** Small, structurally valid sample files (and hostile ones) for attachment tests. */
public final class Samples {

    private Samples() {
    }

    /** A minimal one-page PDF; {@code catalogExtra} is spliced into the catalog dictionary. */
    public static byte[] pdf(String catalogExtra) {
        String body = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"
                + "1 0 obj\n<< /Type /Catalog /Pages 2 0 R " + catalogExtra + " >>\nendobj\n"
                + "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
                + "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\n"
                + "trailer\n<< /Root 1 0 R /Size 4 >>\nstartxref\n0\n%%EOF\n";
        return body.getBytes(StandardCharsets.ISO_8859_1);
    }

    public static byte[] pdf() {
        return pdf("");
    }

    /** A PDF whose script hides in a compressed (FlateDecode) object stream. */
    public static byte[] pdfWithCompressedScript() {
        byte[] hidden = deflate("4 0 << /S /JavaScript /JS (app.alert('hi')) >>".getBytes(StandardCharsets.ISO_8859_1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
                + "5 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length " + hidden.length
                + " >>\nstream\n";
        out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(hidden);
        out.writeBytes("\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** A 1x1 PNG (signature, IHDR, IDAT, IEND; checksums are not checked by the sniffer). */
    public static byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(out, "IHDR", new byte[]{0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0});
        chunk(out, "IDAT", deflate(new byte[]{0, (byte) 255, 0, 0}));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** The start and end markers of a JPEG around some bytes. */
    public static byte[] jpeg() {
        return new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0,
                0, 1, 0, 1, 0, 0, (byte) 0xFF, (byte) 0xD9};
    }

    public static byte[] html() {
        return "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A valid PDF padded with a comment to {@code size} bytes. */
    public static byte[] pdfOfSize(int size) {
        byte[] base = pdf();
        byte[] out = new byte[size];
        String pad = "%";
        System.arraycopy(base, 0, out, 0, base.length - 6);
        for (int i = base.length - 6; i < size - 7; i++) {
            out[i] = (byte) (i % 80 == 0 ? '\n' : 'x');
        }
        out[base.length - 6] = (byte) pad.charAt(0);
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(tail, 0, out, size - tail.length, tail.length);
        return out;
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(new byte[]{(byte) (data.length >>> 24), (byte) (data.length >>> 16), (byte) (data.length >>> 8),
                (byte) data.length});
        out.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        out.writeBytes(new byte[4]);
    }

    private static byte[] deflate(byte[] data) {
        Deflater d = new Deflater();
        d.setInput(data);
        d.finish();
        byte[] buf = new byte[1024];
        int n = d.deflate(buf);
        d.end();
        return java.util.Arrays.copyOf(buf, n);
    }
}
