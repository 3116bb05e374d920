package news.coverage.deploy.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JwtIssuerTest {

    @Test
    void thePrivateKeyIsReadableByItsOwnerAlone(@TempDir Path directory) throws Exception {
        JwtIssuer.in(directory).token("someone", Duration.ofMinutes(5), "ingest");
        Path key = directory.resolve("privateKey.pem");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));

        // a key left readable by an earlier version is closed at the next start
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        JwtIssuer.in(directory);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    }
}
