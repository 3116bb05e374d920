package news.coverage.recommend.related;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HeadlinesTest {

    @Test
    void theSubjectIsTheFirstNamingWord() {
        assertEquals(Optional.of("ibm"), Headlines.subject("IBM exits facial recognition business"));
        assertEquals(Optional.of("amazon"), Headlines.subject("Why Amazon's pause on police facial recognition matters"));
        assertEquals(Optional.of("amazon"), Headlines.subject("Amazon and Microsoft pause police facial recognition"));
        assertEquals(Optional.of("microsoft"), Headlines.subject("The Microsoft ban: what it means"));
        assertEquals(Optional.empty(), Headlines.subject("a case for banning facial recognition"));
        assertEquals(Optional.empty(), Headlines.subject(null));
    }

    @Test
    void sameSubjectSeparatesParallelMoves() {
        assertEquals(1.0, Headlines.sameSubject("IBM gets out of facial recognition", "IBM's exit from face recognition"));
        assertEquals(0.0, Headlines.sameSubject("IBM gets out of facial recognition",
                "Amazon bans police use of facial recognition"));
        assertEquals(0.0, Headlines.sameSubject("a case for banning it", "a case for banning it"));
    }

    @Test
    void overlapCountsContentWordsOfTheShorterHeadline() {
        assertEquals(Set.of("ibm", "exits", "facial", "recognition", "business"),
                Headlines.words("IBM exits the facial recognition business"));
        assertEquals(1.0, Headlines.overlap("IBM exits facial recognition", "IBM exits facial recognition business, "
                + "calls on Congress"));
        assertEquals(1 / 3.0, Headlines.overlap("IBM exits recognition", "Amazon pauses facial recognition tech"), 1e-9);
        assertEquals(0.0, Headlines.overlap("", "IBM"));
    }
}
