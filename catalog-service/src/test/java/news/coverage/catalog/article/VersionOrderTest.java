package news.coverage.catalog.article;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VersionOrderTest {

    private static final Instant T = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void aVersionReceivedLaterReplacesAnEarlierOneNeverTheOtherWayRound() {
        assertTrue(VersionOrder.supersedes(T.plusMillis(1), T, null));
        assertTrue(VersionOrder.supersedes(T, T, null), "received at once: the later record wins");
        assertFalse(VersionOrder.supersedes(T.minusMillis(1), T, null));
        assertTrue(VersionOrder.supersedes(T, null, null), "nothing stored, or stored without a time");
    }

    @Test
    void aDeletedArticleComesBackOnlyWithAVersionReceivedAfterTheDeletion() {
        assertFalse(VersionOrder.supersedes(T.minusSeconds(1), null, T), "a replay of what was there before");
        assertFalse(VersionOrder.supersedes(T, null, T));
        assertTrue(VersionOrder.supersedes(T.plusSeconds(1), null, T), "uploaded again");
    }
}
