import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Area;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Draws Pitwall's icon (a white "P" over a chequered pit-lane band on a navy tile) in the sizes each OS needs and
 * writes them to the directory given as the only argument:
 * pitwall-N.png for Linux (hicolor theme sizes), pitwall.ico for Windows, pitwall.icns for macOS.
 * Run once by hand, commit the output: {@code java installers/IconGenerator.java installers/icons}.
 * Every size is drawn from the same vector shapes rather than scaled down, so small icons stay sharp.
 */
public final class IconGenerator {

    private static final int[] LINUX_SIZES = {16, 24, 32, 48, 64, 128, 256, 512};
    private static final int[] WINDOWS_SIZES = {16, 24, 32, 48, 64, 128, 256};
    private static final Color TILE = new Color(0x17, 0x23, 0x3B);
    private static final Color MARK = Color.WHITE;
    private static final Color ACCENT = new Color(0x2F, 0xD0, 0x8C);

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java installers/IconGenerator.java OUTPUT_DIR");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        for (int size : LINUX_SIZES) {
            Files.write(out.resolve("pitwall-" + size + ".png"), png(size));
        }
        Files.write(out.resolve("pitwall.ico"), ico());
        Files.write(out.resolve("pitwall.icns"), icns());
        System.out.println("icons written to " + out.toAbsolutePath());
    }

    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 64.0, size / 64.0);

        // The shapes live on a 64 x 64 grid; tiny sizes fill the whole square, larger ones leave a margin.
        double inset = size <= 24 ? 0 : 3;
        double tile = 64 - 2 * inset;
        g.setColor(TILE);
        g.fill(new RoundRectangle2D.Double(inset, inset, tile, tile, tile * 0.28, tile * 0.28));

        // The "P": a stem and a bowl cut out as a ring.
        g.setColor(MARK);
        g.fill(new Rectangle2D.Double(17, 12, 9, 38));
        Area bowl = new Area(new RoundRectangle2D.Double(17, 12, 31, 25, 24, 24));
        bowl.subtract(new Area(new RoundRectangle2D.Double(26, 19, 14, 11, 10, 10)));
        g.fill(bowl);

        if (size >= 32) {
            // The chequered band of the pit lane, too fine to read below 32 pixels.
            double cell = 4;
            for (int row = 0; row < 2; row++) {
                for (int col = 0; col < 7; col++) {
                    g.setColor((row + col) % 2 == 0 ? MARK : ACCENT);
                    g.fill(new Rectangle2D.Double(30 + col * cell, 42 + row * cell, cell, cell));
                }
            }
        } else {
            g.setColor(ACCENT);
            g.fill(new Rectangle2D.Double(32, 42, 22, 8));
        }
        g.dispose();
        return image;
    }

    static byte[] png(int size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(draw(size), "png", bytes);
        return bytes.toByteArray();
    }

    /** An ICO file whose entries are PNGs (read by Windows Vista and later, and by jpackage's launcher). */
    static byte[] ico() throws IOException {
        Map<Integer, byte[]> images = new LinkedHashMap<>();
        for (int size : WINDOWS_SIZES) {
            images.put(size, png(size));
        }
        int headerSize = 6 + 16 * images.size();
        ByteBuffer dir = ByteBuffer.allocate(headerSize).order(ByteOrder.LITTLE_ENDIAN);
        dir.putShort((short) 0).putShort((short) 1).putShort((short) images.size());
        int offset = headerSize;
        for (Map.Entry<Integer, byte[]> e : images.entrySet()) {
            int size = e.getKey();
            dir.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size));
            dir.put((byte) 0).put((byte) 0);
            dir.putShort((short) 1).putShort((short) 32);
            dir.putInt(e.getValue().length).putInt(offset);
            offset += e.getValue().length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(dir.array());
        for (byte[] png : images.values()) {
            out.write(png);
        }
        return out.toByteArray();
    }

    /** An ICNS file with PNG entries: the OS types for 16 to 512 points at 1x and 2x. */
    static byte[] icns() throws IOException {
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("icp4", 16);
        types.put("icp5", 32);
        types.put("icp6", 64);
        types.put("ic07", 128);
        types.put("ic08", 256);
        types.put("ic09", 512);
        types.put("ic10", 1024);
        types.put("ic11", 32);
        types.put("ic12", 64);
        types.put("ic13", 256);
        types.put("ic14", 512);
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(entries);
        for (Map.Entry<String, Integer> e : types.entrySet()) {
            byte[] png = png(e.getValue());
            data.writeBytes(e.getKey());
            data.writeInt(8 + png.length);
            data.write(png);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeHeader(out, 8 + entries.size());
        entries.writeTo(out);
        return out.toByteArray();
    }

    private static void writeHeader(OutputStream out, int totalLength) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeBytes("icns");
        data.writeInt(totalLength);
    }
}
