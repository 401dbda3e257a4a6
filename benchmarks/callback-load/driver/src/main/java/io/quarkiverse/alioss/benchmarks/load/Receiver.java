package io.quarkiverse.alioss.benchmarks.load;

import java.util.List;

/**
 * One receiver under load: a path of one of the two applications (tokens on or off) and, when its callbacks need a
 * token, the callback name the token is issued for.
 */
record Receiver(String id, boolean tokensOn, String path, String callbackName, String description) {

    static final Receiver BARE = new Receiver("bare", true, "/bare/event-loop", null,
            "bare Vert.x route, event loop");
    static final Receiver BARE_WORKER = new Receiver("bare-worker", true, "/bare/worker", null,
            "bare Vert.x route, worker");
    static final Receiver UNI_ON = new Receiver("uni-on", true, "/route/uni", "uni", "Uni route, token on");
    static final Receiver UNI_OFF = new Receiver("uni-off", false, "/route/uni", null, "Uni route, token off");
    static final Receiver PLAIN_ON = new Receiver("plain-on", true, "/route/plain", "plain",
            "plain-return route, token on");
    static final Receiver PLAIN_OFF = new Receiver("plain-off", false, "/route/plain", null,
            "plain-return route, token off");
    static final Receiver VIRTUAL_ON = new Receiver("virtual-on", true, "/route/virtual", "virtual",
            "virtual-thread route, token on");
    static final Receiver VIRTUAL_OFF = new Receiver("virtual-off", false, "/route/virtual", null,
            "virtual-thread route, token off");
    static final Receiver REST_ON = new Receiver("rest-on", true, "/rest/callback", "rest",
            "@OssCallback REST method, token on");
    static final Receiver REST_OFF = new Receiver("rest-off", false, "/rest/callback", null,
            "@OssCallback REST method, token off");
    static final Receiver REST_BARE = new Receiver("rest-bare", true, "/rest/bare", null,
            "bare REST method (verifies, parses the form)");
    static final Receiver REST_FORM = new Receiver("rest-form", true, "/rest/form", null,
            "REST method with @RestForm parameters (verifies nothing)");
    static final Receiver SAMPLE = new Receiver("sample", true, "/sample/callback", null,
            "JAX-RS port of the official sample server");

    /** The order of one round; pairs that are compared sit next to each other. */
    static final List<Receiver> ALL = List.of(BARE, UNI_ON, UNI_OFF, PLAIN_ON, PLAIN_OFF, BARE_WORKER, VIRTUAL_ON,
            VIRTUAL_OFF, REST_BARE, REST_ON, REST_OFF, REST_FORM, SAMPLE);

    boolean singleUse() {
        return callbackName != null;
    }

    /** A receiver without {@code @OssCallback} that the callback receivers are compared with. */
    boolean baseline() {
        return tokensOn && callbackName == null;
    }
}
