package news.coverage.recommend.related;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class HeadlinesTest {

    private static Headlines.Headline headline(String text) {
        return Headlines.Headline.of(text);
    }

    @Test
    void theSubjectIsTheFirstNamingWord() {
        assertEquals("ibm", headline("IBM exits facial recognition business").subject());
        assertEquals("amazon", headline("Why Amazon's pause on police facial recognition matters").subject());
        assertEquals("amazon", headline("Amazon and Microsoft pause police facial recognition").subject());
        assertEquals("microsoft", headline("The Microsoft ban: what it means").subject());
        assertNull(headline("a case for banning facial recognition").subject());
        assertNull(headline(null).subject());
    }

    @Test
    void sameSubjectSeparatesParallelMoves() {
        assertEquals(1.0, headline("IBM gets out of facial recognition")
                .sameSubject(headline("IBM's exit from face recognition")));
        assertEquals(0.0, headline("IBM gets out of facial recognition")
                .sameSubject(headline("Amazon bans police use of facial recognition")));
        assertEquals(0.0, headline("a case for banning it").sameSubject(headline("a case for banning it")));
    }

    @Test
    void overlapCountsContentWordsOfTheShorterHeadline() {
        assertArrayEquals(new String[] { "business", "exits", "facial", "ibm", "recognition" },
                headline("IBM exits the facial recognition business.").words());
        assertEquals(1.0, headline("IBM exits facial recognition")
                .overlap(headline("IBM exits facial recognition business, calls on Congress")));
        assertEquals(1 / 3.0, headline("IBM exits recognition")
                .overlap(headline("Amazon pauses facial recognition tech")), 1e-9);
        assertEquals(0.0, headline("").overlap(headline("IBM")));
    }
}
