package news.coverage.catalog.web;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** ingest-service's batch upload, which the upload page forwards a file to with the person's bearer token. */
@RegisterRestClient(configKey = "ingest")
public interface IngestClient {

    /** The raw answer: its status and body are shown to the person whatever they are. */
    @POST
    @Path("/uploads")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> upload(@HeaderParam("Authorization") String authorization, @RestForm("file") FileUpload file);
}
