package io.quarkiverse.alioss.deployment.callback.errors;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.CallbackVar;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.SystemVar;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The build fails, naming the method: the body keys {@code bucket} and {@code object} always carry the variables of
 * the same name, which the callback token pins, so no other variable may be bound under them.
 */
class ReservedBodyKeyTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Bad.class))
            .assertException(BuildErrors.mentioning(
                    "@OssCallback method io.quarkiverse.alioss.deployment.callback.errors.ReservedBodyKeyTest$Bad"
                            + "#sizeAsObject(long) binds the body field \"object\" to size, but that field always"
                            + " carries the variable of the same name, which the callback token pins: choose another"
                            + " key",
                    "$Bad#userAsBucket(String) binds the body field \"bucket\" to x:user"));

    @ApplicationScoped
    static class Bad {
        @OssCallback(path = "/oss/size", name = "size")
        void sizeAsObject(@SystemVar(value = "size", key = "object") long size) {
        }

        @OssCallback(path = "/oss/user", name = "user")
        void userAsBucket(@CallbackVar(value = "user", key = "bucket") String user) {
        }
    }

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
