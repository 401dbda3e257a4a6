package org.acme.verifier;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/** Upload tokens this application handed out, each accepted once. */
@ApplicationScoped
public class PendingUploads {

    private final Set<String> tokens = ConcurrentHashMap.newKeySet();

    public void add(String token) {
        tokens.add(token);
    }

    public boolean consume(String token) {
        return token != null && tokens.remove(token);
    }
}
