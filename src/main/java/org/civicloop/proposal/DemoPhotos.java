package org.civicloop.proposal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** The demo proposals' photos, drawn here (no image file is shipped): a river path with a bench, a wildflower verge. */
final class DemoPhotos {

    private DemoPhotos() {
    }

    /** A river path at dusk with an empty bench, as a JPEG. */
    static byte[] riverPath() {
        BufferedImage img = new BufferedImage(960, 640, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(img);
        g.setColor(new Color(0xF4C27A));
        g.fillRect(0, 0, 960, 300);
        g.setColor(new Color(0x3D7EA6));
        g.fillRect(0, 300, 960, 140);
        g.setColor(new Color(0x4E8B3A));
        g.fillRect(0, 440, 960, 200);
        g.setColor(new Color(0xC9B28A));
        g.fillPolygon(new int[]{380, 580, 960, 960, 0, 0}, new int[]{440, 440, 600, 640, 640, 600}, 6);
        g.setColor(new Color(0x6B4423));
        g.setStroke(new BasicStroke(10));
        g.drawLine(640, 470, 820, 470);
        g.drawLine(640, 500, 820, 500);
        g.drawLine(655, 500, 650, 540);
        g.drawLine(805, 500, 810, 540);
        return write(img, "jpeg");
    }

    /** Grass verge sown with wildflowers, as a PNG. */
    static byte[] wildflowerVerge() {
        BufferedImage img = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(img);
        g.setColor(new Color(0xBFE3F5));
        g.fillRect(0, 0, 800, 260);
        g.setColor(new Color(0x888888));
        g.fillRect(0, 260, 800, 80);
        g.setColor(new Color(0x5D9B3F));
        g.fillRect(0, 340, 800, 260);
        Random r = new Random(22);
        Color[] petals = {new Color(0xE8443A), new Color(0xF2D13A), new Color(0x8E5BD6), Color.WHITE};
        for (int i = 0; i < 260; i++) {
            g.setColor(petals[r.nextInt(petals.length)]);
            int x = r.nextInt(800);
            int y = 350 + r.nextInt(240);
            g.fillOval(x, y, 9, 9);
        }
        return write(img, "png");
    }

    private static Graphics2D start(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        return g;
    }

    private static byte[] write(BufferedImage img, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
