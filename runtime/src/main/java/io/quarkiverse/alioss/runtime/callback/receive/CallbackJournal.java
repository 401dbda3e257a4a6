package io.quarkiverse.alioss.runtime.callback.receive;

import io.quarkiverse.alioss.runtime.callback.CallbackEndpoint;
import io.vertx.ext.web.RoutingContext;

/**
 * Where the receive pipeline reports each callback request as it goes, for the Dev UI's list of deliveries. Only dev
 * mode has one; everywhere else it is {@link #NONE}, which does nothing.
 */
public interface CallbackJournal {

    CallbackJournal NONE = new CallbackJournal() {
        @Override
        public boolean received(RoutingContext ctx, CallbackEndpoint endpoint) {
            return false;
        }

        @Override
        public void bodyRead(RoutingContext ctx, byte[] body) {
        }

        @Override
        public void refused(RoutingContext ctx, CallbackRefusal refusal) {
        }
    };

    /**
     * A callback request arrived at {@code endpoint}; the journal follows it to the end of its reply.
     *
     * @return whether it is the Dev UI's replay of a delivery the application accepted before, which runs the method
     *         again without claiming the (already used) token
     */
    boolean received(RoutingContext ctx, CallbackEndpoint endpoint);

    /** The request's body, as received. */
    void bodyRead(RoutingContext ctx, byte[] body);

    /** Why the request was refused, by its precise code. */
    void refused(RoutingContext ctx, CallbackRefusal refusal);
}
