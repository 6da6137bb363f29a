import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks that a screenshot of the console looks like one: a readable PNG of at least 640 x 400 pixels that is not one
 * flat colour (a blank or black frame means nothing was rendered). Used by smoke-test.sh:
 * {@code java installers/PngCheck.java FILE}; exit 0 when it passes, 1 with the reason otherwise.
 */
public final class PngCheck {

    public static void main(String[] args) throws Exception {
        File file = new File(args[0]);
        if (!file.isFile() || file.length() < 5_000) {
            fail(file + ": missing or smaller than 5 kB (" + file.length() + " bytes)");
        }
        BufferedImage image = ImageIO.read(file);
        if (image == null) {
            fail(file + ": not a readable image");
        }
        if (image.getWidth() < 640 || image.getHeight() < 400) {
            fail(file + ": only " + image.getWidth() + "x" + image.getHeight() + " pixels");
        }
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        if (colours.size() < 8) {
            fail(file + ": nearly flat, " + colours.size() + " colours");
        }
        System.out.println(file + ": " + image.getWidth() + "x" + image.getHeight() + ", " + colours.size()
                + " colours, " + file.length() + " bytes");
    }

    private static void fail(String message) {
        System.err.println("PngCheck: " + message);
        System.exit(1);
    }
}
