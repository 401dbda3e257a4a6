package io.quarkiverse.alioss.deployment.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTransformation;
import org.jboss.jandex.DotName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.OssCallbackTemplates;
import io.quarkiverse.alioss.callback.SystemVar;
import io.quarkus.arc.deployment.AnnotationsTransformerBuildItem;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An {@code @OssCallback} that only an annotation transformer puts on a method counts as if it were written there: the
 * method gets its route and template, and its bean, which nothing injects, is kept. Annotations are read the way ArC
 * reads them, not from the raw index.
 */
class TransformerAddedCallbackTest {

    static final String PATH = "/oss/added";

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Uploads.class, TestCallbackKeys.class, SignedCallbacks.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.oss.callback.trusted-key-urls", TestCallbackKeys.keyUrl())
            // the signature alone decides here; the token is tested elsewhere
            .overrideConfigKey("quarkus.oss.callback.token.enabled", "false")
            .addBuildChainCustomizer(chain -> chain.addBuildStep(context -> context.produce(
                    new AnnotationsTransformerBuildItem(AnnotationTransformation.forMethods()
                            .whenMethod(method -> method.declaringClass().name()
                                    .equals(DotName.createSimple(Uploads.class)) && method.name().equals("uploaded"))
                            .transform(method -> method.add(AnnotationInstance.builder(OssCallback.class)
                                    .add("path", PATH)
                                    .add("name", "added")
                                    .build())))))
                    .produces(AnnotationsTransformerBuildItem.class).build());

    /** No {@code @OssCallback} in its source, and nothing injects it. */
    @ApplicationScoped
    static class Uploads {
        static final AtomicReference<String> RECEIVED = new AtomicReference<>();

        void uploaded(@SystemVar("object") String object) {
            RECEIVED.set(object);
        }
    }

    @Inject
    OssCallbackTemplates templates;

    @Test
    void signedCallbackReachesTheMethodTheTransformerAnnotated() {
        SignedCallbacks.post(PATH, SignedCallbacks.FORM, "bucket=b&object=photos%2Fa.jpg")
                .then().statusCode(200)
                .body(equalTo("{\"status\":\"OK\"}"));
        assertThat(Uploads.RECEIVED).hasValue("photos/a.jpg");
    }

    @Test
    void theTransformedCallbackHasATemplate() {
        assertThat(templates.get("added").path()).isEqualTo(PATH);
    }
}
