package io.quarkiverse.alioss.it;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.model.ListObjectsRequest;

/** Lists what the demo stored: {@code GET /objects}. */
@Path("/objects")
public class ObjectsResource {

    /** Enough for a demo page; the listing stops after this many objects. */
    static final int MAX_LISTED = 1000;

    /** One stored object as the page shows it. */
    public record StoredObject(String key, long size, Instant lastModified) {
    }

    @Inject
    OssClient oss;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<StoredObject> list() {
        return oss.listAllObjects(ListObjectsRequest.withPrefix(ObjectKeys.PREFIX))
                .limit(MAX_LISTED)
                .map(o -> new StoredObject(o.key(), o.size(), o.lastModified()))
                .toList();
    }
}
