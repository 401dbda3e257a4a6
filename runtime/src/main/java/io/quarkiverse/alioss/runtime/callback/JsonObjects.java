package io.quarkiverse.alioss.runtime.callback;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/** Writes small flat JSON objects with Jackson's streaming generator, so every string is escaped correctly. */
public final class JsonObjects {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonObjects() {
    }

    /** Writes the members of one object. */
    @FunctionalInterface
    public interface Members {
        void write(JsonGenerator json) throws IOException;
    }

    public static String write(Members members) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            members.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
