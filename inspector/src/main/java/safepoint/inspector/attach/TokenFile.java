package safepoint.inspector.attach;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The attach token: 32 random bytes in hex, in {@code DIR/attach-PORT.token}, readable only by
 * the user who started the server (the directory 700, the file 600, made so from the start, never
 * widened afterwards), so that a viewer run by the same user finds it and nobody else can.
 */
public final class TokenFile {
    private TokenFile() {}

    /** {@code ~/.safepoint}, where the server writes and the viewer looks. */
    public static Path defaultDir() {
        return Path.of(System.getProperty("user.home"), ".safepoint");
    }

    public static Path path(Path dir, int port) {
        return dir.resolve("attach-" + port + ".token");
    }

    static String fresh() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Writes {@code token} for {@code port}, replacing a stale file of an earlier server. */
    static Path write(Path dir, int port, String token) throws IOException {
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            else Files.createDirectories(dir);
        }
        Path p = path(dir, port);
        Files.deleteIfExists(p);
        try {
            if (posix) Files.createFile(p, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            else {
                Files.createFile(p);
                p.toFile().setReadable(false, false);
                p.toFile().setReadable(true, true);
            }
        } catch (FileAlreadyExistsException e) {
            throw new IOException("another server just wrote " + p, e);
        }
        Files.writeString(p, token + "\n", StandardCharsets.UTF_8);
        return p;
    }

    /** The token for {@code port}, or an exception that says where it looked. */
    public static String read(Path dir, int port) throws AttachException {
        Path p = path(dir, port);
        try {
            return Files.readString(p, StandardCharsets.UTF_8).strip();
        } catch (java.nio.file.NoSuchFileException e) {
            throw new AttachException("no token file " + p + ": is `safepoint --listen " + port + "` running as this user?");
        } catch (IOException e) {
            throw new AttachException("cannot read the token file " + p + ": " + e.getMessage());
        }
    }
}
