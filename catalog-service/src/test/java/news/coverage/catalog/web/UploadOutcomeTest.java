package news.coverage.catalog.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UploadOutcomeTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void eachItemOfABatchIsAcceptedOrRejectedWithItsErrors() throws Exception {
        UploadOutcome outcome = UploadOutcome.of("items.ndjson", 200, json("""
                {"accepted":1,"rejected":1,"unacknowledged":0,"results":[
                 {"source":"items.ndjson:1","id":"0123","status":"ACCEPTED"},
                 {"source":"items.ndjson:2","status":"REJECTED","errors":[{"field":"/webUrl","message":"is required"}]}]}"""));

        assertNull(outcome.problem());
        assertEquals(2, outcome.items().size());
        assertTrue(outcome.items().get(0).accepted());
        assertEquals("0123", outcome.items().get(0).id());
        assertEquals(List.of("/webUrl: is required"), outcome.items().get(1).errors());
        assertNull(outcome.items().get(1).id());
    }

    @Test
    void aRefusedUploadSaysWhyInWords() throws Exception {
        assertEquals("The token was refused: the token has expired", UploadOutcome.of("a.md", 401,
                json("{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"the token has expired\"}")).problem());
        assertEquals("The token may not upload: needs the role ingest", UploadOutcome.of("a.md", 403,
                json("{\"status\":403,\"detail\":\"needs the role ingest\"}")).problem());
        assertEquals("The file holds no article: invalid (/title: is required)", UploadOutcome.of("a.md", 422,
                json("{\"detail\":\"invalid\",\"errors\":[{\"field\":\"/title\",\"message\":\"is required\"}]}"))
                .problem());
        assertEquals("ingest-service could not take the file now; try again", UploadOutcome.of("a.md", 502, null)
                .problem());
    }

    @Test
    void itemsTheBrokerDidNotTakeAreToBeSentAgain() throws Exception {
        UploadOutcome outcome = UploadOutcome.of("a.md", 503, json("""
                {"results":[{"source":"a.md","id":"0123","status":"UNACKNOWLEDGED"}]}"""));
        assertTrue(outcome.problem().contains("upload the file again"));
        assertEquals("UNACKNOWLEDGED", outcome.items().get(0).status());
    }

    private JsonNode json(String text) throws Exception {
        return json.readTree(text);
    }
}
