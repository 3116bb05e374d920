package news.coverage.ingest.storage;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObjectKeyTest {

    @Test
    void keysInsideTheBucketAreRead() {
        assertEquals(Optional.empty(), ObjectKey.problem("2020/06/ibm exits.md"));
        assertEquals(Optional.empty(), ObjectKey.problem("a..b/c...md"));
    }

    @Test
    void keysThatCouldLeaveTheBucketAreRefused() {
        for (String key : new String[] { "../../jwt/privateKey.pem", "a/../../b", "/etc/passwd", "a\\..\\b", "./a", "a/." }) {
            assertTrue(ObjectKey.problem(key).isPresent(), key);
        }
    }

    @Test
    void emptyLongAndControlKeysAreRefused() {
        assertTrue(ObjectKey.problem("").isPresent());
        assertTrue(ObjectKey.problem("a".repeat(ObjectKey.MAX_LENGTH + 1)).isPresent());
        assertTrue(ObjectKey.problem("a\u0000.md").isPresent());
    }
}
