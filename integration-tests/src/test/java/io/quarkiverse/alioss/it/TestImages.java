package io.quarkiverse.alioss.it;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** Real PNG files of a known size, drawn in memory (no binary test fixtures). */
final class TestImages {

    private TestImages() {
    }

    static byte[] png(int width, int height) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(0x2b6cb0));
            g.fillRect(0, 0, width, height);
            g.setColor(Color.WHITE);
            g.drawLine(0, 0, width - 1, height - 1);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Path pngFile(Path directory, String name, int width, int height) {
        try {
            Files.createDirectories(directory);
            return Files.write(directory.resolve(name), png(width, height));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
