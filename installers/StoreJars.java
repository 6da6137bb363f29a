import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites every jar in a folder with its entries stored uncompressed, leaving out the entries whose names match an
 * optional pattern. The installers compress the whole application image (xz in the .deb); across all classes at once
 * that compresses far better than each jar's own per-entry deflate, which it cannot compress further.
 * Entry contents stay byte for byte the same, so signed jars stay valid.
 * Usage (from installers/installers.xml): {@code java installers/StoreJars.java DIR [DROP_REGEX]}.
 */
public final class StoreJars {

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Pattern drop = args.length > 1 ? Pattern.compile(args[1]) : null;
        long before = 0;
        long after = 0;
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "*.jar")) {
            for (Path jar : jars) {
                before += Files.size(jar);
                Path stored = jar.resolveSibling(jar.getFileName() + ".stored");
                rewrite(jar, stored, drop);
                Files.move(stored, jar, StandardCopyOption.REPLACE_EXISTING);
                after += Files.size(jar);
            }
        }
        System.out.printf("StoreJars: %s: %.1f MB of jars stored as %.1f MB%n", dir, before / 1e6, after / 1e6);
    }

    private static void rewrite(Path from, Path to, Pattern drop) throws IOException {
        try (ZipFile in = new ZipFile(from.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            out.setMethod(ZipOutputStream.STORED);
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (drop != null && drop.matcher(entry.getName()).matches()) {
                    continue;
                }
                byte[] data;
                try (InputStream content = in.getInputStream(entry)) {
                    data = content.readAllBytes();
                }
                CRC32 crc = new CRC32();
                crc.update(data);
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setMethod(ZipEntry.STORED);
                copy.setSize(data.length);
                copy.setCompressedSize(data.length);
                copy.setCrc(crc.getValue());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(data);
                out.closeEntry();
            }
        }
    }
}
