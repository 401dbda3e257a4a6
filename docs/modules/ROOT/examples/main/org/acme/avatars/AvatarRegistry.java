package org.acme.avatars;

// tag::registry[]
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/** Which object is each user's avatar. A real application keeps this in its database. */
@ApplicationScoped
public class AvatarRegistry {

    private final Map<String, String> objectByUser = new ConcurrentHashMap<>();

    public void put(String user, String object) {
        objectByUser.put(user, object);
    }

    public Optional<String> objectOf(String user) {
        return Optional.ofNullable(objectByUser.get(user));
    }
}
// end::registry[]
