package io.quarkiverse.alioss.runtime.callback.template;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import io.quarkiverse.alioss.callback.OssCallbackTemplate;
import io.quarkiverse.alioss.callback.OssCallbackTemplates;

/**
 * The callback templates of the running application, by name. Built at run-time init, when the routes are mounted,
 * and kept by {@code CallbackRuntime}; the template beans read it lazily, when first injected.
 */
public final class CallbackTemplateRegistry implements OssCallbackTemplates {

    private final Map<String, OssCallbackTemplate> byName;

    public CallbackTemplateRegistry(Map<String, OssCallbackTemplate> byName) {
        this.byName = Collections.unmodifiableMap(new TreeMap<>(byName));
    }

    @Override
    public OssCallbackTemplate get(String name) {
        OssCallbackTemplate template = byName.get(name);
        if (template == null) {
            throw new IllegalArgumentException("No @OssCallback named '" + name + "'; known: " + byName.keySet());
        }
        return template;
    }

    @Override
    public Collection<OssCallbackTemplate> all() {
        return byName.values();
    }
}
