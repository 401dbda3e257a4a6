package io.quarkiverse.alioss.runtime.signing;

import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a URL's query as the server would: decoded names and values, in order, null for a name without value. */
public final class UrlQueries {

    private UrlQueries() {
    }

    public static Map<String, String> decoded(URL url) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : url.getQuery().split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            params.put(name, eq < 0 ? null : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
