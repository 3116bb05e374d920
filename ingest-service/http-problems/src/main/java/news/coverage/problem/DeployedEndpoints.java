package news.coverage.problem;

import io.quarkus.resteasy.reactive.server.runtime.ResteasyReactiveRecorder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.mapping.RuntimeResource;
import org.jboss.resteasy.reactive.server.util.RuntimeResourceVisitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The service's REST endpoints as Quarkus REST deployed them (no reflection: its own model of the resources). */
@ApplicationScoped
public class DeployedEndpoints {

    private volatile Endpoints endpoints;

    public Endpoints get() {
        Endpoints known = endpoints;
        if (known == null) {
            known = read();
            endpoints = known;
        }
        return known;
    }

    private static Endpoints read() {
        var deployment = ResteasyReactiveRecorder.getCurrentDeployment();
        List<Endpoints.Endpoint> found = new ArrayList<>();
        RuntimeResourceVisitor.visitRuntimeResources(deployment.getPrefix(), deployment.getClassMappers(),
                new RuntimeResourceVisitor() {
                    @Override
                    public void visitRuntimeResource(String method, String path, RuntimeResource resource) {
                        found.add(new Endpoints.Endpoint(method, path,
                                resource.getConsumes().stream().map(MediaType::toString).toList(),
                                resource.getProduces() == null ? List.of()
                                        : Arrays.stream(resource.getProduces().getSortedOriginalMediaTypes())
                                                .map(MediaType::toString).toList()));
                    }
                });
        return new Endpoints(found);
    }
}
