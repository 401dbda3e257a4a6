package io.quarkiverse.alioss.benchmarks.load;

import java.util.List;

import io.vertx.core.buffer.Buffer;

/** The requests of one window, taken by the load generator's single thread. */
final class RequestSupply {

    private final List<Buffer> requests;
    private final boolean reusable;
    private int next;

    private RequestSupply(List<Buffer> requests, boolean reusable) {
        this.requests = requests;
        this.reusable = reusable;
    }

    /** Each request once: they carry single-use tokens. */
    static RequestSupply once(List<Buffer> requests) {
        return new RequestSupply(requests, false);
    }

    /** Round and round: nothing in them is single use. */
    static RequestSupply cycling(List<Buffer> requests) {
        return new RequestSupply(requests, true);
    }

    /** @return the next request, or null when a single-use supply is used up */
    Buffer next() {
        if (next == requests.size()) {
            if (!reusable) {
                return null;
            }
            next = 0;
        }
        return requests.get(next++);
    }

    int used() {
        return next;
    }
}
