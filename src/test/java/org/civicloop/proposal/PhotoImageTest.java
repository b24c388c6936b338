package org.civicloop.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.civicloop.kernel.Result;
import org.junit.jupiter.api.Test;

public class PhotoImageTest {

    public static byte[] image(String format, int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.GREEN);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.RED);
        g.fillRect(0, 0, w / 4, h / 4); // top left marks which way is up
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    /** A JPEG with an EXIF segment after SOI: orientation, and a GPS-like text that must not survive. */
    public static byte[] jpegWithExif(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(64);
        tiff.put(new byte[]{'M', 'M', 0, 42, 0, 0, 0, 8});
        tiff.putShort((short) 1); // one entry
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        tiff.put("GPS 51.5072N 0.1276W".getBytes(StandardCharsets.US_ASCII));
        byte[] body = new byte[6 + tiff.position()];
        System.arraycopy("Exif\0\0".getBytes(StandardCharsets.US_ASCII), 0, body, 0, 6);
        System.arraycopy(tiff.array(), 0, body, 6, tiff.position());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        out.write((body.length + 2) >> 8);
        out.write((body.length + 2) & 0xFF);
        out.writeBytes(body);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A PNG with a tEXt chunk naming a place, inserted after IHDR. */
    public static byte[] pngWithText(byte[] png) {
        byte[] data = "Location\0Riverside 51.5072,-0.1276".getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put("tEXt".getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        int afterIhdr = 8 + 8 + 13 + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterIhdr);
        out.writeBytes(chunk.array());
        out.write(png, afterIhdr, png.length - afterIhdr);
        return out.toByteArray();
    }

    public static boolean contains(byte[] hay, String needle) {
        return new String(hay, StandardCharsets.ISO_8859_1).contains(needle);
    }

    @Test
    void aJpegIsReencodedWithoutItsExifAndTurnedUpright() throws Exception {
        byte[] in = jpegWithExif(image("jpeg", 400, 200), 6);
        assertTrue(contains(in, "Exif") && contains(in, "GPS 51.5072N"));
        assertEquals(6, PhotoImage.ExifOrientation.of(in));
        PhotoImage.Encoded e = PhotoImage.encode(in).value();
        assertEquals(PhotoImage.Kind.JPEG, e.kind());
        assertFalse(contains(e.image(), "Exif"));
        assertFalse(contains(e.image(), "GPS"));
        assertFalse(contains(e.thumbnail(), "Exif"));
        // turned a quarter clockwise: 400 x 200 becomes 200 x 400, the red corner now top right
        assertEquals(200, e.width());
        assertEquals(400, e.height());
        BufferedImage out = ImageIO.read(new ByteArrayInputStream(e.image()));
        assertTrue(new Color(out.getRGB(190, 10)).getRed() > 200, "red at the top right");
        assertTrue(new Color(out.getRGB(10, 10)).getGreen() > 200, "green at the top left");
        assertEquals(PhotoImage.sha256(e.image()), e.sha256());
    }

    @Test
    void aPngKeepsItsKindLosesItsTextChunksAndIsScaledDown() throws Exception {
        byte[] in = pngWithText(image("png", 3200, 1000));
        assertTrue(ImageIO.read(new ByteArrayInputStream(in)) != null, "the test PNG is valid");
        assertTrue(contains(in, "tEXt"));
        PhotoImage.Encoded e = PhotoImage.encode(in).value();
        assertEquals(PhotoImage.Kind.PNG, e.kind());
        assertFalse(contains(e.image(), "tEXt"));
        assertFalse(contains(e.image(), "Riverside"));
        assertEquals(1600, e.width());
        assertEquals(500, e.height());
        assertEquals(480, e.thumbWidth());
        assertEquals(150, e.thumbHeight());
        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(e.thumbnail()));
        assertEquals(480, thumb.getWidth());
    }

    @Test
    void theKindIsJudgedByTheBytes() throws Exception {
        assertEquals("refused.photo.type", refusal(PhotoImage.encode("<svg onload=alert(1)>".getBytes())));
        assertEquals("refused.photo.type", refusal(PhotoImage.encode(image("gif", 40, 40))));
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII);
        assertEquals("refused.photo.webp", refusal(PhotoImage.encode(webp)));
        assertEquals("refused.photo.empty", refusal(PhotoImage.encode(new byte[0])));
        byte[] broken = image("jpeg", 100, 100);
        assertEquals("refused.photo.unreadable",
                refusal(PhotoImage.encode(java.util.Arrays.copyOf(broken, 40))));
    }

    @Test
    void sizeAndDimensionsAreLimited() throws Exception {
        byte[] big = new byte[PhotoImage.MAX_BYTES + 1];
        System.arraycopy(image("png", 20, 20), 0, big, 0, 8);
        assertEquals("refused.photo.tooLarge", refusal(PhotoImage.encode(big)));
        // a tall thin PNG compresses to a few bytes but is refused from its header
        assertEquals("refused.photo.dimensions", refusal(PhotoImage.encode(image("png", 20, 8001))));
        assertEquals("refused.photo.dimensions", refusal(PhotoImage.encode(image("png", 10, 40))));
    }

    @Test
    void theDescriptionIsRequiredAndShort() {
        assertEquals("A bench by the river", PhotoImage.alt("  A bench by the river ").value());
        assertEquals("refused.photo.alt", refusal(PhotoImage.alt(" ")));
        assertEquals("refused.photo.alt", refusal(PhotoImage.alt(null)));
        assertEquals("refused.photo.alt", refusal(PhotoImage.alt("x".repeat(251))));
    }

    private static String refusal(Result<?> r) {
        return ((Result.Refused<?>) r).key();
    }
}
