package news.coverage.problem;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The endpoints of a service by method and path template, to say what a refused request could have asked instead. */
public final class Endpoints {

    /**
     * One endpoint.
     *
     * @param consumes the media types of bodies it takes (empty: any)
     * @param produces the media types it answers with
     */
    public record Endpoint(String method, String template, List<String> consumes, List<String> produces) {

        boolean matches(String path) {
            return pattern(template).matcher(path).matches();
        }
    }

    private final List<Endpoint> endpoints;

    public Endpoints(List<Endpoint> endpoints) {
        this.endpoints = List.copyOf(endpoints);
    }

    /** The methods some endpoint answers at this path, in the order they were declared. */
    public Set<String> methods(String path) {
        Set<String> methods = new LinkedHashSet<>();
        at(path).forEach(endpoint -> methods.add(endpoint.method()));
        return methods;
    }

    public Set<String> consumes(String method, String path) {
        Set<String> types = new LinkedHashSet<>();
        at(path).stream().filter(endpoint -> endpoint.method().equals(method))
                .forEach(endpoint -> types.addAll(endpoint.consumes()));
        return types;
    }

    public Set<String> produces(String method, String path) {
        Set<String> types = new LinkedHashSet<>();
        at(path).stream().filter(endpoint -> endpoint.method().equals(method))
                .forEach(endpoint -> types.addAll(endpoint.produces()));
        return types;
    }

    private List<Endpoint> at(String path) {
        List<Endpoint> matching = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            if (endpoint.matches(path)) {
                matching.add(endpoint);
            }
        }
        return matching;
    }

    /** {@code /articles/{id}} as a pattern: a parameter is one path segment, or its own regular expression. */
    static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        int at = 0;
        while (at < template.length()) {
            int open = template.indexOf('{', at);
            if (open < 0) {
                regex.append(Pattern.quote(template.substring(at)));
                break;
            }
            regex.append(Pattern.quote(template.substring(at, open)));
            int close = template.indexOf('}', open);
            String parameter = template.substring(open + 1, close);
            int colon = parameter.indexOf(':');
            regex.append(colon < 0 ? "[^/]+" : "(?:" + parameter.substring(colon + 1).strip() + ")");
            at = close + 1;
        }
        return Pattern.compile(regex + "/?");
    }
}
