package io.quarkiverse.alioss.callback;

import java.util.Collection;

/** All callback templates of the application, by name; an injectable bean. */
public interface OssCallbackTemplates {

    /** @throws IllegalArgumentException naming the unknown name and the known ones */
    OssCallbackTemplate get(String name);

    Collection<OssCallbackTemplate> all();
}
