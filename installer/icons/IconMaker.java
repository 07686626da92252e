import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws the Arbiter icon (a balance weighing "A" against "B", the same picture as arbiter.svg) and writes
 * the PNG sizes plus the Windows .ico and macOS .icns containers that jpackage wants. Both containers
 * accept embedded PNG entries, so no platform tool (iconutil, ImageMagick) is needed.
 *
 * Run: {@code java -Djava.awt.headless=true installer/icons/IconMaker.java installer/icons}
 */
public final class IconMaker {
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : ".");
        Map<Integer, byte[]> png = new LinkedHashMap<>();
        for (int size : new int[] {16, 32, 48, 64, 128, 256, 512, 1024}) png.put(size, png(draw(size)));
        for (int size : new int[] {16, 32, 48, 64, 128, 256, 512}) {
            Files.write(out.resolve("arbiter-" + size + ".png"), png.get(size));
        }
        Files.write(out.resolve("arbiter.png"), png.get(128)); // jpackage's Linux --icon
        Files.write(out.resolve("arbiter.ico"), ico(png, 16, 32, 48, 64, 128, 256));
        Files.write(out.resolve("arbiter.icns"), icns(png));
    }

    /** 100-unit design grid scaled to the requested size. */
    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 100.0, size / 100.0);
        g.setPaint(new GradientPaint(0, 0, new Color(0x2B4C7E), 0, 100, new Color(0x1A2F52)));
        g.fill(new RoundRectangle2D.Double(4, 4, 92, 92, 22, 22));

        Color gold = new Color(0xF2C14E);
        g.setColor(gold);
        g.setStroke(new BasicStroke(5, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(50, 20, 50, 78));            // pillar
        g.draw(new Line2D.Double(34, 80, 66, 80));            // base
        g.draw(new Line2D.Double(20, 28, 80, 28));            // beam
        g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (double x : new double[] {24, 76}) {              // strings to the pans
            g.draw(new Line2D.Double(x, 28, x - 12, 52));
            g.draw(new Line2D.Double(x, 28, x + 12, 52));
        }
        for (double x : new double[] {24, 76}) {              // pans
            g.fill(new Arc2D.Double(x - 15, 40, 30, 24, 180, 180, Arc2D.CHORD));
        }
        Path2D top = new Path2D.Double();                     // finial
        top.moveTo(44, 22); top.lineTo(50, 12); top.lineTo(56, 22); top.closePath();
        g.fill(top);

        if (size >= 32) {                                     // letters are noise below 32 px
            g.setColor(Color.WHITE);                          // the weighed answers sit on the pans
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            drawCentered(g, "A", 24, 50);
            drawCentered(g, "B", 76, 50);
        }
        g.dispose();
        return img;
    }

    static void drawCentered(Graphics2D g, String s, double cx, double baseline) {
        float w = (float) g.getFontMetrics().getStringBounds(s, g).getWidth();
        g.drawString(s, (float) cx - w / 2, (float) baseline);
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(img, "png", bytes);
        return bytes.toByteArray();
    }

    /** ICO: little-endian directory of PNG entries (valid since Windows Vista). 256 is written as 0. */
    static byte[] ico(Map<Integer, byte[]> png, int... sizes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LittleEndian le = new LittleEndian(bytes);
        le.u16(0); le.u16(1); le.u16(sizes.length);
        int offset = 6 + 16 * sizes.length;
        for (int s : sizes) {
            byte[] data = png.get(s);
            bytes.write(s >= 256 ? 0 : s); bytes.write(s >= 256 ? 0 : s);
            bytes.write(0); bytes.write(0);                   // no palette, reserved
            le.u16(1); le.u16(32);                            // planes, bits per pixel
            le.u32(data.length); le.u32(offset);
            offset += data.length;
        }
        for (int s : sizes) bytes.write(png.get(s));
        return bytes.toByteArray();
    }

    /** ICNS: big-endian "icns" header then typed PNG chunks; the @2x types reuse the doubled bitmap. */
    static byte[] icns(Map<Integer, byte[]> png) throws IOException {
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("icp4", 16); types.put("icp5", 32); types.put("icp6", 64);
        types.put("ic07", 128); types.put("ic08", 256); types.put("ic09", 512); types.put("ic10", 1024);
        types.put("ic11", 32); types.put("ic12", 64); types.put("ic13", 256); types.put("ic14", 512);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(body);
        for (Map.Entry<String, Integer> t : types.entrySet()) {
            byte[] data = png.get(t.getValue());
            out.writeBytes(t.getKey());
            out.writeInt(8 + data.length);
            out.write(data);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream head = new DataOutputStream(file);
        head.writeBytes("icns");
        head.writeInt(8 + body.size());
        head.write(body.toByteArray());
        return file.toByteArray();
    }

    record LittleEndian(ByteArrayOutputStream out) {
        void u16(int v) { out.write(v & 0xFF); out.write((v >>> 8) & 0xFF); }
        void u32(int v) { u16(v & 0xFFFF); u16(v >>> 16); }
    }
}
